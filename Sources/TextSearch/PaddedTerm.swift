/// A term's bytes in memory that stays readable for `PaddedTerm.padding` bytes past the term's
/// end, so `TermInterner` can hash and compare it in whole 8-byte words.
///
/// Invariant: the `padding` bytes after `bytes` belong to the buffer the term was cut from.
/// Only `TermScratch.term(_:)` makes one, and it checks that (with `assert`, in debug builds);
/// `word(at:)` is the one place that reads past the term, and masks what it read there away.
struct PaddedTerm {
    static let padding = 8

    let bytes: UnsafeBufferPointer<UInt8>

    fileprivate init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    /// The bytes from `offset` up to 8 of them, little-endian, zero past the term's end: one
    /// unaligned load, which may read into the padding.
    @inline(__always) func word(at offset: Int) -> UInt64 {
        assert(offset >= 0 && offset < bytes.count, "a word must start inside the term")
        guard let base = bytes.baseAddress else { return 0 }
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let remaining = bytes.count - offset
        return remaining >= 8 ? word : word & (~UInt64(0) >> UInt64(64 - 8 * remaining))
    }
}

/// The buffer `TextAnalyzer` writes folded terms to, keeping `PaddedTerm.padding` bytes free
/// past the last byte a term may use, so every term cut from it is a `PaddedTerm`.
///
/// Invariant: writes stay below `capacity` (checked with `assert`, in debug builds), and the
/// buffer outlives the terms cut from it (they are only used during `TokenSink.accept`).
struct TermScratch {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes a term may use: the buffer less the padding.
    let capacity: Int

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        precondition(buffer.count > PaddedTerm.padding, "a scratch buffer needs room past its terms")
        self.buffer = buffer
        capacity = buffer.count - PaddedTerm.padding
    }

    @inline(__always) subscript(index: Int) -> UInt8 {
        get {
            assert(index >= 0 && index < capacity)
            return buffer[index]
        }
        nonmutating set {
            assert(index >= 0 && index < capacity, "a term may not write into the padding")
            buffer[index] = newValue
        }
    }

    /// The bytes in `range` as a term.
    @inline(__always) func term(_ range: Range<Int>) -> PaddedTerm {
        assert(range.lowerBound >= 0 && range.upperBound <= capacity, "a term must end before the padding")
        return PaddedTerm(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[range]))
    }
}
