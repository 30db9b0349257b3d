/// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0), written here from its specification:
/// the checksum of a snapshot's header and sections and the content hash of fixture files.
/// Fast (several GB/s) and good at detecting changed bytes; not a defence against an attacker,
/// which the reader's bounds checks are.
public enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The hash of `bytes`, calling `afterEachChunk` with each 1 MiB (a multiple of 32 bytes)
    /// once hashed, while it is still in the processor's cache (a mapped file's reader checks
    /// those values, then drops their pages, see `MappedFile.release`). The last `count % 32`
    /// bytes are not handed over.
    public static func hash(_ bytes: UnsafeRawBufferPointer, afterEachChunk: (UnsafeRawBufferPointer) -> Void) -> UInt64 {
        hash(bytes, chunk: 1 << 20, afterEachChunk: afterEachChunk)
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        hash(bytes, chunk: Int.max) { _ in }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer, chunk: Int,
                             afterEachChunk: (UnsafeRawBufferPointer) -> Void) -> UInt64 {
        let length = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(prime5) }
        var offset = 0
        var h: UInt64
        if length >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while offset + 32 <= length {
                let stop = offset + Swift.min(chunk, (length - offset) / 32 * 32)
                let start = offset
                while offset < stop {
                    v1 = round(v1, read64(base, offset))
                    v2 = round(v2, read64(base, offset + 8))
                    v3 = round(v3, read64(base, offset + 16))
                    v4 = round(v4, read64(base, offset + 24))
                    offset += 32
                }
                afterEachChunk(UnsafeRawBufferPointer(start: base + start, count: stop - start))
            }
            h = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = prime5
        }
        h &+= UInt64(length)
        while offset + 8 <= length {
            h ^= round(0, read64(base, offset))
            h = rotate(h, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= length {
            h ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
            h = rotate(h, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < length {
            h ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
            h = rotate(h, 11) &* prime1
            offset += 1
        }
        return avalanche(h)
    }

    @inline(__always) private static func read64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    @inline(__always) private static func avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= prime2
        h ^= h >> 29
        h &*= prime3
        h ^= h >> 32
        return h
    }
}
