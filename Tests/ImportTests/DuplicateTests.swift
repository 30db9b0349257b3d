import Catalog
import Testing
@testable import Import

@Suite("Duplicate detection")
struct DuplicateTests {
    static let existing = NewsItem(
        id: "2021-11-01-intersputnik-gold", date: PartialDate(year: 2021, month: 11, day: 1)!, category: "Membership",
        title: "Intersputnik becomes an ITU Gold Sector Member",
        summary: "Gold.", body: "Intersputnik announced that it had become an ITU Gold Sector Member after joining ITU-D in October.",
        source: "https://example.org/gold")

    static var catalog: Catalog {
        Catalog(sectors: Support.catalog.sectors, organizations: Support.catalog.organizations, news: [existing])
    }

    func imported(_ title: String, date: String = "2021-11-01", body: String = "Some other text entirely about spectrum.",
                  link: String? = nil, guid: String? = nil) throws -> ImportedNews {
        let article = Article(title: title, date: PartialDate(date), paragraphs: [body], link: link, guid: guid)
        return ImportedNews(try SourceArticle(article, sourceName: "feed.xml", address: nil, fileName: nil), linker: Support.linker)
    }

    func plan(_ news: [ImportedNews], _ options: ImportOptions = ImportOptions()) -> ImportPlan {
        ImportPlanner.plan(news, against: Self.catalog, options: options)
    }

    @Test("the same source address is unchanged, or updated with --replace")
    func sameSource() throws {
        let again = try imported("A new title for the same page", link: "https://example.org/gold")
        let kept = plan([again])
        #expect(kept.outcomes.map(\.action) == [.unchanged])
        #expect(kept.outcomes.first?.duplicateOf == Self.existing.id)
        #expect(kept.added.isEmpty && kept.replaced.isEmpty)
        let replaced = plan([again], ImportOptions(replace: true))
        #expect(replaced.outcomes.map(\.action) == [.updated])
        #expect(replaced.replaced.map(\.id) == [Self.existing.id])
        #expect(replaced.replaced.first?.title == "A new title for the same page")
    }

    @Test("the same guid is unchanged")
    func sameGUID() throws {
        let again = try imported("Whatever", link: "https://example.org/other", guid: "https://example.org/gold")
        #expect(plan([again]).outcomes.map(\.action) == [.unchanged])
    }

    @Test("a similar title within a day is a duplicate, not added unless --force")
    func similarTitle() throws {
        for date in ["2021-10-31", "2021-11-01", "2021-11-02"] {
            let similar = try imported("Intersputnik becomes ITU Gold Sector Member", date: date)
            let result = plan([similar])
            #expect(result.outcomes.map(\.action) == [.duplicate], "date \(date)")
            #expect(result.outcomes.first?.duplicateOf == Self.existing.id)
            #expect(result.added.isEmpty)
        }
        let forced = plan([try imported("Intersputnik becomes ITU Gold Sector Member")], ImportOptions(force: true))
        #expect(forced.outcomes.map(\.action) == [.added])
        #expect(forced.added.first?.id == "2021-11-01-intersputnik-becomes-itu-gold-sector-member")
    }

    @Test("a similar body within a day is a duplicate")
    func similarBody() throws {
        let body = "Intersputnik announced that it had become an ITU Gold Sector Member after joining ITU-D in October."
        #expect(plan([try imported("Completely different words", body: body)]).outcomes.map(\.action) == [.duplicate])
    }

    @Test("two days apart, or a different title and body, is new")
    func notDuplicates() throws {
        let later = try imported("Intersputnik becomes an ITU Gold Sector Member", date: "2021-11-03")
        let different = try imported("ESA signs a spectrum agreement")
        #expect(plan([later, different]).outcomes.map(\.action) == [.added, .added])
    }

    @Test("thresholds: 60 % of title words, 70 % of body words")
    func thresholds() {
        #expect(Similarity.words("a b c d e", "a b c x y") < Similarity.titleThreshold)
        #expect(Similarity.words("a b c d", "a b c d e") >= Similarity.titleThreshold)
        #expect(Similarity.words("Intersputnik", "INTERSPUTNİK") == 1)
    }

    @Test("the same item twice in one import is added once; a taken id gets a number")
    func withinOneImport() throws {
        let item = try imported("ESA signs a spectrum agreement", link: "https://example.org/esa")
        let result = plan([item, item])
        #expect(result.outcomes.map(\.action) == [.added, .unchanged])
        let sameTitleOtherDay = try imported("Intersputnik becomes an ITU Gold Sector Member", date: "2021-11-01",
                                             body: "x", link: "https://example.org/x")
        let forced = plan([sameTitleOtherDay], ImportOptions(force: true))
        #expect(forced.added.first?.id == "2021-11-01-intersputnik-becomes-an-itu-gold-sector-member")
        let clash = try imported("Gold", date: "2021-11-01", link: "https://example.org/y")
        var taken = clash
        taken.item.id = Self.existing.id
        #expect(ImportPlanner.plan([taken], against: Self.catalog, options: ImportOptions(force: true)).added.first?.id
                == Self.existing.id + "-2")
    }

    @Test("day numbers count across months and leap years")
    func days() {
        #expect(Similarity.dayNumber(PartialDate(year: 1970, month: 1, day: 1)!) == 0)
        #expect(Similarity.dayNumber(PartialDate(year: 2024, month: 3, day: 1)!) - Similarity.dayNumber(PartialDate(year: 2024, month: 2, day: 28)!) == 2)
        #expect(Similarity.dayNumber(PartialDate(year: 2021, month: 11, day: 1)!) - Similarity.dayNumber(PartialDate(year: 2021, month: 10, day: 31)!) == 1)
    }
}
