/// For a word restricted to one field (`title:satellite`), the posting entries of its terms in
/// that field, kept by the walk that found its documents. Ranking then reads these entries only,
/// not every entry of the terms in every field: a title holds a word in few of the documents
/// whose body does.
///
/// Invariant: `entries` ascend. A term's entries lie together and terms ascend with their
/// entries, so the entries of term `t` are those within `termEntryStart[t] ..< termEntryStart[t + 1]`,
/// and each is the one entry of its (term, document) pair in the field.
///
/// Kept only up to `capacity` entries (a field scope over a large field holds most of the
/// postings, and reading them all again costs little more than keeping them).
struct FieldEntries: Sendable {
    /// The most entries kept; a walk that finds more keeps none.
    static let capacity = 16_384

    let field: Int
    /// The entries, ascending.
    let entries: [UInt32]
    /// The document of each entry (`entryDocument[entries[i]]`), as the planner read it: ranking
    /// then reads these in order, not the document column at each entry's place.
    let documents: [UInt32]

    /// The entries and their documents (as many), kept; nil past `capacity` entries.
    static func keeping(field: Int, entries: [UInt32], documents: [UInt32]) -> FieldEntries? {
        precondition(entries.count == documents.count, "a document for each entry")
        assert(zip(entries, entries.dropFirst()).allSatisfy { $0 < $1 }, "entries are kept in ascending order")
        guard entries.count <= capacity else { return nil }
        return FieldEntries(field: field, entries: entries, documents: documents)
    }

    private init(field: Int, entries: [UInt32], documents: [UInt32]) {
        self.field = field
        self.entries = entries
        self.documents = documents
    }

    var count: Int { entries.count }
}

extension FieldEntries {
    /// Calls `body` with each entry of `range` whose field in `fields` is `field`, in order.
    /// Eight fields are compared at once (one 64-bit load): a word is in one field in most of
    /// the entries that hold it, so most groups of eight have no match and cost one test.
    @inline(__always)
    static func forEach(in fields: UnsafeBufferPointer<UInt8>, range: Range<Int>, field: UInt8, _ body: (Int) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= fields.count, "entries outside the field column")
        guard let base = fields.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let pattern = ones &* UInt64(field)
        var e = range.lowerBound
        while e + 8 <= range.upperBound {
            // A byte of `x` is zero where the field matches; `matches` has the high bit of each
            // such byte set, and no other bit (no borrow crosses bytes, unlike `x - ones`).
            let x = UnsafeRawPointer(base + e).loadUnaligned(as: UInt64.self).littleEndian ^ pattern
            var matches = ~(((x & lows) &+ lows) | x | lows)
            while matches != 0 {
                body(e + matches.trailingZeroBitCount >> 3)
                matches &= matches &- 1
            }
            e += 8
        }
        while e < range.upperBound {
            if base[e] == field { body(e) }
            e += 1
        }
    }
}
