/// A read-only array of fixed-size values that lives either in memory this process built
/// (`init(_ array:)`) or inside a memory-mapped snapshot (`SnapshotReader`), kept alive by an
/// owner object either way, so the code that reads an index runs unchanged over both.
///
/// Invariant: `buffer` stays valid and unchanged for as long as `owner` is alive, and `owner`
/// lives as long as any copy of the column. Subscripts check their index like `Array` does.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<Element>
    private let owner: AnyObject?

    /// A view of `buffer`, valid for as long as `owner` lives.
    public init(buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.buffer = buffer
        self.owner = owner
    }

    /// A column holding a copy of `array`.
    public init(_ array: [Element]) {
        let storage = ColumnStorage(byteCount: array.count * MemoryLayout<Element>.stride,
                                    alignment: MemoryLayout<Element>.alignment)
        let typed = storage.base.bindMemory(to: Element.self, capacity: array.count)
        array.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { typed.initialize(from: from, count: array.count) }
        }
        self.buffer = UnsafeBufferPointer(start: typed, count: array.count)
        self.owner = storage
    }

    public init() { self.init([]) }

    /// A column of `count` values written by `initialize`, which must initialize every one of
    /// them (it is given uninitialized memory): no array to fill first and copy.
    public init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        let storage = ColumnStorage(byteCount: count * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        let typed = UnsafeMutableBufferPointer(start: storage.base.bindMemory(to: Element.self, capacity: count), count: count)
        initialize(typed)
        self.buffer = UnsafeBufferPointer(typed)
        self.owner = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }
    public var count: Int { buffer.count }

    @inline(__always) public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < buffer.count, "Column index out of range")
        return buffer[position]
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(buffer)
    }

    /// The values as a Swift array (a copy).
    public var array: [Element] { Array(buffer) }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}

/// Memory allocated for one owned column, freed with it.
final class ColumnStorage: @unchecked Sendable {
    let base: UnsafeMutableRawPointer

    init(byteCount: Int, alignment: Int) {
        base = UnsafeMutableRawPointer.allocate(byteCount: max(1, byteCount), alignment: max(8, alignment))
    }

    deinit { base.deallocate() }
}
