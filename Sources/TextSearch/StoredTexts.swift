import SnapshotFormat

/// The original text of each field of each document of an index, as it was indexed: held in
/// memory, or viewed in a snapshot, where the texts are deflated in blocks of whole documents
/// (see `DeflatedBlocks`), each block checked against its checksums and inflated when a text
/// of it is read.
public struct StoredTexts: Sendable {
    public let fieldCount: Int
    public let documentCount: Int
    /// The text of field `f` of document `d` is bytes `offsets[s] ..< offsets[s + 1]` of all the
    /// texts back to back, `s = d * fieldCount + f` (empty when absent).
    let offsets: Column<UInt32>
    let bytes: Bytes
    /// Where a text whose block fails its check is reported.
    let damage: SnapshotDamage
    /// The texts' deflation for a snapshot, begun while the index was built (see
    /// `startDeflating`); nil when not begun, or for texts read from a snapshot.
    let deflation: BlockDeflation?

    /// Where the texts' bytes are.
    enum Bytes: Sendable {
        /// In memory, as built.
        case plain(Column<UInt8>)
        /// In a snapshot.
        case deflated(DeflatedBlocks)
    }

    /// Texts held in memory (`texts[d * fieldCount + f]`).
    /// `deflation`, if any, deflates these texts (see `startDeflating`).
    init(fieldCount: Int, documentCount: Int, texts: StringColumn, damage: SnapshotDamage, deflation: BlockDeflation? = nil) {
        self.fieldCount = fieldCount
        self.documentCount = documentCount
        self.offsets = texts.offsets
        self.bytes = .plain(texts.bytes)
        self.damage = damage
        self.deflation = deflation
    }

    /// Texts read from a snapshot. `offsets` has been checked to hold `documentCount *
    /// fieldCount + 1` entries, start at 0, never decrease and end at `blocks.rawCount`.
    init(fieldCount: Int, documentCount: Int, offsets: Column<UInt32>, blocks: DeflatedBlocks, damage: SnapshotDamage) {
        self.fieldCount = fieldCount
        self.documentCount = documentCount
        self.offsets = offsets
        self.bytes = .deflated(blocks)
        self.damage = damage
        self.deflation = nil
    }

    /// The text of field `field` of document `document`; "" when its block is damaged (a
    /// damaged snapshot), which `snapshotDamage` then reports.
    public func text(document: Int, field: Int) -> String {
        withBytes(document: document, field: field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of field `field` of document `document`, always valid
    /// UTF-8, and valid only during the call: in place for texts held in memory (made from
    /// strings), no `String` made. Empty when its
    /// block is damaged (a damaged snapshot), which `snapshotDamage` then reports.
    func withBytes<R>(document: Int, field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(document >= 0 && document < documentCount && field >= 0 && field < fieldCount, "no such document or field")
        let slot = document * fieldCount + field
        let range = Int(offsets[slot])..<Int(offsets[slot + 1])
        switch bytes {
        case .plain(let bytes):
            return body(UnsafeBufferPointer(rebasing: bytes.buffer[range]))
        case .deflated(let blocks):
            guard let raw = blocks.bytes(range) else {
                damage.record("the texts of document \(document) do not match their checksum")
                return body(UnsafeBufferPointer(start: nil, count: 0))
            }
            // Decoded, so that bytes a hostile snapshot holds reach the caller as valid UTF-8.
            var text = String(decoding: raw, as: UTF8.self)
            return text.withUTF8(body)
        }
    }

    /// The first damage met while reading a text, nil while there was none.
    public var snapshotDamage: String? { damage.found }

    /// The size of the texts as held (deflated in a snapshot).
    var byteCount: Int {
        switch bytes {
        case .plain(let bytes): return bytes.count + offsets.count * 4
        case .deflated(let blocks): return blocks.deflated.count + offsets.count * 4
        }
    }

    /// The compression level (libdeflate's, 1 to 12) of the texts written to a snapshot: its
    /// fastest, as deflating them is the largest work writing a snapshot adds to a first run.
    static let compressionLevel: Int32 = 1

    /// The texts deflated in blocks of whole documents, for a snapshot (already so when read
    /// from one): the deflation begun while the index was built, the first time, else deflated now.
    var deflatedBlocks: DeflatedBlocks {
        switch bytes {
        case .plain(let bytes):
            if let begun = deflation?.takeBlocks() { return begun }
            let documentStarts = stride(from: 0, to: offsets.count - 1, by: max(1, fieldCount)).lazy.map { Int(offsets[$0]) }
            return DeflatedBlocks.deflating(bytes, cuts: documentStarts, level: Self.compressionLevel)
        case .deflated(let blocks):
            return blocks
        }
    }

    /// Starts deflating `texts` (`texts[d * fieldCount + f]`, those the stored texts will be made
    /// of) on one thread, into the same blocks as `deflatedBlocks` of those stored texts: begun
    /// as soon as the texts are known, while the index is still being built, whose serial
    /// stretches leave a core free. The strings are released once every block is deflated.
    static func startDeflating(_ texts: [String], fieldCount: Int) -> BlockDeflation {
        var textStarts: [Int] = [0]
        textStarts.reserveCapacity(texts.count + 1)
        for text in texts { textStarts.append(textStarts[textStarts.count - 1] + text.utf8.count) }
        let total = textStarts[texts.count]
        let documentStarts = stride(from: 0, to: texts.count, by: max(1, fieldCount)).lazy.map { textStarts[$0] }
        let blockStarts = BlockDeflation.blockStarts(count: total, cuts: documentStarts)
        let starts = textStarts
        let deflation = BlockDeflation(blockStarts: blockStarts, level: compressionLevel) { k, body in
            var raw: [UInt8] = []
            raw.reserveCapacity(blockStarts[k + 1] - blockStarts[k])
            // Blocks start where texts start: the block's first text is the first starting there.
            var text = (0..<texts.count).partitionPoint { starts[$0] < blockStarts[k] }
            while text < texts.count && starts[text] < blockStarts[k + 1] {
                raw.append(contentsOf: texts[text].utf8)
                text += 1
            }
            raw.withUnsafeBufferPointer(body)
        }
        deflation.startInBackground()
        return deflation
    }

    /// Checks every block of a snapshot's texts (for a report on the whole file); nil when all
    /// are intact, or for texts built here.
    func checkAll() -> String? {
        guard case .deflated(let blocks) = bytes, !blocks.verifyAll() else { return nil }
        return "the field texts do not match their checksums"
    }
}
