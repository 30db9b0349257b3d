/// An array's storage shared by the threads of one parallel loop, each thread writing its own
/// slots (`IndexBuilder` places postings and the forward index this way).
///
/// Invariant: no two threads touch the same slot while one of them writes it (the caller's
/// partition of the slots guarantees it), and the storage outlives the loop (a value is only
/// made inside the array's `withUnsafeMutableBufferPointer`). Every access is checked against
/// the bounds with `assert`, in debug builds.
struct ParallelSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element>

    init(_ storage: UnsafeMutableBufferPointer<Element>) { self.storage = storage }

    var count: Int { storage.count }

    @inline(__always) subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < storage.count, "slot \(index) outside 0..<\(storage.count)")
            return storage[index]
        }
        nonmutating set {
            assert(index >= 0 && index < storage.count, "slot \(index) outside 0..<\(storage.count)")
            storage[index] = newValue
        }
    }
}
