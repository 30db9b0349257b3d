import Dispatch
import Foundation

/// Builds `IndexData` from documents, on all cores: contiguous shards of documents are made
/// (when given on demand), analyzed and their facets gathered in parallel; then their
/// vocabularies are merged and sorted, each shard places its own postings after those of the
/// shards before it (in parallel), and the forward index is filled by ranges of documents.
/// Every step keeps document order, so the index does not depend on the number of shards.
enum IndexBuilder {
    /// BM25's length normalization (see `Ranker`), applied here to the field norms.
    static let b = 0.75
    /// Indexes of at least this many documents run one query when built (see `SearchIndex.warmUp`).
    static let warmUpDocumentCount = 10_000

    static func build(schema: IndexSchema, documents: [Document]) -> IndexData {
        build(schema: schema, documentCount: documents.count) { documents[$0] }
    }

    /// Builds from documents made on demand, each requested once, from several threads at a
    /// time: making them is then part of the parallel work, and none outlives its analysis.
    /// `shards` overrides how many ranges of documents are analyzed in parallel (for tests:
    /// the index does not depend on it). `preparingSnapshot` begins deflating the texts for a
    /// snapshot as soon as they are gathered (see `StoredTexts.startDeflating`).
    static func build(schema: IndexSchema, documentCount: Int, shards: Int? = nil, preparingSnapshot: Bool = false,
                      document: @Sendable (Int) -> Document) -> IndexData {
        let shardCount = max(1, shards ?? (documentCount < 2_000 ? 1 : min(8, ProcessInfo.processInfo.activeProcessorCount)))
        let shardSize = (documentCount + shardCount - 1) / max(1, shardCount)
        let results = ShardResults<ShardBuilder>(count: shardCount)
        DispatchQueue.concurrentPerform(iterations: shardCount) { s in
            let range = min(documentCount, s * shardSize)..<min(documentCount, (s + 1) * shardSize)
            let shard = ShardBuilder.build(document: document, range: range, schema: schema)
            results.store(shard, at: s)
        }
        // The shards are gone once their arrays are merged, before those become columns.
        var data = merge(results.takeAll(), schema: schema, documentCount: documentCount, preparingSnapshot: preparingSnapshot)
        return IndexData(taking: &data)
    }

    /// The index's arrays from the analyzed shards.
    private static func merge(_ shards: [ShardBuilder], schema: IndexSchema, documentCount: Int, preparingSnapshot: Bool) -> IndexArrays {
        let fieldCount = schema.fields.count
        var data = IndexArrays()
        data.fieldCount = fieldCount
        data.documentCount = documentCount
        data.ids.reserveCapacity(documentCount)
        data.dates.reserveCapacity(documentCount)
        data.fieldTexts.reserveCapacity(documentCount * fieldCount)
        for shard in shards {
            data.ids += shard.ids
            data.dates += shard.dates
            data.fieldTexts += shard.texts
        }
        if preparingSnapshot { data.textDeflation = StoredTexts.startDeflating(data.fieldTexts, fieldCount: fieldCount) }
        data.fieldNorms = fieldNorms(shards: shards, documentCount: documentCount, fieldCount: fieldCount)
        layOutPostings(shards: shards, into: &data)
        mergeFacets(shards: shards, facetCount: schema.facets.count, into: &data)
        return data
    }

    private static func fieldNorms(shards: [ShardBuilder], documentCount: Int, fieldCount: Int) -> [Float] {
        var lengths: [UInt32] = []
        lengths.reserveCapacity(documentCount * fieldCount)
        for shard in shards { lengths.append(contentsOf: shard.fieldLengths) }
        var averages = [Double](repeating: 0, count: fieldCount)
        for (i, length) in lengths.enumerated() { averages[i % max(1, fieldCount)] += Double(length) }
        for f in 0..<fieldCount { averages[f] /= Double(max(1, documentCount)) }
        return lengths.enumerated().map { i, length in
            let average = averages[i % fieldCount]
            guard average > 0 else { return 1 }
            return Float(1 / (1 - b + b * Double(length) / average))
        }
    }

    /// Merges the shards' vocabularies into one sorted dictionary and lays out postings and the forward index.
    private static func layOutPostings(shards: [ShardBuilder], into data: inout IndexArrays) {
        var global = TermInterner(capacity: shards.first?.interner.count ?? 1024)
        var localToGlobal: [[UInt32]] = []
        for shard in shards {
            var map = [UInt32](repeating: 0, count: shard.interner.count)
            for id in 0..<shard.interner.count {
                let term = shard.interner.term(id)
                map[id] = term.withUnsafeBufferPointer { global.intern($0) }
            }
            localToGlobal.append(map)
        }
        let termCount = global.count
        let order = global.bytes.withUnsafeBufferPointer { bytes -> [Int] in
            (0..<termCount).sorted { a, b in
                let (sa, ea) = (Int(global.starts[a]), Int(global.starts[a + 1]))
                let (sb, eb) = (Int(global.starts[b]), Int(global.starts[b + 1]))
                let common = min(ea - sa, eb - sb)
                if common > 0, let base = bytes.baseAddress {
                    let c = memcmp(base + sa, base + sb, common)
                    if c != 0 { return c < 0 }
                }
                return ea - sa < eb - sb
            }
        }
        var rank = [UInt32](repeating: 0, count: termCount)
        for (sortedID, globalID) in order.enumerated() { rank[globalID] = UInt32(sortedID) }
        let sortedTerms: [[UInt32]] = order.map { id in
            String(decoding: global.term(id), as: UTF8.self).unicodeScalars.map(\.value)
        }
        data.dictionary = TermDictionary(sortedTerms: sortedTerms)
        let finalIDs = localToGlobal.map { map in map.map { rank[Int($0)] } }

        // Count entries and positions per term and shard, then let each shard place its own
        // occurrences after those of the shards before it (shards and their occurrences are in
        // document order, so each term's entries come out sorted by document).
        let shardCount = shards.count
        var shardEntryCount = [[UInt32]](repeating: [], count: shardCount)
        var shardPositionCount = [[UInt32]](repeating: [], count: shardCount)
        var shardDocumentFrequency = [[UInt32]](repeating: [], count: shardCount)
        var shardDistinctTerms = [[UInt32]](repeating: [], count: shardCount)
        let counted = ShardResults<ShardCounts>(count: shardCount)
        DispatchQueue.concurrentPerform(iterations: shardCount) { s in
            counted.store(ShardCounts(shard: shards[s], termIDs: finalIDs[s], termCount: termCount), at: s)
        }
        for (s, counts) in counted.takeAll().enumerated() {
            shardEntryCount[s] = counts.entries
            shardPositionCount[s] = counts.positions
            shardDocumentFrequency[s] = counts.documents
            shardDistinctTerms[s] = counts.distinctTerms
        }
        var termEntryStart = [UInt32](repeating: 0, count: termCount + 1)
        var termPositionStart = [UInt32](repeating: 0, count: termCount + 1)
        var documentFrequency = [UInt32](repeating: 0, count: termCount)
        var shardEntryCursor = [[UInt32]](repeating: [UInt32](repeating: 0, count: termCount), count: shardCount)
        var shardPositionCursor = shardEntryCursor
        for t in 0..<termCount {
            var entry = termEntryStart[t], position = termPositionStart[t]
            for s in 0..<shardCount {
                shardEntryCursor[s][t] = entry
                shardPositionCursor[s][t] = position
                entry += shardEntryCount[s][t]
                position += shardPositionCount[s][t]
                documentFrequency[t] += shardDocumentFrequency[s][t]
            }
            termEntryStart[t + 1] = entry
            termPositionStart[t + 1] = position
        }
        let entryCursors = shardEntryCursor, positionCursors = shardPositionCursor
        let totalEntries = Int(termEntryStart[termCount])
        var entryDocument = [UInt32](repeating: 0, count: totalEntries)
        var entryField = [UInt8](repeating: 0, count: totalEntries)
        var entryPositionStart = [UInt32](repeating: 0, count: totalEntries + 1)
        entryPositionStart[totalEntries] = termPositionStart[termCount]
        var positions = [UInt16](repeating: 0, count: Int(termPositionStart[termCount]))
        entryDocument.withUnsafeMutableBufferPointer { entryDocument in
            entryField.withUnsafeMutableBufferPointer { entryField in
                entryPositionStart.withUnsafeMutableBufferPointer { entryPositionStart in
                    positions.withUnsafeMutableBufferPointer { positions in
                        let target = PostingsTarget(documents: ParallelSlots(entryDocument), fields: ParallelSlots(entryField),
                                                    positionStarts: ParallelSlots(entryPositionStart),
                                                    positions: ParallelSlots(positions))
                        DispatchQueue.concurrentPerform(iterations: shardCount) { s in
                            target.place(shards[s], termIDs: finalIDs[s], entryCursor: entryCursors[s],
                                         positionCursor: positionCursors[s])
                        }
                    }
                }
            }
        }

        // Forward index: terms visited in id order, so each document's list comes out sorted.
        // Each shard fills the lists of its own documents from its own entries (which the
        // cursors above delimit), in parallel; the lengths of the lists were counted with them.
        let documentCount = data.documentCount
        var forwardStart = [UInt32](repeating: 0, count: documentCount + 1)
        for (s, shard) in shards.enumerated() {
            for (k, count) in shardDistinctTerms[s].enumerated() {
                let d = shard.documents.lowerBound + k
                forwardStart[d + 1] = forwardStart[d] + count
            }
        }
        let entryCounts = shardEntryCount
        var forwardTerm = [UInt32](repeating: 0, count: Int(forwardStart[documentCount]))
        var forwardEntry = [UInt32](repeating: 0, count: forwardTerm.count)
        var forwardCursor = Array(forwardStart.prefix(documentCount))
        // Each shard writes the cursors and list slots of its own documents only; all read the
        // entries' documents.
        entryDocument.withUnsafeMutableBufferPointer { documentsBuffer in
            forwardCursor.withUnsafeMutableBufferPointer { cursorsBuffer in
                forwardTerm.withUnsafeMutableBufferPointer { termsBuffer in
                    forwardEntry.withUnsafeMutableBufferPointer { entriesBuffer in
                        let (documents, cursors) = (ParallelSlots(documentsBuffer), ParallelSlots(cursorsBuffer))
                        let (terms, entries) = (ParallelSlots(termsBuffer), ParallelSlots(entriesBuffer))
                        DispatchQueue.concurrentPerform(iterations: shardCount) { s in
                            let (starts, counts) = (entryCursors[s], entryCounts[s])
                            for t in 0..<termCount {
                                var previous = UInt32.max
                                let start = Int(starts[t])
                                for e in start..<start + Int(counts[t]) where documents[e] != previous {
                                    previous = documents[e]
                                    let slot = Int(cursors[Int(previous)])
                                    cursors[Int(previous)] += 1
                                    terms[slot] = UInt32(t)
                                    entries[slot] = UInt32(e)
                                }
                            }
                        }
                    }
                }
            }
        }

        data.documentFrequency = documentFrequency
        data.inverseDocumentFrequency = documentFrequency.map {
            Ranker.idf(documentCount: documentCount, documentFrequency: Int($0))
        }
        data.termEntryStart = termEntryStart
        data.entryDocument = entryDocument
        data.entryField = entryField
        data.entryPositionStart = entryPositionStart
        data.positions = positions
        data.forwardStart = forwardStart
        data.forwardTerm = forwardTerm
        data.forwardEntry = forwardEntry
    }

    /// Joins the shards' facet postings; shards hold consecutive documents, so appending them
    /// in shard order keeps each list sorted, and the first spelling seen stays the first.
    private static func mergeFacets(shards: [ShardBuilder], facetCount: Int, into data: inout IndexArrays) {
        var postings = [[String: [UInt32]]](repeating: [:], count: facetCount)
        var spellings = [[String: String]](repeating: [:], count: facetCount)
        for shard in shards {
            for f in 0..<facetCount {
                for (key, documents) in shard.facetPostings[f] { postings[f][key, default: []] += documents }
                for (key, spelling) in shard.facetSpellings[f] where spellings[f][key] == nil { spellings[f][key] = spelling }
            }
        }
        data.facetPostings = postings
        data.facetSpellings = spellings
        data.facetSets = postings.map { values in
            values.filter { $0.value.count >= IndexData.facetSetThreshold(documentCount: data.documentCount) }.mapValues { list in
                var set = DocumentSet(capacity: data.documentCount)
                for d in list { set.insert(Int(d)) }
                return set
            }
        }
    }
}

/// Collects the per-shard values computed in parallel.
private final class ShardResults<Value>: @unchecked Sendable {
    private var shards: [Value?]
    private let lock = NSLock()

    init(count: Int) { shards = Array(repeating: nil, count: count) }

    func store(_ shard: Value, at index: Int) {
        lock.lock()
        shards[index] = shard
        lock.unlock()
    }

    /// The values stored, which this no longer holds.
    func takeAll() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        let values = shards.compactMap { $0 }
        shards = []
        return values
    }
}

/// How many entries, positions and documents each term has in one shard, by merged term id:
/// the shard's own counts (by local id, see `ShardBuilder`) moved to the merged ids.
private struct ShardCounts {
    var entries: [UInt32]
    var positions: [UInt32]
    var documents: [UInt32]
    /// For each document of the shard, how many distinct terms it holds.
    var distinctTerms: [UInt32]

    init(shard: ShardBuilder, termIDs: [UInt32], termCount: Int) {
        entries = [UInt32](repeating: 0, count: termCount)
        positions = [UInt32](repeating: 0, count: termCount)
        documents = [UInt32](repeating: 0, count: termCount)
        distinctTerms = shard.distinctTerms
        for (local, t) in termIDs.enumerated() {
            entries[Int(t)] = shard.termEntries[local]
            positions[Int(t)] = shard.termPositions[local]
            documents[Int(t)] = shard.termDocuments[local]
        }
    }
}

/// The postings arrays, filled by the shards in parallel: each shard writes only the entry
/// and position slots its cursors were given, so no two threads touch the same element.
private struct PostingsTarget: Sendable {
    let documents: ParallelSlots<UInt32>
    let fields: ParallelSlots<UInt8>
    let positionStarts: ParallelSlots<UInt32>
    let positions: ParallelSlots<UInt16>

    func place(_ shard: ShardBuilder, termIDs: [UInt32], entryCursor: [UInt32], positionCursor: [UInt32]) {
        var entryCursor = entryCursor
        var positionCursor = positionCursor
        let (occurrenceTerm, occurrenceDocument, occurrenceField) = (shard.occurrenceTerm, shard.occurrenceDocument, shard.occurrenceField)
        shard.positions.withUnsafeBufferPointer { source in
            shard.occurrencePositionStart.withUnsafeBufferPointer { positionStart in
                entryCursor.withUnsafeMutableBufferPointer { entryCursor in
                    positionCursor.withUnsafeMutableBufferPointer { positionCursor in
                        for o in 0..<occurrenceTerm.count {
                            let t = Int(termIDs[Int(occurrenceTerm[o])])
                            let e = Int(entryCursor[t])
                            entryCursor[t] += 1
                            documents[e] = occurrenceDocument[o]
                            fields[e] = occurrenceField[o]
                            var p = Int(positionCursor[t])
                            positionStarts[e] = UInt32(p)
                            for q in Int(positionStart[o])..<Int(positionStart[o + 1]) {
                                positions[p] = source[q]
                                p += 1
                            }
                            positionCursor[t] = UInt32(p)
                        }
                    }
                }
            }
        }
    }
}

/// The analysis of one contiguous range of documents: local term ids and their occurrences.
///
/// An occurrence is one (term, document, field) with its positions; occurrences come in
/// document order, then field order.
struct ShardBuilder {
    /// The documents analyzed.
    var documents: Range<Int> = 0..<0
    var interner = TermInterner()
    var occurrenceTerm: [UInt32] = []
    var occurrenceDocument: [UInt32] = []
    var occurrenceField: [UInt8] = []
    var occurrencePositionStart: [UInt32] = [0]
    var positions: [UInt16] = []
    /// By local term id: the term's occurrences, positions and documents in the shard, counted
    /// while analyzing so that merging needs no pass over the occurrences.
    var termEntries: [UInt32] = []
    var termPositions: [UInt32] = []
    var termDocuments: [UInt32] = []
    /// For each document of the shard, how many distinct terms it holds.
    var distinctTerms: [UInt32] = []
    /// Word count of each field of each document of the shard.
    var fieldLengths: [UInt32] = []
    /// Text of each schema field of each document of the shard ("" when absent).
    var texts: [String] = []
    var ids: [String] = []
    var dates: [Int32] = []
    /// For each facet: folded value → the shard's documents holding it, sorted.
    var facetPostings: [[String: [UInt32]]] = []
    /// For each facet: folded value → the first spelling met in the shard.
    var facetSpellings: [[String: String]] = []

    static func build(document: (Int) -> Document, range: Range<Int>, schema: IndexSchema) -> ShardBuilder {
        var shard = ShardBuilder()
        shard.documents = range
        var analyzer = TextAnalyzer()
        var segment = SegmentCollector()
        var uniqueCursor: [UInt32] = []
        let fieldNames = schema.fields.map(\.name)
        // Field numbers are stored in one byte: fields past the 256th are not indexed.
        let indexed = min(256, fieldNames.count)
        shard.fieldLengths.reserveCapacity(range.count * fieldNames.count)
        shard.texts.reserveCapacity(range.count * fieldNames.count)
        shard.ids.reserveCapacity(range.count)
        shard.dates.reserveCapacity(range.count)
        shard.distinctTerms.reserveCapacity(range.count)
        var facets = FacetCollector(schema: schema)
        // The last document each local term was met in, to count documents and distinct terms.
        var lastDocument: [UInt32] = []
        for d in range {
            let document = document(d)
            shard.distinctTerms.append(0)
            shard.ids.append(document.id)
            shard.dates.append(Int32(clamping: document.date ?? 0))
            facets.add(document.facets, document: d)
            let fields = document.fields
            for (f, name) in fieldNames.enumerated() {
                let text = fields[name] ?? ""
                shard.texts.append(text)
                guard f < indexed, !text.isEmpty else {
                    shard.fieldLengths.append(0)
                    continue
                }
                segment.startSegment()
                analyzer.tokenize(text, into: &segment)
                segment.numberDistinctTerms()
                shard.fieldLengths.append(UInt32(segment.length))
                let termCount = segment.interner.count
                if lastDocument.count < termCount {
                    let added = termCount - lastDocument.count
                    lastDocument.append(contentsOf: repeatElement(.max, count: added))
                    shard.termEntries.append(contentsOf: repeatElement(0, count: added))
                    shard.termPositions.append(contentsOf: repeatElement(0, count: added))
                    shard.termDocuments.append(contentsOf: repeatElement(0, count: added))
                }
                // One occurrence per distinct term, in order of first appearance, with its
                // positions placed in a block of the shard's position list.
                let base = UInt32(shard.positions.count)
                uniqueCursor.removeAll(keepingCapacity: true)
                var running = base
                for k in 0..<segment.unique.count {
                    uniqueCursor.append(running)
                    running += segment.uniqueCount[k]
                    let term = Int(segment.unique[k])
                    shard.termEntries[term] += 1
                    shard.termPositions[term] += segment.uniqueCount[k]
                    if lastDocument[term] != UInt32(d) {
                        lastDocument[term] = UInt32(d)
                        shard.termDocuments[term] += 1
                        shard.distinctTerms[d - range.lowerBound] += 1
                    }
                    shard.occurrenceTerm.append(segment.unique[k])
                    shard.occurrenceDocument.append(UInt32(d))
                    shard.occurrenceField.append(UInt8(f))
                    shard.occurrencePositionStart.append(running)
                }
                shard.positions.append(contentsOf: repeatElement(0, count: segment.terms.count))
                shard.positions.withUnsafeMutableBufferPointer { positions in
                    uniqueCursor.withUnsafeMutableBufferPointer { cursor in
                        segment.slots.withUnsafeBufferPointer { slots in
                            for k in 0..<segment.terms.count {
                                let s = Int(slots[k])
                                positions[Int(cursor[s])] = segment.positions[k]
                                cursor[s] += 1
                            }
                        }
                    }
                }
            }
        }
        shard.interner = segment.interner
        (shard.facetPostings, shard.facetSpellings) = facets.finish()
        return shard
    }
}

/// Gathers the facet values of a shard's documents, in document order.
///
/// Values are kept as spelled (one hash per value) and folded once each at the end, where
/// spellings that fold alike are joined; the first spelling met names the value.
private struct FacetCollector {
    let schema: IndexSchema
    /// Facet names met so far and their facet numbers (-1 when not in the schema).
    private var names: [(name: String, facet: Int)] = []
    /// For each facet: value as spelled → its place in `values`.
    private var numbers: [[String: Int]]
    /// For each facet: the values as spelled, in order of first appearance, with their documents.
    private var values: [[(spelling: String, documents: [UInt32])]]

    init(schema: IndexSchema) {
        self.schema = schema
        numbers = Array(repeating: [:], count: schema.facets.count)
        values = Array(repeating: [], count: schema.facets.count)
    }

    mutating func add(_ facets: [String: [String]], document d: Int) {
        let document = UInt32(d)
        for (name, list) in facets {
            let f = facetNumber(name)
            guard f >= 0 else { continue }
            for value in list {
                if let n = numbers[f][value] {
                    if values[f][n].documents.last != document { values[f][n].documents.append(document) }
                } else {
                    numbers[f][value] = values[f].count
                    values[f].append((value, [document]))
                }
            }
        }
    }

    private mutating func facetNumber(_ name: String) -> Int {
        for known in names where known.name == name { return known.facet }
        let facet = schema.facetIndex(named: name) ?? -1
        names.append((name, facet))
        return facet
    }

    /// For each facet: folded value → sorted documents, and folded value → first spelling.
    func finish() -> (postings: [[String: [UInt32]]], spellings: [[String: String]]) {
        var postings = [[String: [UInt32]]](repeating: [:], count: values.count)
        var spellings = [[String: String]](repeating: [:], count: values.count)
        for (f, list) in values.enumerated() {
            for (spelling, documents) in list {
                let key = TextAnalyzer.foldValue(spelling)
                if let known = postings[f][key] {
                    postings[f][key] = Array(Set(known + documents)).sorted()
                } else {
                    postings[f][key] = documents
                    spellings[f][key] = spelling
                }
            }
        }
        return (postings, spellings)
    }
}

/// Collects the tokens of one field of one document, interning their terms and numbering
/// the distinct ones in order of first appearance as they arrive.
private struct SegmentCollector: TokenSink {
    var interner = TermInterner()
    var terms: [UInt32] = []
    var positions: [UInt16] = []
    /// For each token, the number of its term among the segment's distinct terms.
    var slots: [UInt32] = []
    /// The segment's distinct terms and how many times each occurs.
    var unique: [UInt32] = []
    var uniqueCount: [UInt32] = []
    /// Word count of the field: the last position + 1.
    var length = 0
    /// `stamp[term] == segment` when the term was seen in the current segment, at `slot[term]`.
    private var stamp: [Int32] = []
    private var slot: [UInt32] = []
    private var segment: Int32 = 0

    mutating func startSegment() {
        terms.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        unique.removeAll(keepingCapacity: true)
        uniqueCount.removeAll(keepingCapacity: true)
        length = 0
        segment += 1
    }

    mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
        terms.append(interner.intern(padded: term))
        positions.append(UInt16(clamping: position))
        if position >= length { length = position + 1 }
    }

    /// Fills `slots`, `unique` and `uniqueCount` from the segment's tokens.
    mutating func numberDistinctTerms() {
        if stamp.count < interner.count {
            stamp.append(contentsOf: repeatElement(-1, count: interner.count - stamp.count))
            slot.append(contentsOf: repeatElement(0, count: interner.count - slot.count))
        }
        let segment = self.segment
        // At least one slot of capacity: an empty request would hand out the storage all empty
        // arrays share, whose count the array then writes (a race the thread sanitizer reports).
        slots = [UInt32](unsafeUninitializedCapacity: max(1, terms.count)) { slotsOut, initialized in
            stamp.withUnsafeMutableBufferPointer { stamp in
                slot.withUnsafeMutableBufferPointer { slot in
                    for (k, id) in terms.enumerated() {
                        let i = Int(id)
                        if stamp[i] != segment {
                            stamp[i] = segment
                            slot[i] = UInt32(unique.count)
                            unique.append(id)
                            uniqueCount.append(0)
                        }
                        let s = slot[i]
                        uniqueCount[Int(s)] += 1
                        slotsOut[k] = s
                    }
                }
            }
            initialized = terms.count
        }
    }
}
