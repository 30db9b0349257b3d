import Catalog
import Testing
@testable import Import

@Suite("Near-duplicate index")
struct NearDuplicateIndexTests {
    func item(_ id: String, _ date: String, title: String, body: String = "unrelated words here") -> NewsItem {
        NewsItem(id: id, date: PartialDate(date)!, category: "News", title: title, summary: "s", body: body)
    }

    @Test("the bounded check agrees with the Jaccard similarity on every pair of small sets")
    func reachesAgreesWithJaccard() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let a = Array(Set((0..<Int(random.next() % 12)).map { _ in random.next() % 16 })).sorted()
            let b = Array(Set((0..<Int(random.next() % 12)).map { _ in random.next() % 16 })).sorted()
            for threshold in [Similarity.titleThreshold, Similarity.bodyThreshold, 0.5, 1.0] {
                #expect(Similarity.reaches(a, b, threshold) == (Similarity.jaccard(a, b) >= threshold),
                        "\(a) \(b) \(threshold)")
            }
        }
    }

    @Test("the fewest shared terms is the first count whose similarity reaches the threshold")
    func sharedNeeded() {
        #expect(Similarity.sharedNeeded(5, 5, 0.6) == 4)
        #expect(Similarity.sharedNeeded(10, 10, 0.7) == 9)
        #expect(Similarity.sharedNeeded(100, 100, 0.7) == 83)
        #expect(Similarity.sharedNeeded(3, 10, 0.7) == nil)
    }

    @Test("only items within a day are candidates, and the earliest match is the one found")
    func candidatesByDay() {
        var index = NearDuplicateIndex()
        index.add(item("far", "2021-11-03", title: "Intersputnik joins ITU as a Sector Member"))
        index.add(item("undated", "2021-11", title: "Intersputnik joins ITU as a Sector Member"))
        index.add(item("next-day", "2021-11-02", title: "Intersputnik joins ITU as a Sector Member"))
        index.add(item("same-day", "2021-11-01", title: "Intersputnik joins ITU as a Sector Member"))
        index.add(item("body", "2021-10-31", title: "Something else", body: "Intersputnik joined the union in October as a member"))
        let new = item("new", "2021-11-01", title: "Intersputnik joins ITU as Sector Member",
                       body: "Intersputnik joined the union in October as a member")
        #expect(index.firstMatch(of: new)?.id == "body")
        let titleOnly = item("new", "2021-11-01", title: "Intersputnik joins ITU as Sector Member")
        #expect(index.firstMatch(of: titleOnly)?.id == "same-day")
        #expect(index.firstMatch(of: item("new", "2021-11-05", title: "Intersputnik joins ITU as Sector Member")) == nil)
        #expect(index.firstMatch(of: item("new", "2021-11-01", title: "ESA signs an agreement", body: "On spectrum")) == nil)
    }
    @Test("the queries at once, day by day on several threads, find what each query finds alone", arguments: [1, 2, 3, 64])
    func firstMatchesAgreeWithOneByOne(daysPerChunk: Int) {
        var random = SplitMix64(seed: UInt64(daysPerChunk))
        let words = ["orbit", "spectrum", "gold", "member", "sector", "union", "satellite", "band"]
        func text(_ count: Int) -> String { (0..<count).map { _ in words[Int(random.next() % 8)] }.joined(separator: " ") }
        func date() -> String { "2021-\(10 + random.next() % 2)-\(10 + random.next() % 12)" }
        var index = NearDuplicateIndex()
        for position in 0..<300 {
            index.add(item("c\(position)", random.next() % 15 == 0 ? "2021-11" : date(), title: text(4), body: text(8)))
        }
        let queries = (0..<400).map { _ in
            let sets = WordSets(item("q", "2021-11-01", title: text(4), body: text(8)))
            return NearDuplicateIndex.Query(sets: sets, day: Similarity.dayNumber(PartialDate(date())!))
        }
        let together = index.firstMatches(of: queries, daysPerChunk: daysPerChunk)
        var found = 0
        for (query, match) in zip(queries, together) {
            let alone = index.firstMatch(of: query.sets, onDay: query.day - 1, through: query.day + 1)
            #expect(match?.item.id == alone?.item.id && match?.day == alone?.day)
            if alone != nil { found += 1 }
        }
        #expect(found > 100 && found < 400)
    }
}
