import Catalog
@testable import CatalogCache
import CatalogSearch
import Foundation
@testable import SnapshotFormat
import Testing

/// The catalog read from a snapshot is the catalog that was written: same items, same lookups,
/// same relations and filters. A damaged snapshot is refused when opened or its damage is
/// reported when the damaged item is read; nothing traps.
@Suite struct CatalogSectionTests {
    /// A snapshot of `catalog` (index and catalog), in memory.
    static func snapshotBytes(_ catalog: Catalog) -> [UInt8] {
        var writer = SnapshotWriter(version: CatalogSnapshot.formatVersion, identity: Array("test".utf8))
        CatalogSnapshot.appendSections(catalog: CatalogEncoding(catalog), search: CatalogSearchIndex(catalog: catalog), to: &writer)
        return writer.bytes()
    }

    /// The catalog of snapshot bytes, read with the index (`open`) or alone (`openCatalog`, the
    /// index's search sections passed over).
    static func open(_ bytes: [UInt8], checkingChecksums: Bool = true, catalogOnly: Bool = false) throws(SnapshotError) -> Catalog {
        let file = bytes.withUnsafeBytes { MappedFile(copying: $0) }
        let reader = try SnapshotReader(file: file, version: CatalogSnapshot.formatVersion, checkingChecksums: checkingChecksums)
        return catalogOnly ? try CatalogSnapshot.readCatalogSections(reader) : try CatalogSnapshot.readSections(reader).catalog
    }

    /// A small catalog with every kind of field: two Sectors, two organizations, four news.
    static let small: Catalog = {
        let day = { (text: String) in PartialDate(text)! }
        let sectors = [
            Sector(id: "ITU-R", name: "Radio", bureau: .init(name: "Bureau", abbreviation: "BR"), mandate: "Spectrum.",
                   predecessor: "CCIR", directors: [.init(name: "M", country: "U", termStart: day("2019"))],
                   studyGroups: [.init(id: "SG4", title: "Satellites")], website: "https://r", sources: ["https://s"]),
            Sector(id: "ITU-D", name: "Development", bureau: .init(name: "Office", abbreviation: "BDT"), mandate: "Growth."),
        ]
        let organizations = [
            Organization(id: "intersputnik", name: "Intersputnik", shortName: "IS", aliases: ["Интерспутник"], kind: "igo",
                         headquarters: .init(city: "Moscow", country: "Russia"), founded: day("1971-11"), website: "https://i",
                         summary: "Satellites.", people: [.init(name: "D", role: "Director", since: day("2020"), note: "n")],
                         memberStates: ["Cuba"], memberships: [.init(sector: "ITU-R", category: "IGO", since: day("2021-11-01"), labels: ["Gold"])],
                         agreements: [.init(title: "MoU", kind: "mou", counterpart: "ITU", date: day("2022"), sector: "ITU-D",
                                            organizations: ["eutelsat"], source: "https://m", note: "x")],
                         facts: [.init(label: "States", value: "26")], sources: ["https://f"]),
            Organization(id: "eutelsat", name: "Eutelsat", kind: "company", memberships: [.init(sector: "itu-d")]),
        ]
        let news = [
            NewsItem(id: "gold", date: day("2021-11-01"), category: "Membership", title: "Gold radio", summary: "Joined.",
                     body: "Intersputnik is a Gold member.", organizations: ["IS"], sectors: ["ITU-R"], tags: ["gold"], source: "https://g"),
            NewsItem(id: "joins", date: day("2021-10"), category: "Membership", title: "Joins", summary: "", body: "ITU-D.",
                     organizations: ["intersputnik", "eutelsat"], sectors: ["itu-d", "ITU-R"]),
            NewsItem(id: "Old", date: day("1971"), category: "Cooperation", title: "Founded", summary: "Nine states.", body: "",
                     organizations: ["Интерспутник", "unknown"], tags: ["history", "moscow"], source: "https://o"),
            NewsItem(id: "same-day", date: day("2021-11-01"), category: "Cooperation", title: "Same day", summary: "s", body: "b",
                     sectors: ["ITU-T"]),
        ]
        return Catalog(sectors: sectors, organizations: organizations, news: news)
    }()

    /// Every item, lookup, relation and filter of `read` answers as `built` does.
    static func expectSame(_ built: Catalog, _ read: Catalog) {
        #expect(read.sectors == built.sectors)
        #expect(read.organizations == built.organizations)
        #expect(read.news == built.news)
        #expect(Array(read.news.ids) == Array(built.news.ids))
        #expect(read.newsCategories == built.newsCategories)
        #expect(read.organizationKinds == built.organizationKinds)
        for item in built.news {
            for id in [item.id, item.id.uppercased(), item.id + "x"] {
                #expect(read.newsItem(id: id) == built.newsItem(id: id), "\(id)")
                #expect(read.item(id: id) == built.item(id: id), "\(id)")
            }
            #expect(read.organizations(of: item) == built.organizations(of: item))
            #expect(read.sectors(of: item) == built.sectors(of: item))
        }
        for organization in built.organizations {
            for name in [organization.id, organization.shortName ?? "", organization.aliases.first ?? ""] {
                #expect(read.news(about: name) == built.news(about: name), "\(name)")
                #expect(read.news(about: name).positions == built.news(about: name).positions, "\(name)")
            }
            #expect(read.news(about: organization.id, since: PartialDate(year: 2015), until: PartialDate(year: 2022))
                == built.news(about: organization.id, since: PartialDate(year: 2015), until: PartialDate(year: 2022)))
        }
        for sector in built.sectors {
            for id in [sector.id, sector.id.lowercased()] {
                #expect(read.news(inSector: id) == built.news(inSector: id), "\(id)")
                #expect(read.members(of: id) == built.members(of: id), "\(id)")
            }
            for category in built.newsCategories {
                #expect(read.news(inSector: sector.id, category: category.uppercased()) == built.news(inSector: sector.id, category: category.uppercased()))
            }
        }
        #expect(read.newsItem(id: "") == nil)
        #expect(read.storageDamage == nil)
    }

    /// The catalog's sections, encoded on another thread beside the index's, take the places
    /// after them in the section table exactly as if both had been encoded one after the other,
    /// with the same bytes, sizes and flags (their bytes lie elsewhere in the file: the sections
    /// encoded in the background are written last).
    @Test func sectionsProducedBesideTheIndexAreTheSequentialOnes() throws {
        let catalog = Self.small
        let search = CatalogSearchIndex(catalog: catalog)
        var sequential = SnapshotWriter(version: CatalogSnapshot.formatVersion, identity: Array("test".utf8))
        search.append(to: &sequential)
        CatalogSection.append(catalog, to: &sequential)
        let beside = try Self.sectionTable(Self.snapshotBytes(catalog)), oneAfterTheOther = try Self.sectionTable(sequential.bytes())
        #expect(beside.count == CatalogSearchIndex.snapshotSectionCount + CatalogSection.sectionCount)
        #expect(beside.map(\.bytes) == oneAfterTheOther.map(\.bytes))
        #expect(beside.map(\.elementSize) == oneAfterTheOther.map(\.elementSize))
        #expect(beside.map(\.isBlockChecked) == oneAfterTheOther.map(\.isBlockChecked))
    }

    /// Each section of a snapshot in table order: its bytes, element size and flag.
    static func sectionTable(_ bytes: [UInt8]) throws -> [(bytes: [UInt8], elementSize: Int, isBlockChecked: Bool)] {
        let reader = try SnapshotReader(file: bytes.withUnsafeBytes { MappedFile(copying: $0) }, version: CatalogSnapshot.formatVersion)
        return reader.sectionsForTesting.map { section in
            (Array(bytes[section.offset..<section.offset + section.byteCount]), section.elementSize, section.isBlockChecked)
        }
    }

    @Test func bundledFixturesReadBackTheSame() throws {
        let built = try #require(FixtureLoader.load(directory: SnapshotTestFolder.bundledFixtures).catalog)
        let bytes = CatalogSectionTests.snapshotBytes(built)
        CatalogSectionTests.expectSame(built, try CatalogSectionTests.open(bytes))
        CatalogSectionTests.expectSame(built, try CatalogSectionTests.open(bytes, catalogOnly: true))
    }

    @Test func aGeneratedCorpusReadsBackTheSame() throws {
        let corpus = CorpusGenerator(newsCount: 2_000, organizationCount: 90, seed: 9).makeCorpus()
        let built = Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news)
        let bytes = CatalogSectionTests.snapshotBytes(built)
        let read = try CatalogSectionTests.open(bytes)
        #expect(read.news.count == 2_000)
        CatalogSectionTests.expectSame(built, read)
        CatalogSectionTests.expectSame(built, try CatalogSectionTests.open(bytes, catalogOnly: true))
    }

    /// Items whose ids differ only in case: the last one is found, as in memory.
    @Test func idsThatDifferInCaseFindTheSameItemAsInMemory() throws {
        let date = try #require(PartialDate("2021-10-01"))
        let news = ["b", "A", "a", "B", "c"].map { NewsItem(id: $0, date: date, category: "X", title: $0, summary: "", body: "") }
        let built = Catalog(sectors: [], organizations: [], news: news)
        let read = try CatalogSectionTests.open(CatalogSectionTests.snapshotBytes(built))
        for id in ["a", "A", "b", "B", "c", "C", "d", ""] {
            #expect(read.newsItem(id: id) == built.newsItem(id: id), "\(id)")
        }
        #expect(read.newsItem(id: "a")?.title == "a")
    }

    @Test(arguments: [false, true]) func everyTruncationIsRefused(catalogOnly: Bool) {
        let bytes = CatalogSectionTests.snapshotBytes(CatalogSectionTests.small)
        #expect((try? CatalogSectionTests.open(bytes, catalogOnly: catalogOnly)) != nil)
        var accepted: [Int] = []
        for length in 0..<bytes.count where (try? CatalogSectionTests.open(Array(bytes[0..<length]), catalogOnly: catalogOnly)) != nil {
            accepted.append(length)
        }
        #expect(accepted.isEmpty)
    }

    /// `bytes` with one to four random bytes changed.
    static func corrupted(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var damaged = bytes
        for _ in 0..<(1 + Int(generator.next() % 4)) {
            damaged[Int(generator.next() % UInt64(damaged.count))] ^= UInt8(1 + generator.next() % 255)
        }
        return damaged
    }

    /// Reads every item and asks every lookup of `catalog` (what a damaged file must survive).
    static func useEverything(_ catalog: Catalog) -> [NewsItem] {
        let items = Array(catalog.news)
        for item in items.prefix(3) {
            _ = catalog.item(id: item.id)
            _ = catalog.organizations(of: item)
        }
        for organization in catalog.organizations { _ = Array(catalog.news(about: organization.id, category: "x")) }
        for sector in catalog.sectors { _ = (catalog.members(of: sector.id), Array(catalog.news(inSector: sector.id))) }
        _ = catalog.newsCategories
        return items
    }

    /// 10,000 snapshots with one to four random bytes changed: each is refused when opened, or
    /// reading its items reports damage, or (only padding changed) it reads as the original.
    /// Read alone, the catalog ignores damage in the sections only searching uses, so fewer are refused.
    @Test(arguments: [false, true]) func randomCorruptionsAreRefusedOrHarmless(catalogOnly: Bool) {
        let original = CatalogSectionTests.small
        let bytes = CatalogSectionTests.snapshotBytes(original)
        var generator = SplitMix64(seed: 17)
        var refused = 0
        for _ in 0..<10_000 {
            guard let read = try? CatalogSectionTests.open(CatalogSectionTests.corrupted(bytes, using: &generator), catalogOnly: catalogOnly) else {
                refused += 1
                continue
            }
            let items = CatalogSectionTests.useEverything(read)
            if read.storageDamage != nil {
                refused += 1
                continue
            }
            #expect(items == Array(original.news))
            #expect(read.organizations == original.organizations)
        }
        #expect(refused > (catalogOnly ? 3_000 : 9_000))
    }

    /// The same corruptions with checksums not checked (as a hostile file would recompute them):
    /// only the structural checks stand between the bytes and the reads; nothing may trap.
    @Test(arguments: [false, true]) func hostileSnapshotsNeverTrap(catalogOnly: Bool) {
        let bytes = CatalogSectionTests.snapshotBytes(CatalogSectionTests.small)
        var generator = SplitMix64(seed: 5)
        var refused = 0
        for _ in 0..<3_000 {
            guard let read = try? CatalogSectionTests.open(CatalogSectionTests.corrupted(bytes, using: &generator),
                                                           checkingChecksums: false, catalogOnly: catalogOnly) else {
                refused += 1
                continue
            }
            _ = CatalogSectionTests.useEverything(read)
        }
        #expect(refused > 300)
    }

    /// A damaged news record is not seen when the snapshot is opened (records are checked when
    /// read), but reading the item finds it: no trap, no damaged byte shown, damage reported.
    @Test func aDamagedNewsRecordIsFoundWhenRead() throws {
        let built = CatalogSectionTests.small
        let position = try #require(built.news.indices.first { built.news[$0].source != nil })
        let source = Array(try #require(built.news[position].source).utf8)
        var bytes = CatalogSectionTests.snapshotBytes(built)
        let start = try #require((0...bytes.count - source.count).first { bytes[$0..<$0 + source.count].elementsEqual(source) })
        bytes[start + source.count / 2] ^= 0x20
        let read = try CatalogSectionTests.open(bytes, catalogOnly: true)
        #expect(read.storageDamage == nil)
        let item = read.news[position]
        #expect(item.source == nil)
        #expect(read.storageDamage?.contains("news item \(position)") == true)
    }

    /// The fuzz target's catalog seed is a valid snapshot of today's format (rewritten by `UPDATE_GOLDEN=1`).
    @Test func fuzzSeedIsTheCurrentSmallCatalogSnapshot() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/snapshot-reader/corpus/small-catalog")
        let bytes = CatalogSectionTests.snapshotBytes(CatalogSectionTests.small)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(bytes).write(to: seed) }
        #expect(Array(try Data(contentsOf: seed)) == bytes)
        #expect(try CatalogSectionTests.open(bytes).news.count == 4)
    }
}
