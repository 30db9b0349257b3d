@testable import SnapshotFormat
import Foundation
@testable import TextSearch
import Testing

/// An index read from a snapshot is the index that was written: same columns, same results.
/// A damaged snapshot is refused, never crashes, and never answers differently.
@Suite struct SnapshotIndexTests {
    static let queries = [
        "s", "sa", "sat", "satellite", "satellite spectrum", "\"itu-d wrc-23\"", "title:orbit", "sector:ITU-R radio",
        "satelite", "spectrum -orbit", "radio OR gold", "réseau", "国际", "type:news member", "sector:nowhere",
        "year:2020 gold", "body:\"gold radio\"", "org:x", "5g broadband development",
    ]

    /// Writes `index` as a snapshot, in memory.
    static func snapshotBytes(_ index: SearchIndex) -> [UInt8] {
        var writer = SnapshotWriter(version: 1, identity: Array("test".utf8))
        index.append(to: &writer)
        return writer.bytes()
    }

    /// Opens snapshot bytes the way a program does: structure, checksums, then the index's own
    /// checks; with `aheadThreshold: 0`, the later sections' checksums on another thread
    /// (`AheadChecks`), as for a large snapshot.
    static func open(_ bytes: [UInt8], schema: IndexSchema, aheadThreshold: Int = AheadChecks.defaultThreshold) throws(SnapshotError) -> SearchIndex {
        let file = bytes.withUnsafeBytes { MappedFile(copying: $0) }
        let reader = try SnapshotReader(file: file, version: 1)
        var cursor = reader.cursor(aheadThreshold: aheadThreshold)
        let index = try SearchIndex(schema: schema, reading: &cursor)
        guard cursor.isAtEnd else { throw SnapshotError("sections left over") }
        return index
    }

    /// `bytes` with one to four random bytes changed.
    static func corrupted(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var damaged = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
        }
        return damaged
    }

    static func expectSameResults(_ a: SearchIndex, _ b: SearchIndex, limit: Int = 20) {
        for query in queries {
            for prefix in [true, false] {
                let options = SearchOptions(limit: limit, lastWordIsPrefix: prefix)
                #expect(a.search(query, options: options) == b.search(query, options: options), "\(query)")
            }
        }
        let filtered = SearchOptions(limit: limit, filters: ["sector": ["itu-r"], "type": ["news"]])
        #expect(a.search("radio", options: filtered) == b.search("radio", options: filtered))
    }

    @Test func snapshotIndexHasTheSameColumnsAndResults() throws {
        let documents = IndexBuildTests.documents(count: 3_000, seed: 11)
        let built = SearchIndex(schema: Corpus.newsSchema, documents: documents)
        let read = try SnapshotIndexTests.open(SnapshotIndexTests.snapshotBytes(built), schema: Corpus.newsSchema)
        IndexBuildTests.expectSame(built.data, read.data)
        SnapshotIndexTests.expectSameResults(built, read, limit: 50)
        #expect(read.search("satellite").totalMatches > 0)
    }

    /// A reader that wants only the stored texts passes over the other sections by their count.
    @Test func theSectionCountIsTheOneWritten() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 20, seed: 2))
        let file = SnapshotIndexTests.snapshotBytes(index).withUnsafeBytes { MappedFile(copying: $0) }
        let reader = try SnapshotReader(file: file, version: 1)
        #expect(reader.sectionCount == IndexData.snapshotSectionCount(facetCount: Corpus.newsSchema.facets.count))
        var cursor = reader.cursor()
        let texts = try SearchIndex.storedTexts(schema: Corpus.newsSchema, reading: &cursor)
        #expect(cursor.isAtEnd)
        for document in 0..<index.documentCount {
            for field in 0..<texts.fieldCount {
                #expect(texts.text(document: document, field: field) == index.storedTexts.text(document: document, field: field))
            }
        }
    }

    @Test func aSnapshotOfAnotherSchemaIsRefused() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 20, seed: 2))
        let other = IndexSchema(fields: [FieldDefinition(name: "body", weight: 1)], facets: [], snippetField: "body")
        #expect(throws: SnapshotError.self) { try SnapshotIndexTests.open(SnapshotIndexTests.snapshotBytes(index), schema: other) }
    }

    @Test func everyTruncationIsRefused() {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 12, seed: 3))
        let bytes = SnapshotIndexTests.snapshotBytes(index)
        #expect((try? SnapshotIndexTests.open(bytes, schema: Corpus.newsSchema)) != nil)
        var accepted: [Int] = []
        for length in 0..<bytes.count {
            if (try? SnapshotIndexTests.open(Array(bytes[0..<length]), schema: Corpus.newsSchema)) != nil { accepted.append(length) }
        }
        #expect(accepted.isEmpty)
    }

    /// Whether `index`'s texts, checked only when used, turned out damaged in a search or are
    /// damaged anywhere (the fallback a caller takes at the first search meeting them).
    static func textsDamaged(_ index: SearchIndex) -> Bool {
        index.snapshotDamage != nil || index.checkDeferredParts() != nil
    }

    /// 10,000 snapshots with one to four random bytes changed: each is refused when opened, or
    /// its damaged texts are found when checked at use, or (when only padding changed) it
    /// answers exactly as the original.
    @Test func randomCorruptionsAreRefusedOrHarmless() {
        let original = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 12, seed: 4))
        let bytes = SnapshotIndexTests.snapshotBytes(original)
        var generator = SeededGenerator(seed: 99)
        var refused = 0
        for _ in 0..<10_000 {
            let damaged = SnapshotIndexTests.corrupted(bytes, using: &generator)
            guard let index = try? SnapshotIndexTests.open(damaged, schema: Corpus.newsSchema) else {
                refused += 1
                continue
            }
            let queries = ["s", "radio gold", "\"gold radio\"", "sector:itu-r"]
            let answers = queries.map { index.search($0) }
            if SnapshotIndexTests.textsDamaged(index) {
                refused += 1
                continue
            }
            #expect(answers == queries.map { original.search($0) })
        }
        #expect(refused > 9_000)
    }

    /// A damaged text is not seen when the snapshot is opened (its bytes are checked only when
    /// used), but the search showing it finds it: that search does not trap, shows no damaged
    /// byte, and reports the damage so the caller rebuilds.
    @Test func aDamagedTextIsFoundAtFirstUse() throws {
        let documents = IndexBuildTests.documents(count: 3_000, seed: 11)
        let built = SearchIndex(schema: Corpus.newsSchema, documents: documents)
        let hit = try #require(built.search("satellite").hits.first)
        let body = try #require(built.schema.fieldIndex(named: "body"))
        #expect(built.storedTexts.text(document: hit.document, field: body).utf8.count > 8)
        var bytes = SnapshotIndexTests.snapshotBytes(built)
        let deflated = try SnapshotIndexTests.deflatedBlock(holding: hit.document, field: body, of: built)
        let start = try #require((0...bytes.count - deflated.count).first { bytes[$0..<$0 + deflated.count].elementsEqual(deflated) })
        bytes[start + deflated.count / 2] ^= 0x20
        let read = try SnapshotIndexTests.open(bytes, schema: Corpus.newsSchema)
        #expect(read.snapshotDamage == nil)
        let results = read.search("satellite")
        #expect(read.snapshotDamage?.contains("document \(hit.document)") == true)
        let shown = try #require(results.hits.first { $0.document == hit.document })
        #expect(shown.snippet?.field != "body")
    }

    /// The deflated bytes of the block holding a text of `index`, as its snapshot stores them.
    static func deflatedBlock(holding document: Int, field: Int, of index: SearchIndex) throws -> [UInt8] {
        let texts = index.storedTexts
        let blocks = texts.deflatedBlocks
        let start = Int(texts.offsets[document * texts.fieldCount + field])
        let block = try #require((0..<blocks.blockCount).first { Int(blocks.rawStarts[$0 + 1]) > start })
        return Array(blocks.deflated[Int(blocks.deflatedStarts[block])..<Int(blocks.deflatedStarts[block + 1])])
    }

    /// The same corruptions as a hostile file would carry them, with checksums that match (here:
    /// not checked), so only the structural checks stand between the bytes and the searches:
    /// nothing may trap, and the checks must refuse what does not fit.
    @Test func hostileSnapshotsNeverTrap() {
        let bytes = SnapshotIndexTests.snapshotBytes(
            SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 12, seed: 4)))
        var generator = SeededGenerator(seed: 7)
        var refused = 0
        for _ in 0..<3_000 {
            let damaged = SnapshotIndexTests.corrupted(bytes, using: &generator)
            let file = damaged.withUnsafeBytes { MappedFile(copying: $0) }
            guard let reader = try? SnapshotReader(file: file, version: 1, checkingChecksums: false) else {
                refused += 1
                continue
            }
            var cursor = reader.cursor()
            guard let index = try? SearchIndex(schema: Corpus.newsSchema, reading: &cursor) else {
                refused += 1
                continue
            }
            for query in ["s", "radio gold", "\"gold radio\"", "sector:itu-r", "satelite", "title:gold"] { _ = index.search(query) }
        }
        #expect(refused > 300)
    }

    static let fuzzSeed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/snapshot-reader/corpus/small-index").path

    /// A document whose forward terms do not ascend (which `SortedTerms` assumes) is refused,
    /// even with checksums that match.
    @Test func forwardTermsOutOfOrderAreRefused() throws {
        let data = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 12, seed: 3)).data
        let start = try #require((0..<data.documentCount).first { data.forwardStart[$0 + 1] - data.forwardStart[$0] >= 2 })
        var terms = Array(data.forwardTerm)
        terms.swapAt(Int(data.forwardStart[start]), Int(data.forwardStart[start]) + 1)
        let swapped = IndexData(
            fieldCount: data.fieldCount, documentCount: data.documentCount, ids: data.ids, storedTexts: data.storedTexts,
            dates: data.dates, fieldNorms: data.fieldNorms, dictionary: data.dictionary,
            documentFrequency: data.documentFrequency, inverseDocumentFrequency: data.inverseDocumentFrequency,
            termEntryStart: data.termEntryStart, entryDocument: data.entryDocument, entryField: data.entryField,
            entryPositionStart: data.entryPositionStart, positions: data.positions, forwardStart: data.forwardStart,
            forwardTerm: Column(terms), forwardEntry: data.forwardEntry, facets: data.facets)
        var writer = SnapshotWriter(version: 1, identity: Array("test".utf8))
        swapped.append(to: &writer)
        #expect(throws: SnapshotError("index: forward terms out of order")) {
            try SnapshotIndexTests.open(writer.bytes(), schema: Corpus.newsSchema)
        }
    }

    /// The fuzz target's seed is a valid snapshot of today's format (rewritten by `UPDATE_GOLDEN=1`).
    @Test func fuzzSeedIsTheCurrentSmallSnapshot() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 12, seed: 3))
        let bytes = SnapshotIndexTests.snapshotBytes(index)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: URL(fileURLWithPath: SnapshotIndexTests.fuzzSeed))
        }
        let seed = try Data(contentsOf: URL(fileURLWithPath: SnapshotIndexTests.fuzzSeed))
        #expect(Array(seed) == bytes)
        #expect(try SnapshotIndexTests.open(Array(seed), schema: Corpus.newsSchema).documentCount == 12)
    }

    /// Every input of the fuzz target's corpus (the seed and what fuzzing found) goes through the
    /// hostile path without trapping.
    @Test func fuzzCorpusInputsNeverTrap() throws {
        let folder = URL(fileURLWithPath: SnapshotIndexTests.fuzzSeed).deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count >= 2)
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let file = bytes.withUnsafeBytes { MappedFile(copying: $0) }
            guard let reader = try? SnapshotReader(file: file, version: 1, checkingChecksums: false) else { continue }
            var cursor = reader.cursor()
            guard let index = try? SearchIndex(schema: Corpus.newsSchema, reading: &cursor) else { continue }
            for query in ["s", "radio gold", "\"gold radio\"", "sector:itu-r radio", "satelite"] { _ = index.search(query) }
        }
    }
}
