import SnapshotFormat

/// The original text of each field of each document of an index, as it was indexed: held in
/// memory, or viewed in a snapshot, where each text is checked against the block checksums of
/// its bytes when read.
public struct StoredTexts: Sendable {
    public let fieldCount: Int
    public let documentCount: Int
    /// Text of field `f` of document `d` at `d * fieldCount + f` ("" when absent).
    let texts: StringColumn
    /// Nil for texts built in memory.
    let checksums: BlockChecksums?
    /// Where a text whose block fails its check is reported.
    let damage: SnapshotDamage

    /// The text of field `field` of document `document`; "" when its bytes fail their block
    /// checksum (a damaged snapshot), which `snapshotDamage` then reports.
    public func text(document: Int, field: Int) -> String {
        precondition(document >= 0 && document < documentCount && field >= 0 && field < fieldCount, "no such document or field")
        let slot = document * fieldCount + field
        if let checksums {
            let range = Int(texts.offsets[slot])..<Int(texts.offsets[slot + 1])
            guard checksums.verify(range, of: texts.bytes) else {
                damage.record("the texts of document \(document) do not match their checksum")
                return ""
            }
        }
        return texts[slot]
    }

    /// The first damage met while reading a text, nil while there was none.
    public var snapshotDamage: String? { damage.found }
}
