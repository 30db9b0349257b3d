import SnapshotFormat

/// A column of the postings: the plain numbers of an index built here, or the packed ones of a
/// snapshot (see `PackedIntegers`), each read capped at a ceiling the snapshot's reader gives
/// (the largest valid value), so that a hostile file can give wrong numbers at worst, never one
/// out of range. Not decoded when the snapshot is opened: each value is unpacked when read.
///
/// Unchecked `Sendable`: `plainBuffer` is the buffer of the column `storage` holds, which keeps
/// it alive and never changes.
struct IndexColumn<Element: FixedWidthInteger & UnsignedInteger & BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private enum Storage: Sendable {
        case plain(Column<Element>)
        case packed(PackedIntegers, ceiling: UInt32)
    }

    private let storage: Storage
    /// The plain numbers' buffer: read without taking the column out of the enum, which would
    /// retain and release its owner on every read.
    private let plainBuffer: UnsafeBufferPointer<Element>?

    /// Plain numbers, as built.
    init(_ column: Column<Element>) {
        storage = .plain(column)
        plainBuffer = column.buffer
    }

    /// Packed numbers, each read as at most `ceiling` (which must fit in `Element`).
    init(packed: PackedIntegers, ceiling: UInt32) {
        precondition(UInt64(ceiling) <= UInt64(Element.max), "ceiling wider than the column's values")
        storage = .packed(packed, ceiling: ceiling)
        plainBuffer = nil
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        if let plainBuffer { return plainBuffer.count }
        guard case .packed(let packed, _) = storage else { preconditionFailure("plain numbers without their buffer") }
        return packed.count
    }

    @inline(__always) subscript(position: Int) -> Element {
        if let plainBuffer {
            precondition(position >= 0 && position < plainBuffer.count, "IndexColumn index out of range")
            return plainBuffer[position]
        }
        guard case .packed(let packed, let ceiling) = storage else { preconditionFailure("plain numbers without their buffer") }
        return Element(truncatingIfNeeded: Swift.min(packed[position], ceiling))
    }

    /// The plain numbers, nil when packed.
    var plain: Column<Element>? {
        if case .plain(let column) = storage { return column }
        return nil
    }

    /// The values packed, for a snapshot.
    var packed: PackedIntegers {
        switch storage {
        case .plain(let column): return column.withUnsafeBufferPointer { PackedIntegers(packing: $0) }
        case .packed(let packed, _): return packed
        }
    }

    /// Bytes held.
    var byteCount: Int {
        switch storage {
        case .plain(let column): return column.count * MemoryLayout<Element>.stride
        case .packed(let packed, _): return packed.bytes.count
        }
    }
}

extension IndexColumn: Equatable {
    static func == (a: IndexColumn, b: IndexColumn) -> Bool { a.elementsEqual(b) }
}
