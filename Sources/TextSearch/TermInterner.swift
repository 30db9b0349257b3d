import Foundation

/// Gives each distinct byte string a dense id while indexing (open addressing with FNV-1a hashes).
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
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

    private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == term.count else { return false }
        guard length > 0, let base = term.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + start, base, length) == 0
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
