import Dispatch
import Foundation

/// Builds `IndexData` from documents: shards of documents are analyzed in parallel, then
/// their vocabularies are merged, sorted, and the postings laid out term by term.
enum IndexBuilder {
    static let k1 = 1.2
    static let b = 0.75

    static func build(schema: IndexSchema, documents: [Document]) -> IndexData {
        let fieldCount = schema.fields.count
        let shardCount = documents.count < 2_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let shardSize = (documents.count + shardCount - 1) / max(1, shardCount)
        let results = ShardResults(count: shardCount)
        DispatchQueue.concurrentPerform(iterations: shardCount) { s in
            let range = min(documents.count, s * shardSize)..<min(documents.count, (s + 1) * shardSize)
            let shard = ShardBuilder.build(documents: documents, range: range, schema: schema)
            results.store(shard, at: s)
        }
        let shards = results.all()

        var data = IndexData()
        data.fieldCount = fieldCount
        data.documentCount = documents.count
        data.ids = documents.map(\.id)
        data.dates = documents.map { Int32(clamping: $0.date ?? 0) }
        var texts: [String] = []
        texts.reserveCapacity(documents.count * fieldCount)
        for document in documents {
            for field in schema.fields { texts.append(document.fields[field.name] ?? "") }
        }
        data.fieldTexts = texts
        data.fieldNorms = fieldNorms(shards: shards, documentCount: documents.count, fieldCount: fieldCount)
        layOutPostings(shards: shards, into: &data)
        buildFacets(schema: schema, documents: documents, into: &data)
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
    private static func layOutPostings(shards: [ShardBuilder], into data: inout IndexData) {
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

        // Count entries and positions per term, then place both in one pass (shards and their
        // occurrences are in document order, so each term's entries come out sorted by document).
        var entryCount = [UInt32](repeating: 0, count: termCount + 1)
        var positionCount = [UInt32](repeating: 0, count: termCount + 1)
        for (s, shard) in shards.enumerated() {
            let ids = finalIDs[s]
            for o in 0..<shard.occurrenceTerm.count {
                let t = Int(ids[Int(shard.occurrenceTerm[o])])
                entryCount[t] += 1
                positionCount[t] += shard.occurrencePositionStart[o + 1] - shard.occurrencePositionStart[o]
            }
        }
        var termEntryStart = [UInt32](repeating: 0, count: termCount + 1)
        var termPositionStart = [UInt32](repeating: 0, count: termCount + 1)
        for t in 0..<termCount {
            termEntryStart[t + 1] = termEntryStart[t] + entryCount[t]
            termPositionStart[t + 1] = termPositionStart[t] + positionCount[t]
        }
        let totalEntries = Int(termEntryStart[termCount])
        var entryDocument = [UInt32](repeating: 0, count: totalEntries)
        var entryField = [UInt8](repeating: 0, count: totalEntries)
        var entryPositionStart = [UInt32](repeating: 0, count: totalEntries + 1)
        entryPositionStart[totalEntries] = termPositionStart[termCount]
        var positions = [UInt16](repeating: 0, count: Int(termPositionStart[termCount]))
        var documentFrequency = [UInt32](repeating: 0, count: termCount)
        var lastDocument = [UInt32](repeating: UInt32.max, count: termCount)
        var cursor = Array(termEntryStart.prefix(termCount))
        var positionCursor = Array(termPositionStart.prefix(termCount))
        for (s, shard) in shards.enumerated() {
            let ids = finalIDs[s]
            shard.positions.withUnsafeBufferPointer { source in
                positions.withUnsafeMutableBufferPointer { target in
                    for o in 0..<shard.occurrenceTerm.count {
                        let t = Int(ids[Int(shard.occurrenceTerm[o])])
                        let e = Int(cursor[t])
                        cursor[t] += 1
                        let document = shard.occurrenceDocument[o]
                        entryDocument[e] = document
                        entryField[e] = shard.occurrenceField[o]
                        var p = Int(positionCursor[t])
                        entryPositionStart[e] = UInt32(p)
                        for q in Int(shard.occurrencePositionStart[o])..<Int(shard.occurrencePositionStart[o + 1]) {
                            target[p] = source[q]
                            p += 1
                        }
                        positionCursor[t] = UInt32(p)
                        if lastDocument[t] != document {
                            lastDocument[t] = document
                            documentFrequency[t] += 1
                        }
                    }
                }
            }
        }

        // Forward index: terms visited in id order, so each document's list comes out sorted.
        // Documents are split into ranges built in parallel (each range reads every posting).
        let documentCount = data.documentCount
        let parts = documentCount < 20_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let partSize = (documentCount + parts - 1) / max(1, parts)
        var forwardCount = [UInt32](repeating: 0, count: documentCount + 1)
        termEntryStart.withUnsafeBufferPointer { termStart in
            entryDocument.withUnsafeBufferPointer { documents in
                forwardCount.withUnsafeMutableBufferPointer { countsBuffer in
                    let shared = SharedBuffers(termStart: termStart, documents: documents, counts: countsBuffer)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let (termStart, documents, counts) = (shared.termStart, shared.documents, shared.counts)
                        let low = UInt32(part * partSize), high = UInt32(min(documentCount, (part + 1) * partSize))
                        for t in 0..<termCount {
                            var previous = UInt32.max
                            for e in Int(termStart[t])..<Int(termStart[t + 1]) where documents[e] != previous {
                                previous = documents[e]
                                if previous >= low && previous < high { counts[Int(previous)] += 1 }
                            }
                        }
                    }
                }
            }
        }
        var forwardStart = [UInt32](repeating: 0, count: documentCount + 1)
        for d in 0..<documentCount { forwardStart[d + 1] = forwardStart[d] + forwardCount[d] }
        var forwardTerm = [UInt32](repeating: 0, count: Int(forwardStart[documentCount]))
        var forwardEntry = [UInt32](repeating: 0, count: forwardTerm.count)
        var forwardCursor = Array(forwardStart.prefix(documentCount))
        termEntryStart.withUnsafeBufferPointer { termStart in
            entryDocument.withUnsafeBufferPointer { documents in
                forwardCursor.withUnsafeMutableBufferPointer { cursorsBuffer in
                    forwardTerm.withUnsafeMutableBufferPointer { termsBuffer in
                        forwardEntry.withUnsafeMutableBufferPointer { entriesBuffer in
                            let shared = SharedBuffers(termStart: termStart, documents: documents, counts: cursorsBuffer,
                                                       terms: termsBuffer, entries: entriesBuffer)
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let (termStart, documents, cursors) = (shared.termStart, shared.documents, shared.counts)
                                let (terms, entries) = (shared.terms, shared.entries)
                                let low = UInt32(part * partSize), high = UInt32(min(documentCount, (part + 1) * partSize))
                                for t in 0..<termCount {
                                    var previous = UInt32.max
                                    for e in Int(termStart[t])..<Int(termStart[t + 1]) where documents[e] != previous {
                                        previous = documents[e]
                                        guard previous >= low && previous < high else { continue }
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

    private static func buildFacets(schema: IndexSchema, documents: [Document], into data: inout IndexData) {
        var postings = [[String: [UInt32]]](repeating: [:], count: schema.facets.count)
        var spellings = [[String: String]](repeating: [:], count: schema.facets.count)
        var facetNumbers: [String: Int] = [:]
        var foldedValues: [String: String] = [:]
        for (d, document) in documents.enumerated() {
            for (name, values) in document.facets {
                if facetNumbers[name] == nil { facetNumbers[name] = schema.facetIndex(named: name) ?? -1 }
                guard let f = facetNumbers[name], f >= 0 else { continue }
                for value in values {
                    let key: String
                    if let known = foldedValues[value] {
                        key = known
                    } else {
                        key = TextAnalyzer.foldValue(value)
                        foldedValues[value] = key
                    }
                    if postings[f][key]?.last != UInt32(d) { postings[f][key, default: []].append(UInt32(d)) }
                    if spellings[f][key] == nil { spellings[f][key] = value }
                }
            }
        }
        data.facetPostings = postings
        data.facetSpellings = spellings
    }
}

/// Buffers shared by the parallel forward-index loops. Each loop writes only the slots of
/// its own documents, so no two threads touch the same element.
private struct SharedBuffers: @unchecked Sendable {
    let termStart: UnsafeBufferPointer<UInt32>
    let documents: UnsafeBufferPointer<UInt32>
    let counts: UnsafeMutableBufferPointer<UInt32>
    var terms = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
    var entries = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
}

/// Collects the shards built in parallel.
private final class ShardResults: @unchecked Sendable {
    private var shards: [ShardBuilder?]
    private let lock = NSLock()

    init(count: Int) { shards = Array(repeating: nil, count: count) }

    func store(_ shard: ShardBuilder, at index: Int) {
        lock.lock()
        shards[index] = shard
        lock.unlock()
    }

    func all() -> [ShardBuilder] {
        lock.lock()
        defer { lock.unlock() }
        return shards.compactMap { $0 }
    }
}

/// The analysis of one contiguous range of documents: local term ids and their occurrences.
///
/// An occurrence is one (term, document, field) with its positions; occurrences come in
/// document order, then field order.
struct ShardBuilder {
    var interner = TermInterner()
    var occurrenceTerm: [UInt32] = []
    var occurrenceDocument: [UInt32] = []
    var occurrenceField: [UInt8] = []
    var occurrencePositionStart: [UInt32] = [0]
    var positions: [UInt16] = []
    /// Word count of each field of each document of the shard.
    var fieldLengths: [UInt32] = []

    static func build(documents: [Document], range: Range<Int>, schema: IndexSchema) -> ShardBuilder {
        var shard = ShardBuilder()
        var analyzer = TextAnalyzer()
        var segment = SegmentCollector()
        var stamp: [Int32] = []
        var slot: [Int32] = []
        var segmentNumber: Int32 = 0
        var unique: [UInt32] = []
        var uniqueCount: [UInt32] = []
        var uniqueCursor: [UInt32] = []
        // Field numbers are stored in one byte: fields past the 256th are not indexed.
        let names = schema.fields.enumerated().map { $0.offset < 256 ? $0.element.name : "" }
        shard.fieldLengths.reserveCapacity(range.count * names.count)
        for d in range {
            let fields = documents[d].fields
            for (f, name) in names.enumerated() {
                guard !name.isEmpty, let text = fields[name], !text.isEmpty else {
                    shard.fieldLengths.append(0)
                    continue
                }
                segment.terms.removeAll(keepingCapacity: true)
                segment.positions.removeAll(keepingCapacity: true)
                segment.length = 0
                analyzer.tokenize(text, into: &segment)
                shard.fieldLengths.append(UInt32(segment.length))
                if stamp.count < segment.interner.count {
                    stamp.append(contentsOf: repeatElement(-1, count: segment.interner.count - stamp.count))
                    slot.append(contentsOf: repeatElement(0, count: segment.interner.count - slot.count))
                }
                segmentNumber += 1
                unique.removeAll(keepingCapacity: true)
                uniqueCount.removeAll(keepingCapacity: true)
                for id in segment.terms {
                    let i = Int(id)
                    if stamp[i] != segmentNumber {
                        stamp[i] = segmentNumber
                        slot[i] = Int32(unique.count)
                        unique.append(id)
                        uniqueCount.append(0)
                    }
                    uniqueCount[Int(slot[i])] += 1
                }
                let base = UInt32(shard.positions.count)
                uniqueCursor.removeAll(keepingCapacity: true)
                var running = base
                for k in 0..<unique.count {
                    uniqueCursor.append(running)
                    running += uniqueCount[k]
                    shard.occurrenceTerm.append(unique[k])
                    shard.occurrenceDocument.append(UInt32(d))
                    shard.occurrenceField.append(UInt8(f))
                    shard.occurrencePositionStart.append(running)
                }
                shard.positions.append(contentsOf: repeatElement(0, count: segment.terms.count))
                for k in 0..<segment.terms.count {
                    let s = Int(slot[Int(segment.terms[k])])
                    shard.positions[Int(uniqueCursor[s])] = segment.positions[k]
                    uniqueCursor[s] += 1
                }
            }
        }
        shard.interner = segment.interner
        return shard
    }
}

/// Collects the tokens of one field of one document, interning their terms.
private struct SegmentCollector: TokenSink {
    var interner = TermInterner()
    var terms: [UInt32] = []
    var positions: [UInt16] = []
    /// Word count of the field: the last position + 1.
    var length = 0

    mutating func accept(_ term: UnsafeBufferPointer<UInt8>, position: Int, kind: TokenKind, start: Int, end: Int) {
        terms.append(interner.intern(term))
        positions.append(UInt16(clamping: position))
        if position >= length { length = position + 1 }
    }
}
