/// A list of a catalog's news items, all of them or those at some positions, newest first.
/// Items are read from the catalog's `NewsStorage` when accessed, so a list of a hundred
/// thousand items costs nothing until its items are used.
public struct CatalogNews: RandomAccessCollection, Sendable {
    public let storage: any NewsStorage
    /// Positions in `storage`, in order; nil for all of them.
    public let positions: [Int]?

    public init(storage: any NewsStorage, positions: [Int]? = nil) {
        self.storage = storage
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? storage.count }

    public subscript(index: Int) -> NewsItem { storage.item(at: position(of: index)) }

    /// The position in `storage` of the item at `index` of this list.
    public func position(of index: Int) -> Int {
        guard let positions else {
            precondition(index >= 0 && index < storage.count, "CatalogNews index out of range")
            return index
        }
        return positions[index]
    }

    /// The items as an array: for all the items of storage in memory, its own array (nothing
    /// is copied item by item); else each item read in turn.
    public var items: [NewsItem] {
        if positions == nil, let memory = storage as? MemoryNewsStorage { return memory.items }
        return Array(self)
    }

    /// The id of the item at `index`, without reading the rest of it.
    public func id(at index: Int) -> String { storage.id(at: position(of: index)) }

    /// The ids of the items, in order, each read when used.
    public var ids: LazyMapCollection<Range<Int>, String> { indices.lazy.map { id(at: $0) } }

    /// The items at the indices for which `isIncluded` holds, as a list of the same storage.
    public func selecting(_ isIncluded: (Int) -> Bool) -> CatalogNews {
        CatalogNews(storage: storage, positions: indices.filter(isIncluded).map { position(of: $0) })
    }
}

/// Two lists are equal when they hold equal items in the same order, wherever they are stored.
extension CatalogNews: Equatable {
    public static func == (a: CatalogNews, b: CatalogNews) -> Bool { a.count == b.count && a.elementsEqual(b) }
}
