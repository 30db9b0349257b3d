@testable import CatalogSearch
import Testing

/// `is:unread`, `is:read`, `is:starred` and `has:note` over a catalog, from the `ItemFlags` passed in.
@Suite struct ItemFlagsTests {
    let index = CatalogSearchIndex(catalog: SmallCatalog.make())
    let flags = ItemFlags(
        read: ["news:2021-11-01-intersputnik-gold-sector-member", "organization:apple", "news:no-longer-in-the-fixtures"],
        starred: ["organization:intersputnik", "news:2022-06-wtdc-22-opens"],
        noted: ["news:2021-03-itu-d-event"])

    func keys(_ query: String, flags: ItemFlags? = nil) -> Set<String> {
        Set(index.search(query, limit: 100, flags: flags ?? self.flags).hits.map { $0.type.rawValue + ":" + $0.id })
    }

    @Test func starredReadAndNotedItemsAreFound() {
        #expect(keys("is:starred") == ["organization:intersputnik", "news:2022-06-wtdc-22-opens"])
        #expect(keys("is:read") == ["news:2021-11-01-intersputnik-gold-sector-member", "organization:apple"])
        #expect(keys("has:note") == ["news:2021-03-itu-d-event"])
    }

    @Test func unreadIsEveryNewsItemAndOrganizationNotReadButNoSector() {
        #expect(keys("is:unread") == [
            "news:2021-10-intersputnik-joins-itu-d", "news:2022-06-wtdc-22-opens",
            "news:2022-07-21-dubai-to-host-wrc-23", "news:2021-03-itu-d-event", "organization:intersputnik",
        ])
        #expect(keys("is:unread", flags: ItemFlags()).count == 7)
    }

    @Test func flagsCombineWithWordsAndTypes() {
        #expect(keys("intersputnik is:unread") == ["news:2021-10-intersputnik-joins-itu-d", "organization:intersputnik"])
        #expect(keys("intersputnik -is:starred").contains("organization:intersputnik") == false)
        let news = index.search("is:starred", types: [.news], flags: flags)
        #expect(news.hits.map(\.id) == ["2022-06-wtdc-22-opens"])
    }

    @Test func flagsApplyNestedNegatedAndInAnyCase() {
        // A space after the last word: "apple" is a finished word here, as in the queries below
        // (while typed, it would also match words starting within a typo of it: "appl…").
        let either = keys("intersputnik OR apple ")
        #expect(keys("(intersputnik OR apple) AND NOT IS:STARRED") == either.subtracting(keys("is:starred")))
        #expect(keys("(intersputnik OR apple) AND NOT IS:STARRED").count < either.count)
        #expect(keys("intersputnik (has:note OR Is:Read)") == keys("intersputnik").intersection(keys("has:note").union(keys("is:read"))))
        #expect(!keys("intersputnik (has:note OR Is:Read)").isEmpty)
    }

    @Test func onlyASearchNamingAFlagWorksOutEveryItemsDocument() {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        _ = index.search("intersputnik is starred", flags: flags)
        var session = index.makeSession()
        _ = session.search("intersputnik has", flags: flags)
        #expect(!index.flagKeysBuilt)
        _ = index.search("intersputnik -is:starred", flags: flags)
        #expect(index.flagKeysBuilt)
    }

    @Test func aMistypedFlagNamesTheFourFlags() {
        #expect(index.search("is:stared", flags: flags).problems
            == [#"unknown flag "is:stared" — known: is:unread, is:read, is:starred, has:note"#])
        #expect(ItemFlags.names == ["is:unread", "is:read", "is:starred", "has:note"])
    }
}
