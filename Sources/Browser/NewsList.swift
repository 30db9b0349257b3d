import Catalog

/// The news of each Sector, asked of the catalog once (its storage keeps them precomputed), so
/// choosing a Sector or showing its detail never copies a list of tens of thousands of items.
struct SectorNews: Sendable {
    private var lists: [String: CatalogNews] = [:]

    init(catalog: Catalog) {
        for sector in catalog.sectors { lists[sector.id] = catalog.news(inSector: sector.id) }
    }

    /// The news of a Sector (by its exact id), newest first.
    func news(of sectorID: String, in catalog: Catalog) -> NewsList {
        lists[sectorID] ?? CatalogNews(storage: catalog.news.storage, positions: [])
    }
}

/// A list of news items: all of the catalog's, or those at some of its positions, each read
/// from the catalog's storage when shown.
typealias NewsList = CatalogNews
