@testable import TextSearch
import Testing

/// The pieces that let ranking read less: a field scope's entries kept by the planner, the
/// candidates' places in the dense arrays, the selection that keeps only possible ties, and
/// matched terms found without scoring. Each is checked against the plain way it replaces.
@Suite struct RankingShortcutTests {
    static let vocabulary = ["sat", "satellite", "satellites", "spectrum", "orbit", "orbital", "radio", "band", "beam", "cable"]

    static let index: SearchIndex = {
        var random = SeededGenerator(seed: 41)
        func text(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        }
        return SearchIndex(schema: Corpus.newsSchema, documents: (0..<1_500).map { i in
            Corpus.news("d\(i)", title: text(0...3), body: text(0...30), summary: text(0...6), date: 20200101 + i % 300)
        })
    }()

    /// The entries `FieldEntries.forEach` finds, eight at a time, are the ones a plain filter
    /// finds, at every start, length and field value (a field of 0 and one of 0xFF included).
    @Test func theEightAtATimeScanFindsWhatAFilterFinds() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<400 {
            let fields = (0..<Int.random(in: 0...70, using: &random)).map { _ in [0, 1, 2, 3, 0xFF].randomElement(using: &random)! }
                .map(UInt8.init)
            let lower = Int.random(in: 0...fields.count, using: &random)
            let range = lower..<Int.random(in: lower...fields.count, using: &random)
            for field in [UInt8(0), 1, 3, 0xFF] {
                var found: [Int] = []
                fields.withUnsafeBufferPointer { buffer in FieldEntries.forEach(in: buffer, range: range, field: field) { found.append($0) } }
                #expect(found == range.filter { fields[$0] == field }, "\(fields) \(range) field \(field)")
            }
        }
    }

    /// A word in one field: the planner keeps its entries there, each the one entry of its
    /// (term, document) pair in that field, and the ranker reads only those.
    @Test func aFieldScopeKeepsItsEntriesInTheFieldAndRanksFromThem() throws {
        let data = RankingShortcutTests.index.data
        let planner = QueryPlanner(data: data, schema: RankingShortcutTests.index.schema)
        for (text, isPrefix) in [("satellite", false), ("sat", true), ("orbit", true), ("spectrum", false)] {
            var cache = UnitCache()
            let unit = try #require(planner.resolve(UnitKey(text: text, isPhrase: false, field: 0, isPrefix: isPrefix), cache: &cache))
            guard case .terms(let matcher) = unit.kind else { Issue.record("\(text) is not a word"); continue }
            let kept = try #require(unit.fieldEntries, "\(text)")
            var expected: [UInt32] = []
            var documents = DocumentSet(capacity: data.documentCount)
            for range in matcher.ranges {
                for e in Int(data.termEntryStart[range.lowerBound])..<Int(data.termEntryStart[range.upperBound]) where data.entryField[e] == 0 {
                    expected.append(UInt32(e))
                    documents.insert(Int(data.entryDocument[e]))
                }
            }
            #expect(kept.entries == expected, "\(text)")
            #expect(kept.documents == expected.map { data.entryDocument[Int($0)] }, "\(text): each entry's document")
            #expect(unit.documents == documents, "\(text)")

            let results = RankingShortcutTests.index.search("title:\(text)\(isPrefix ? "*" : "") ", options: SearchOptions(limit: 10))
            let allPostings = matcher.ranges.reduce(0) { $0 + Int(data.termEntryStart[$1.upperBound] - data.termEntryStart[$1.lowerBound]) }
            #expect(results.trace.strategy == .singleWordKept, "\(text)")
            #expect(results.trace.postingsRead == allPostings + expected.count, "\(text): the planner reads every entry, ranking the kept ones")
            #expect(results.hits == RankingShortcutTests.exhaustive("title:\(text)\(isPrefix ? "*" : "") ").hits, "\(text)")
        }
        // A word in every field keeps none.
        var cache = UnitCache()
        #expect(try #require(planner.resolve(UnitKey(text: "orbit", isPhrase: false, field: nil, isPrefix: true), cache: &cache)).fieldEntries == nil)
    }

    @Test func fieldEntriesStopAtTheirCapacity() throws {
        let full = (0..<UInt32(FieldEntries.capacity)).map { $0 }
        let kept = try #require(FieldEntries.keeping(field: 2, entries: full, documents: full.map { $0 / 3 }))
        #expect(kept.count == FieldEntries.capacity)
        #expect(kept.field == 2)
        #expect(kept.documents == full.map { $0 / 3 })
        let pastCapacity = full + [UInt32(FieldEntries.capacity)]
        #expect(FieldEntries.keeping(field: 2, entries: pastCapacity, documents: pastCapacity) == nil)
    }

    /// A member's place is the number of members below it, or the document itself when the
    /// members are many.
    @Test func aMembersPlaceCountsTheMembersBelowIt() {
        var random = SeededGenerator(seed: 43)
        for _ in 0..<200 {
            let capacity = Int.random(in: 1...700, using: &random)
            let density = Double.random(in: 0...0.4, using: &random)
            var set = DocumentSet(capacity: capacity)
            for d in 0..<capacity where Double.random(in: 0..<1, using: &random) < density { set.insert(d) }
            let places = DocumentSet.MemberIndex(set)
            let members = set.members
            if members.count > capacity / 8 {
                #expect(places.count == capacity)
                for d in members { #expect(places.place(of: d) == d) }
            } else {
                #expect(places.count == members.count)
                for (place, d) in members.enumerated() { #expect(places.place(of: d) == place, "\(d) of \(members)") }
            }
        }
    }

    /// The selection keeps the best `limit` by relevance without proximity and, when it keeps
    /// ties, every offered document that ties with the last of them (the ones proximity may
    /// reorder); when it does not, no other.
    @Test(arguments: [true, false])
    func theSelectionKeepsTheBestAndEveryTieOfTheLast(keepsTies: Bool) {
        var random = SeededGenerator(seed: 44)
        for _ in 0..<300 {
            let limit = Int.random(in: 1...12, using: &random)
            let offered = (0..<Int.random(in: 0...300, using: &random)).map { d in
                RankedDocument(document: d, matched: Int.random(in: 1...2, using: &random), typos: Int.random(in: 0...1, using: &random),
                               score: Double(Int.random(in: 0...4, using: &random)), date: Int.random(in: 0...3, using: &random))
            }
            var selection = RankedSelection(limit: limit, keepsTies: keepsTies)
            for ranked in offered { selection.insert(ranked) }
            let sorted = offered.sorted(by: RankedDocument.precedesIgnoringProximity)
            #expect(selection.seen == offered.count)
            #expect(selection.elements.map(\.document) == sorted.prefix(limit).map(\.document))
            guard keepsTies else {
                #expect(selection.contenders.isEmpty)
                continue
            }
            guard let last = selection.worst else { continue }
            let ties = Set(offered.filter { RankedDocument.sameRelevance($0, last) }.map(\.document))
            let kept = Set(selection.contenders.map(\.document))
            #expect(ties.isSubset(of: kept), "a tie of the last was dropped")
        }
    }

    /// `matchedTerms` gives the terms `evaluate` gives, for every unit and every document.
    @Test func matchedTermsAreTheTermsEvaluationFinds() {
        let index = RankingShortcutTests.index
        var checked = 0
        for query in ["satellite", "sat*", "title:orbit", "\"satellite spectrum\"", "satelite band", "title:sat* radio", "cable beam"] {
            var parser = QueryParser(schema: index.schema)
            parser.lastWordIsPrefix = false
            guard let root = parser.parse(query).root else { Issue.record("\(query) parses to nothing"); continue }
            var planner = QueryPlanner(data: index.data, schema: index.schema)
            var cache = UnitCache()
            _ = planner.plan(root, cache: &cache)
            let ranker = Ranker(data: index.data, weights: index.schema.fields.map(\.effectiveWeight), units: planner.units,
                                positiveUnits: planner.positiveUnits)
            for u in planner.positiveUnits {
                for d in 0..<index.documentCount {
                    #expect(ranker.matchedTerms(u, document: d) == (ranker.evaluate(u, document: d)?.terms ?? []), "\(query) in \(d)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// The dictionary's character runs, worked out when it is made, are the terms grouped by
    /// their first scalar (an empty term in none), and within that by their second (a term of
    /// one scalar in none); each run knows its terms' lengths, and the runs of one second
    /// scalar are found together.
    @Test func theCharacterRunsGroupTheTermsByTheirFirstTwoScalars() {
        var random = SeededGenerator(seed: 45)
        for _ in 0..<100 {
            let alphabet: [UInt32] = [0x61, 0x62, 0x7A, 0xE9, 0x4E9A, 0x1F600]
            let terms = Set((0..<Int.random(in: 0...60, using: &random)).map { _ in
                (0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            }).sorted { $0.lexicographicallyPrecedes($1) }
            let runs = TermDictionary(sortedTerms: terms).characterRuns
            func grouped(_ key: ([UInt32]) -> [UInt32]?) -> [([UInt32], Range<Int>)] {
                var expected: [([UInt32], Range<Int>)] = []
                for (id, term) in terms.enumerated() {
                    guard let key = key(term) else { continue }
                    if let last = expected.last, last.0 == key, last.1.upperBound == id {
                        expected[expected.count - 1].1 = last.1.lowerBound..<id + 1
                    } else {
                        expected.append((key, id..<id + 1))
                    }
                }
                return expected
            }
            let firsts = grouped { $0.isEmpty ? nil : [$0[0]] }
            let seconds = grouped { $0.count < 2 ? nil : Array($0[0...1]) }
            #expect(runs.firsts.map { [$0.character] } == firsts.map(\.0), "\(terms)")
            #expect(runs.firsts.map(\.ids) == firsts.map(\.1), "\(terms)")
            #expect(runs.seconds.map { [$0.first, $0.character] } == seconds.map(\.0), "\(terms)")
            #expect(runs.seconds.map(\.ids) == seconds.map(\.1), "\(terms)")
            for run in runs.firsts {
                #expect(runs.seconds[run.seconds].allSatisfy { $0.first == run.character && run.ids.contains($0.ids.lowerBound) })
            }
            let lengthSets = runs.firsts.map { ($0.ids, $0.lengths) } + runs.seconds.map { ($0.ids, $0.lengths) }
            for (ids, set) in lengthSets {
                let lengths = Set(ids.map { terms[$0].count })
                for length in 0...6 {
                    #expect(set.mayHold(length: length) == lengths.contains(length), "\(terms), \(ids), \(length)")
                    #expect(set.mayHold(lengthAtLeast: length) == lengths.contains { $0 >= length }, "\(terms), \(ids), \(length)")
                }
            }
            for second in alphabet + [0x63] {
                var found: [Range<Int>] = []
                runs.forEachRun(withSecondCharacter: second) { found.append($0.ids) }
                #expect(found == seconds.filter { $0.0[1] == second }.map(\.1), "\(terms), second \(second)")
            }
        }
    }

    /// A length set answers for every length it was given, and shares one answer for the
    /// lengths from 63 on; it never says no to a length it holds.
    @Test func aLengthSetHoldsItsLengthsAndTheLongOnesTogether() {
        var set = LengthSet()
        #expect(!set.mayHold(length: 0) && !set.mayHold(lengthAtLeast: 0))
        for length in [0, 5, 9, 70] { set.insert(length) }
        #expect((0...80).filter { set.mayHold(length: $0) } == [0, 5, 9] + Array(63...80))
        #expect(set.mayHold(lengthAtLeast: 10) && set.mayHold(lengthAtLeast: 63) && set.mayHold(lengthAtLeast: 500))
        var short = LengthSet()
        short.insert(2)
        short.insert(-1)
        #expect(short.mayHold(length: 0) && short.mayHold(length: 2) && !short.mayHold(lengthAtLeast: 3))
    }

    /// Merged highlights are the union of the ranges, sorted, with no two overlapping or touching.
    @Test func mergedRangesAreTheirUnionSortedAndApart() {
        var random = SeededGenerator(seed: 46)
        for _ in 0..<500 {
            let ranges = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                let start = Int.random(in: 0...60, using: &random)
                return start..<start + Int.random(in: 1...6, using: &random)
            }
            let merged = Highlighter.merge(ranges)
            #expect(Set(merged.flatMap { Array($0) }) == Set(ranges.flatMap { Array($0) }), "\(ranges)")
            #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }, "\(ranges) → \(merged)")
        }
    }

    static func exhaustive(_ query: String) -> SearchResults {
        var options = SearchOptions(limit: 10)
        options.exhaustiveRanking = true
        return index.search(query, options: options)
    }
}
