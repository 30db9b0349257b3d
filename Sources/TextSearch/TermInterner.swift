import Foundation

/// Gives each distinct byte string a dense id while indexing (open addressing, hashing eight bytes at a time).
///
/// A hand-rolled table avoids creating a `String` per token, which dominates indexing time otherwise.
struct TermInterner {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(starts[id])..<Int(starts[id + 1])] }

    /// The id of `term`, adding it when new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = TermInterner.hash(term)
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && matches(id, term) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(UInt32(bytes.count))
        slots[slot] = Int32(id)
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    /// Mixes the term eight bytes at a time (terms are short, so most take one multiply).
    @inline(__always) static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(term.count) &* multiplier
        guard let base = term.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        let count = term.count
        var i = 0
        while i + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            hash ^= hash >> 32
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            for k in i..<count { tail |= UInt64(base[k]) << UInt64(8 * (k - i)) }
            hash = (hash ^ tail) &* multiplier
            hash ^= hash >> 32
        }
        return hash
    }

    @inline(__always) private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == term.count else { return false }
        // Terms are short: a byte loop beats a call to memcmp.
        return bytes.withUnsafeBufferPointer { stored in
            for i in 0..<length where stored[start + i] != term[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
