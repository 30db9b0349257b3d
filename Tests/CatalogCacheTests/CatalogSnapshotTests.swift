import Catalog
@testable import CatalogCache
import CatalogSearch
import Foundation
@testable import SnapshotFormat
import Testing

/// A snapshot answers exactly like the index built from the fixtures, and is refused as soon as
/// a fixture file changes in any way, or when it cannot be trusted.
@Suite struct CatalogSnapshotTests {
    /// The query classes of bench-search (prefixes of 1, 2 and 3+ letters, single terms, two-term
    /// AND, phrases, field scope, every keystroke of a query typed), plus filters and typos.
    static let queries: [String] = {
        let letters = ["s", "c", "r", "b", "d", "m", "p", "t", "o", "i"]
        let twoLetters = ["sa", "co", "re", "br", "sp", "de", "or", "st", "in", "ne"]
        let longer = ["sat", "spec", "regul", "broad", "orbit", "conn", "stand", "netw"]
        let terms = ["satellite", "spectrum", "orbit", "broadband", "regulations", "connectivity", "standardization", "development"]
        let pairs = [("satellite", "spectrum"), ("broadband", "development"), ("orbit", "regulations"), ("spectrum", "connectivity")]
        var queries = letters + twoLetters + longer + terms.map { $0 + " " }
        queries += pairs.map { "\($0.0) \($0.1) " } + pairs.map { "\"\($0.0) \($0.1)\"" } + terms.map { "title:\($0) " }
        var typed = ""
        for character in "satellite spectrum" {
            typed.append(character)
            queries.append(typed)
        }
        return queries + ["intersputnik", "sector:itu-d member", "satelite", "year:2021 gold", "type:org", "-satellite orbit", "Интерспутник"]
    }()

    static func expectSameAnswers(_ built: CatalogSearchIndex, _ read: CatalogSearchIndex) {
        for query in queries {
            for types in [Set(SearchItemType.allCases), [.news]] {
                let expected = built.search(query, types: types, limit: 20)
                #expect(read.search(query, types: types, limit: 20) == expected, "\(query)")
            }
        }
    }

    static func build(_ folder: SnapshotTestFolder) throws -> CatalogSearchIndex {
        let stamps = CatalogSnapshot.Stamps(realFolder: folder.realFixtures)
        let loaded = FixtureLoader.load(directory: folder.fixtures)
        let catalog = try #require(loaded.catalog)
        let index = CatalogSearchIndex(catalog: catalog)
        try CatalogSnapshot.write(catalog: CatalogEncoding(catalog), search: index, warningCount: loaded.warnings.count, stamps: stamps,
                                  realFolder: folder.realFixtures, cache: folder.cache)
        return index
    }

    static func open(_ folder: SnapshotTestFolder) -> Result<CatalogSnapshot, SnapshotErrorText> {
        CatalogSnapshot.open(realFolder: folder.realFixtures, cache: folder.cache).mapError { SnapshotErrorText(text: $0.description) }
    }

    struct SnapshotErrorText: Error { let text: String }

    @Test func bundledFixturesAnswerTheSameThroughTheSnapshot() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let built = try CatalogSnapshotTests.build(folder)
        let snapshot = try CatalogSnapshotTests.open(folder).get()
        CatalogSnapshotTests.expectSameAnswers(built, snapshot.search)
        #expect(folder.cacheEntries.count == 1)
    }

    /// The flags (`is:starred`, `is:unread`, …) find the same items in an index read from a
    /// snapshot as in the index built from the fixtures.
    @Test func flagsFindTheSameItemsThroughTheSnapshot() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let built = try CatalogSnapshotTests.build(folder)
        let snapshot = try CatalogSnapshotTests.open(folder).get()
        let catalog = try #require(FixtureLoader.load(directory: folder.fixtures).catalog)
        let news = catalog.news.prefix(3).map { "news:" + $0.id }
        let organizations = catalog.organizations.prefix(2).map { "organization:" + $0.id }
        let flags = ItemFlags(read: Set(news.prefix(2) + organizations.prefix(1)), starred: Set([news[2]] + organizations),
                              noted: [news[0]])
        for query in ["is:starred", "is:read", "has:note", "is:unread", "-is:unread", "satellite is:unread", "is:starred -has:note"] {
            #expect(snapshot.search.search(query, limit: 200, flags: flags) == built.search(query, limit: 200, flags: flags), "\(query)")
        }
        let starred = Set(snapshot.search.search("is:starred", flags: flags).hits.map { $0.type.rawValue + ":" + $0.id })
        #expect(starred == Set([news[2]] + organizations))
    }

    @Test func generatedCorpusAnswersTheSameThroughTheSnapshot() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        try CorpusGenerator(newsCount: 3_000, organizationCount: 150, seed: 7).write(to: folder.fixtures)
        let built = try CatalogSnapshotTests.build(folder)
        let snapshot = try CatalogSnapshotTests.open(folder).get()
        #expect(snapshot.search.index.documentCount > 3_000)
        CatalogSnapshotTests.expectSameAnswers(built, snapshot.search)
    }

    /// Content changed but size and mtime put back as they were: only the content hash can tell.
    @Test func changedContentWithTheSameSizeAndMtimeIsNoticed() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        _ = try CatalogSnapshotTests.build(folder)
        let path = folder.fixtures + "/news.json"
        var before = stat()
        #expect(stat(path, &before) == 0)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "a")))
        bytes[index] = UInt8(ascii: "b")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: bytes)
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        let stamp = FixtureStamp.metadata(folder: folder.realFixtures, name: "news.json")
        #expect(stamp.size == UInt64(bytes.count))
        #expect(CatalogSnapshotTests.failure(folder)?.contains("news.json changed content") == true)
    }

    @Test func aNewMtimeAloneIsNoticed() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        _ = try CatalogSnapshotTests.build(folder)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)],
                                              ofItemAtPath: folder.fixtures + "/sectors.json")
        #expect(CatalogSnapshotTests.failure(folder)?.contains("sectors.json was modified") == true)
    }

    @Test func aFileReplacedByRenameIsNoticed() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        _ = try CatalogSnapshotTests.build(folder)
        let path = folder.fixtures + "/organizations.json"
        var before = stat()
        #expect(stat(path, &before) == 0)
        try FileManager.default.copyItem(atPath: path, toPath: path + ".new")
        #expect(utimensat(AT_FDCWD, path + ".new", [before.st_atim, before.st_mtim], 0) == 0)
        #expect(rename(path + ".new", path) == 0)
        #expect(CatalogSnapshotTests.failure(folder)?.contains("organizations.json was replaced") == true)
    }

    @Test func unchangedFixturesKeepTheSnapshotValid() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        _ = try CatalogSnapshotTests.build(folder)
        #expect(CatalogSnapshotTests.failure(folder) == nil)
        #expect(SnapshotStatus(realFolder: folder.realFixtures, cache: folder.cache).problem == nil)
    }

    /// A cache folder that cannot be made (here its parent is a file, which stops root too):
    /// writing fails with a reason, nothing is left behind, and opening reports no snapshot.
    @Test func anUnwritableCacheFolderMeansNoSnapshotAndNoCrash() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.root + "/cache"))
        let stamps = CatalogSnapshot.Stamps(realFolder: folder.realFixtures)
        let catalog = try #require(FixtureLoader.load(directory: folder.fixtures).catalog)
        let index = CatalogSearchIndex(catalog: catalog)
        #expect(throws: SnapshotError.self) {
            try CatalogSnapshot.write(catalog: CatalogEncoding(catalog), search: index, warningCount: 0, stamps: stamps, realFolder: folder.realFixtures, cache: folder.cache)
        }
        #expect(CatalogSnapshotTests.failure(folder)?.contains("no snapshot") == true)
    }

    /// The check made before a first run's work: a folder that cannot be made is named with
    /// the reason; a missing one that can is made, and then passes.
    @Test func theCacheFolderSaysWhyItCannotBeWritten() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        #expect(folder.cache.whyUnwritable() == nil)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.cache.path, isDirectory: &isFolder) && isFolder.boolValue)
        let blocked = CacheDirectory(path: folder.root + "/file/itu-browser")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.root + "/file"))
        let reason = try #require(blocked.whyUnwritable())
        #expect(reason.hasPrefix("cannot create \(blocked.path): "), "\(reason)")
        #expect(reason.contains("Not a directory"), "\(reason)")
    }

    @Test func aFixtureChangedDuringTheBuildWritesNoSnapshot() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let stamps = CatalogSnapshot.Stamps(realFolder: folder.realFixtures)
        let catalog = try #require(FixtureLoader.load(directory: folder.fixtures).catalog)
        try Data("[]".utf8).write(to: URL(fileURLWithPath: folder.fixtures + "/sectors.json"))
        #expect(throws: SnapshotError.self) {
            try CatalogSnapshot.write(catalog: CatalogEncoding(catalog), search: CatalogSearchIndex(catalog: catalog), warningCount: 0, stamps: stamps,
                                      realFolder: folder.realFixtures, cache: folder.cache)
        }
        #expect(folder.cacheEntries.isEmpty)
    }

    /// Two writers at once (as two processes starting together): one valid snapshot remains, no temporary file.
    @Test func concurrentWritersLeaveOneValidSnapshot() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let built = try CatalogSnapshotTests.build(folder)
        _ = SnapshotStatus.clear(realFolder: folder.realFixtures, cache: folder.cache)
        let target = folder
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            _ = try? CatalogSnapshotTests.build(target)
        }
        #expect(folder.cacheEntries.count == 1)
        let snapshot = try CatalogSnapshotTests.open(folder).get()
        #expect(snapshot.search.search("satellite") == built.search("satellite"))
    }

    /// A snapshot whose hit texts are damaged still opens (texts are checked when shown, not at
    /// open), and the search showing the damaged text reports it, for the caller to rebuild;
    /// `cache info` checks the whole file and calls it invalid.
    @Test func damagedTextsAreReportedByTheSearchShowingThem() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let built = try CatalogSnapshotTests.build(folder)
        let hit = try #require(built.search("satellite", types: [.news]).hits.first)
        let path = folder.cache.snapshotPath(realFolder: folder.realFixtures)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let sections = try bytes.withUnsafeBytes { raw in
            try SnapshotReader(file: MappedFile(copying: raw), version: CatalogSnapshot.formatVersion).sectionsForTesting
        }
        // The index's texts are its first section checked by blocks (deflated): one byte changed
        // in each of their blocks damages every text, the hit's title among them.
        let texts = try #require(sections.prefix(CatalogSearchIndex.snapshotSectionCount).first { $0.isBlockChecked })
        for start in stride(from: texts.offset, to: texts.offset + texts.byteCount, by: BlockChecksums.blockSize) {
            bytes[start + min(100, (texts.offset + texts.byteCount - start) / 2)] ^= 0x20
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(!hit.title.isEmpty)
        let snapshot = try CatalogSnapshotTests.open(folder).get()
        #expect(snapshot.search.snapshotDamage == nil)
        #expect(SnapshotStatus(realFolder: folder.realFixtures, cache: folder.cache).problem == "the field texts do not match their checksums")
        _ = snapshot.search.search("satellite", types: [.news])
        #expect(snapshot.search.snapshotDamage?.contains("do not match their checksum") == true)
    }

    /// `search` opens only the index (`openSearch`): with a catalog section damaged, it still
    /// answers as the built index does, while the whole open (what `cache info` checks) refuses it.
    @Test func theSearchOnlyOpenLeavesTheCatalogUnreadAndAnswersTheSame() throws {
        let folder = try SnapshotTestFolder()
        defer { folder.remove() }
        let built = try CatalogSnapshotTests.build(folder)
        let path = folder.cache.snapshotPath(realFolder: folder.realFixtures)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let sections = try bytes.withUnsafeBytes { raw in
            try SnapshotReader(file: MappedFile(copying: raw), version: CatalogSnapshot.formatVersion).sectionsForTesting
        }
        let catalogSection = try #require((CatalogSearchIndex.snapshotSectionCount..<sections.count).first {
            !sections[$0].isBlockChecked && sections[$0].byteCount > 0
        })
        bytes[sections[catalogSection].offset] ^= 0x55
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let opened = try CatalogSnapshot.openSearch(realFolder: folder.realFixtures, cache: folder.cache).get()
        CatalogSnapshotTests.expectSameAnswers(built, opened.search)
        #expect(CatalogSnapshotTests.failure(folder) == "section \(catalogSection) checksum mismatch")
    }

    @Test func theIndexTakesTheSectionsItCounts() {
        let index = CatalogSearchIndex(catalog: Catalog(sectors: [], organizations: [], news: []))
        var writer = SnapshotWriter(version: 1, identity: [])
        index.append(to: &writer)
        let file = writer.bytes().withUnsafeBytes { MappedFile(copying: $0) }
        #expect((try? SnapshotReader(file: file, version: 1))?.sectionCount == CatalogSearchIndex.snapshotSectionCount)
    }

    static func failure(_ folder: SnapshotTestFolder) -> String? {
        switch open(folder) {
        case .success: return nil
        case .failure(let error): return error.text
        }
    }
}
