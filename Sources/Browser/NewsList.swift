import Catalog

/// The news of each Sector as positions in `Catalog.news`, found in one pass at start, so
/// choosing a Sector or showing its detail never copies a list of tens of thousands of items.
struct SectorNews: Sendable {
    private var positions: [String: [Int32]] = [:]

    init(catalog: Catalog) {
        let ids = catalog.sectors.map(\.id)
        var lists = Array(repeating: [Int32](), count: ids.count)
        let news = catalog.news
        for position in news.indices {
            for name in news[position].sectors {
                guard let sector = ids.firstIndex(of: name) ?? ids.firstIndex(where: { $0.lowercased() == name.lowercased() }) else { continue }
                lists[sector].append(Int32(truncatingIfNeeded: position))
            }
        }
        for (sector, list) in lists.enumerated() { positions[ids[sector]] = list }
    }

    /// The news of a Sector (by its exact id), newest first.
    func news(of sectorID: String, in catalog: Catalog) -> NewsList {
        NewsList(all: catalog.news, positions: positions[sectorID] ?? [])
    }
}

/// A list of news items: all of the catalog's, or those at some of its positions.
struct NewsList: RandomAccessCollection, Sendable {
    let all: [NewsItem]
    /// Positions in `all`, in order; nil for all of them.
    let positions: [Int32]?

    init(all: [NewsItem], positions: [Int32]? = nil) {
        self.all = all
        self.positions = positions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { positions?.count ?? all.count }

    subscript(index: Int) -> NewsItem {
        guard let positions else { return all[index] }
        return all[Int(positions[index])]
    }
}
