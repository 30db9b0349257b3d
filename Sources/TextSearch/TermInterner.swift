import Foundation

/// Gives each distinct byte string a dense id while indexing (open addressing, hashing eight bytes at a time).
///
/// A hand-rolled table avoids creating a `String` per token, which dominates indexing time otherwise.
/// Interning is bound by cache misses, not by work: so each slot holds, besides the id, part
/// of the hash, the length and the first eight bytes of its term, and a probe for a term of at
/// most eight bytes (most words) reads only its slot, never the stored terms.
struct TermInterner {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]
    /// Full hashes by id, read only when the table grows.
    private var hashes: [UInt64] = []
    private var slots: [Slot]
    private var mask: Int

    private struct Slot {
        /// The term's first eight bytes (little-endian, zero past its end).
        var key: UInt64
        /// `tag(hash, length) | (id + 1)`; 0 when empty.
        var entry: UInt64
    }

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, entry: 0), count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(starts[id])..<Int(starts[id + 1])] }

    /// The id of `term`, adding it when new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        intern(term, hash: TermInterner.hash(term), key: TermInterner.key(term))
    }

    /// The same as `intern(_:)` for a term that may be read past its end, which lets the hash
    /// and key read its bytes in whole words.
    mutating func intern(padded term: PaddedTerm) -> UInt32 {
        intern(term.bytes, hash: TermInterner.hash(padded: term), key: TermInterner.key(padded: term))
    }

    /// The high 24 bits of the hash, then the length's low 8 bits, above the 32 bits of the id.
    @inline(__always) private static func tag(_ hash: UInt64, _ length: Int) -> UInt64 {
        (hash & 0xFFFF_FF00_0000_0000) | (UInt64(truncatingIfNeeded: length) & 0xFF) << 32
    }

    @inline(__always) private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64, key: UInt64) -> UInt32 {
        let tag = TermInterner.tag(hash, term.count)
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        let found: UInt32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot].entry
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag && slots[slot].key == key {
                    let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if term.count <= 8 || matches(id, term) { return UInt32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(UInt32(bytes.count))
        slots[slot] = Slot(key: key, entry: tag | UInt64(id + 1))
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    /// Mixes the term eight bytes at a time (terms are short, so most take one multiply).
    @inline(__always) static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(count: term.count, word: { load(term, at: $0) }, tail: { start in
            var tail: UInt64 = 0
            for k in start..<term.count { tail |= UInt64(term[k]) << UInt64(8 * (k - start)) }
            return tail
        })
    }

    /// The same value as `hash(_:)`, reading the last bytes in one load masked to the term.
    @inline(__always) static func hash(padded term: PaddedTerm) -> UInt64 {
        hash(count: term.count, word: { load(term.bytes, at: $0) }, tail: { term.word(at: $0) })
    }

    /// The same value as `hash(_:)` for the bytes of `text` in `range` lower-cased, when they are
    /// all ASCII letters and digits: setting bit 5 of each (`| 0x20`) lower-cases the letters and
    /// leaves the digits as they are, so the term is hashed from the text itself, eight bytes at
    /// a time, without being copied first.
    @inline(__always) static func hash(asciiWordIn text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let lower: UInt64 = 0x2020_2020_2020_2020
        let start = range.lowerBound
        return hash(count: range.count, word: { load(text, at: start + $0) | lower }, tail: { offset in
            let remaining = range.count - offset
            let mask = ~UInt64(0) >> UInt64(64 - 8 * remaining)
            let at = start + offset
            // One load when the text goes on for eight bytes, else byte by byte.
            if at + 8 <= text.count { return UInt64(littleEndian: load(text, at: at)) & mask | lower & mask }
            var tail: UInt64 = 0
            for k in 0..<remaining { tail |= UInt64(text[at + k] | 0x20) << UInt64(8 * k) }
            return tail
        })
    }

    /// Eight bytes of `bytes` from `offset`, which are all in `bytes`.
    @inline(__always) private static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// The hash of a term of `count` bytes: its whole 8-byte words as `word` reads them (from
    /// their offset), mixed in turn, then the last 1–7 bytes as `tail` reads them (little-endian,
    /// zero-padded).
    @inline(__always) private static func hash(count: Int, word: (Int) -> UInt64, tail: (Int) -> UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(count) &* multiplier
        var i = 0
        while i + 8 <= count {
            hash = (hash ^ word(i)) &* multiplier
            hash ^= hash >> 32
            i += 8
        }
        if i < count {
            hash = (hash ^ tail(i)) &* multiplier
            hash ^= hash >> 32
        }
        return hash
    }

    /// The first eight bytes of `term`, little-endian, zero past its end.
    @inline(__always) static func key(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for k in 0..<min(8, term.count) { key |= UInt64(term[k]) << UInt64(8 * k) }
        return key
    }

    /// The same value as `key(_:)`, in one load masked to the term.
    @inline(__always) static func key(padded term: PaddedTerm) -> UInt64 {
        term.count > 0 ? term.word(at: 0) : 0
    }

    @inline(__always) private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = Int(starts[id])
            let length = Int(starts[id + 1]) - start
            guard length == term.count else { return false }
            // Terms are short: a byte loop beats a call to memcmp.
            return bytes.withUnsafeBufferPointer { stored in
                for i in 0..<length where stored[start + i] != term[i] { return false }
                return true
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, entry: 0), count: size)
        mask = size - 1
        bytes.withUnsafeBufferPointer { bytes in
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while slots[slot].entry != 0 { slot = (slot + 1) & mask }
                let start = Int(starts[id]), end = Int(starts[id + 1])
                let term = UnsafeBufferPointer(rebasing: bytes[start..<end])
                slots[slot] = Slot(key: TermInterner.key(term), entry: TermInterner.tag(hash, end - start) | UInt64(id + 1))
            }
        }
    }
}
