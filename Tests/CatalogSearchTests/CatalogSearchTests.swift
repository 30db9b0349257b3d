import Catalog
import CatalogSearch
import Foundation
import Testing

/// A small catalog built in code, with the founding example of the domain.
enum SmallCatalog {
    static func make() -> Catalog {
        let sectors = [
            Sector(id: "ITU-R", name: "Radiocommunication Sector",
                   bureau: .init(name: "Radiocommunication Bureau", abbreviation: "BR"),
                   mandate: "Manages the radio-frequency spectrum and satellite orbits."),
            Sector(id: "ITU-D", name: "Telecommunication Development Sector",
                   bureau: .init(name: "Telecommunication Development Bureau", abbreviation: "BDT"),
                   mandate: "Fosters ICT development in developing countries."),
        ]
        let organizations = [
            Organization(id: "intersputnik", name: "Intersputnik International Organization of Space Communications",
                         shortName: "Intersputnik", aliases: ["Интерспутник"], kind: "intergovernmental satellite organization",
                         summary: "An intergovernmental satellite organization founded in 1971.",
                         memberships: [
                            .init(sector: "ITU-R", category: "Intergovernmental organization operating satellite systems", labels: ["Gold Sector Member"]),
                            .init(sector: "ITU-D", category: "Intergovernmental organization operating satellite systems", labels: ["Gold Sector Member"]),
                         ]),
            Organization(id: "apple", name: "Apple Inc.", shortName: "Apple", kind: "company",
                         summary: "A technology company.", memberships: [.init(sector: "ITU-T")]),
        ]
        let news = [
            NewsItem(id: "2021-11-01-intersputnik-gold-sector-member", date: PartialDate(year: 2021, month: 11, day: 1)!,
                     category: "International Cooperation",
                     title: "Intersputnik announces it has become an ITU Gold Sector Member",
                     summary: "Intersputnik became an ITU Gold Sector Member.",
                     body: "Having joined ITU-D in October 2021, Intersputnik takes part in ITU-D and ITU-R.",
                     organizations: ["intersputnik"], sectors: ["ITU-D", "ITU-R"], tags: ["membership"]),
            NewsItem(id: "2021-10-intersputnik-joins-itu-d", date: PartialDate(year: 2021, month: 10)!,
                     category: "Membership", title: "Intersputnik joins ITU-D",
                     summary: "Intersputnik became a member of the development sector.",
                     body: "The organization joined the Telecommunication Development Sector.",
                     organizations: ["intersputnik"], sectors: ["ITU-D"]),
            NewsItem(id: "2022-06-wtdc-22-opens", date: PartialDate(year: 2022, month: 6)!,
                     category: "Conferences", title: "WTDC-22 opens in Kigali",
                     summary: "The development conference opened.", body: "Members met in Kigali.",
                     sectors: ["ITU-D"]),
            NewsItem(id: "2022-07-21-dubai-to-host-wrc-23", date: PartialDate(year: 2022, month: 7, day: 21)!,
                     category: "Conferences", title: "Dubai to host WRC-23",
                     summary: "The radio conference goes to Dubai.", body: "Gold and sector words appear here too.",
                     sectors: ["ITU-R"]),
            NewsItem(id: "2021-03-itu-d-event", date: PartialDate(year: 2021, month: 3)!,
                     category: "Conferences", title: "A development event",
                     summary: "An ITU-D event of 2021.", body: "Nothing more.", sectors: ["ITU-D"]),
        ]
        return Catalog(sectors: sectors, organizations: organizations, news: news)
    }
}

/// The behaviours the brief requires, checked on any catalog that contains the founding example.
enum RequiredBehaviours {
    static func check(_ index: CatalogSearchIndex, catalog: Catalog) {
        let gold = index.search("gold sector member")
        #expect(gold.hits.first?.id == "2021-11-01-intersputnik-gold-sector-member")
        #expect(gold.hits.first?.type == .news)

        for query in ["Интерспутник", "intersp", "intersptnik"] {
            let results = index.search(query)
            #expect(results.hits.contains { $0.type == .organization && $0.id == "intersputnik" }, "\(query)")
            #expect(results.hits.contains { $0.type == .news && $0.id == "2021-11-01-intersputnik-gold-sector-member" }, "\(query)")
        }
        #expect(index.search("intersptnik").hits.first.map { $0.typos } == 1)

        let filtered = index.search("sector:ITU-D year:2022", limit: 1_000)
        let expected = Set(catalog.news.filter { item in
            item.date.year == 2022 && item.sectors.contains { $0.lowercased() == "itu-d" }
        }.map(\.id))
        #expect(!expected.isEmpty)
        #expect(filtered.hits.allSatisfy { $0.type == .news })
        #expect(Set(filtered.hits.map(\.id)) == expected)
        #expect(filtered.totalMatches == expected.count)
        #expect(filtered.problems.isEmpty)
    }
}

@Suite struct CatalogSearchTests {
    @Test func requiredBehavioursOnACatalogBuiltInCode() {
        let catalog = SmallCatalog.make()
        RequiredBehaviours.check(CatalogSearchIndex(catalog: catalog), catalog: catalog)
    }

    @Test func requiredBehavioursOnTheBundledFixtures() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures").path
        let loaded = FixtureLoader.load(directory: fixtures)
        let catalog = try #require(loaded.catalog, "\(loaded.errors)")
        RequiredBehaviours.check(CatalogSearchIndex(catalog: catalog), catalog: catalog)
    }

    @Test func organizationsAreFoundByTheirAgreements() {
        let base = SmallCatalog.make()
        var organizations = base.organizations
        organizations[organizations.firstIndex { $0.id == "apple" }!].agreements = [
            .init(title: "Kigali platform memorandum", kind: "memorandum of understanding", counterpart: "ITU",
                  note: "Signed at the Connect Africa summit."),
        ]
        let index = CatalogSearchIndex(catalog: Catalog(sectors: base.sectors, organizations: organizations, news: Array(base.news)))
        for query in ["kigali", "memorandum understanding", "connect africa summit"] {
            #expect(index.search(query, types: [.organization]).hits.map(\.id) == ["apple"], "\(query)")
        }
    }

    @Test func typesRestrictTheResults() {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        let organizations = index.search("intersputnik", types: [.organization])
        #expect(organizations.hits.map(\.id) == ["intersputnik"])
        let sectors = index.search("development", types: [.sector])
        #expect(sectors.hits.map(\.id) == ["ITU-D"])
        #expect(index.search("type:sector").hits.count == 2)
    }

    @Test func facetsCoverEveryKindOfItem() {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        // ITU-D: its news, its member organization, and the Sector itself.
        let itud = index.search("sector:itu-d", limit: 100)
        #expect(Set(itud.hits.map { "\($0.type.rawValue)/\($0.id)" }) == [
            "news/2021-11-01-intersputnik-gold-sector-member", "news/2021-10-intersputnik-joins-itu-d",
            "news/2022-06-wtdc-22-opens", "news/2021-03-itu-d-event", "organization/intersputnik", "sector/ITU-D",
        ])
        #expect(Set(index.search("org:intersputnik").hits.map(\.id)) == [
            "intersputnik", "2021-11-01-intersputnik-gold-sector-member", "2021-10-intersputnik-joins-itu-d",
        ])
        #expect(index.search("kind:company").hits.map(\.id) == ["apple"])
        #expect(index.search("category:\"international cooperation\"").hits.map(\.id) == ["2021-11-01-intersputnik-gold-sector-member"])
        #expect(index.search("organization:apple").hits.map(\.id) == ["apple"])
    }

    @Test func hitsCarryTitleHighlightsSnippetAndDate() throws {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        let hit = try #require(index.search("kigali").hits.first)
        #expect(hit.title == "WTDC-22 opens in Kigali")
        let title = Array(hit.title.utf8)
        #expect(hit.titleHighlights.map { String(decoding: title[$0], as: UTF8.self) } == ["Kigali"])
        #expect(hit.snippet == "Members met in Kigali.")
        let snippet = Array(hit.snippet.utf8)
        #expect(hit.snippetHighlights.map { String(decoding: snippet[$0], as: UTF8.self) } == ["Kigali"])
        #expect(hit.date == PartialDate(year: 2022, month: 6))
        #expect(Set(hit.matchedFields.keys) == ["title", "body"])
    }

    @Test func aListOfResultsCanLeaveOutTheOtherFieldsHighlights() throws {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        var session = index.makeSession()
        for query in ["kigali", "itu", "satellite", "\"gold sector member\""] {
            let all = index.search(query)
            let shown = index.search(query, allMatchedFields: false)
            #expect(session.search(query, allMatchedFields: false) == shown)
            #expect(shown.hits.map(\.id) == all.hits.map(\.id))
            for (hit, reference) in zip(shown.hits, all.hits) {
                #expect(hit.matchedFields == reference.matchedFields.filter { $0.key == "title" })
                #expect(hit.titleHighlights == reference.titleHighlights)
                #expect(hit.snippet == reference.snippet && hit.snippetHighlights == reference.snippetHighlights)
            }
        }
        let hit = try #require(index.search("kigali", allMatchedFields: false).hits.first)
        #expect(Set(hit.matchedFields.keys) == ["title"])
        #expect(hit.snippetHighlights.count == 1)
    }

    @Test func queryProblemsAreReportedAsText() {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        let results = index.search("foo:bar")
        #expect(results.problems == ["unknown field \"foo\" — known: title, summary, body, tags, names, sector, org, category, kind, type, year, after, before, sort, is, has"])
    }

    @Test func sessionGivesTheSameResultsAsSearch() {
        let index = CatalogSearchIndex(catalog: SmallCatalog.make())
        var session = index.makeSession()
        let query = "intersputnik gold"
        for length in 1...query.count {
            let prefix = String(query.prefix(length))
            #expect(session.search(prefix) == index.search(prefix), "\(prefix)")
            #expect(session.search(prefix, types: [.news], limit: 3) == index.search(prefix, types: [.news], limit: 3))
        }
    }
}
