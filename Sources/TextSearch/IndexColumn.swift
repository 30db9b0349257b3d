import SnapshotFormat

/// A column of the postings: the plain numbers of an index built here, or the packed ones of a
/// snapshot (see `PackedIntegers`), each read capped at a ceiling the snapshot's reader gives
/// (the largest valid value), so that a hostile file can give wrong numbers at worst, never one
/// out of range. Not decoded when the snapshot is opened: each value is unpacked when read.
struct IndexColumn<Element: FixedWidthInteger & UnsignedInteger & BitwiseCopyable>: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case plain(Column<Element>)
        case packed(PackedIntegers, ceiling: UInt32)
    }

    private let storage: Storage

    /// Plain numbers, as built.
    init(_ column: Column<Element>) {
        storage = .plain(column)
    }

    /// Packed numbers, each read as at most `ceiling` (which must fit in `Element`).
    init(packed: PackedIntegers, ceiling: UInt32) {
        precondition(UInt64(ceiling) <= UInt64(Element.max), "ceiling wider than the column's values")
        storage = .packed(packed, ceiling: ceiling)
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .plain(let column): return column.count
        case .packed(let packed, _): return packed.count
        }
    }

    @inline(__always) subscript(position: Int) -> Element {
        switch storage {
        case .plain(let column): return column[position]
        case .packed(let packed, let ceiling): return Element(truncatingIfNeeded: Swift.min(packed[position], ceiling))
        }
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
