/// Read-only strings stored as UTF-8 bytes back to back with a table of offsets, decoded only
/// when one is read.
///
/// Invariant (checked by `init(offsets:bytes:)`): `offsets` has `count + 1` entries, starts at
/// 0, never decreases and ends at `bytes.count`, so every string's bytes lie inside `bytes`.
public struct StringColumn: RandomAccessCollection, Sendable, Equatable {
    public let offsets: Column<UInt32>
    public let bytes: Column<UInt8>

    /// Validates the invariant; nil when the offsets do not describe `bytes`.
    public init?(offsets: Column<UInt32>, bytes: Column<UInt8>) {
        guard let first = offsets.first, first == 0, Int(offsets[offsets.count - 1]) == bytes.count else { return nil }
        let sorted = offsets.withUnsafeBufferPointer { table in
            var previous: UInt32 = 0
            for value in table {
                if value < previous { return false }
                previous = value
            }
            return true
        }
        guard sorted else { return nil }
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Strings held in memory. Their total UTF-8 size must fit in 32 bits.
    public init(_ strings: [String]) {
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count })
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            precondition(bytes.count <= Int(UInt32.max), "strings larger than 4 GiB")
            offsets.append(UInt32(bytes.count))
        }
        self.offsets = Column(offsets)
        self.bytes = Column(bytes)
    }

    public init() { self.init([]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    public subscript(position: Int) -> String {
        String(decoding: utf8(position), as: UTF8.self)
    }

    /// The UTF-8 bytes of string `position`, without decoding them.
    public func utf8(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[position]), end = Int(offsets[position + 1])
        return UnsafeBufferPointer(rebasing: bytes.buffer[start..<end])
    }

    /// The position of `key` when the strings are sorted by their UTF-8 bytes (see `sortedByBytes`).
    public func sortedIndex(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted -> Int? in
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                let order = Self.compare(utf8(mid), wanted)
                if order == 0 { return mid }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    /// `strings` in the order of their UTF-8 bytes, the order `sortedIndex(of:)` searches.
    public static func sortedByBytes(_ strings: some Sequence<String>) -> [String] {
        strings.sorted { a, b in a.utf8.lexicographicallyPrecedes(b.utf8) }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = Swift.min(a.count, b.count)
        for i in 0..<common where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
