import Catalog

/// What `import` does with one item.
public enum ImportAction: String, Sendable, Hashable {
    /// New to the catalog, added.
    case added
    /// The catalog has an item from the same source or guid; replaced (`--replace`).
    case updated
    /// The catalog has an item from the same source or guid; left as it is.
    case unchanged
    /// A near duplicate of an item of the catalog (see `Similarity`); not added without `--force`.
    case duplicate
}

/// One item's result.
public struct ImportOutcome: Hashable, Sendable {
    public var action: ImportAction
    /// The item as written, or as it would be (its id made unique).
    public var news: ImportedNews
    /// The id of the item it repeats, for `duplicate`, `unchanged` and `updated`.
    public var duplicateOf: String?
}

/// What to change in the catalog's news.
public struct ImportPlan: Sendable {
    public var outcomes: [ImportOutcome]
    /// Items to add.
    public var added: [NewsItem]
    /// Items that replace the catalog's items of the same id.
    public var replaced: [NewsItem]

    public init(outcomes: [ImportOutcome] = [], added: [NewsItem] = [], replaced: [NewsItem] = []) {
        self.outcomes = outcomes
        self.added = added
        self.replaced = replaced
    }
}

/// The choices of `import` that change what is written.
public struct ImportOptions: Sendable {
    /// Replace items that come from the same source or guid.
    public var replace: Bool
    /// Add near duplicates anyway.
    public var force: Bool

    public init(replace: Bool = false, force: Bool = false) {
        self.replace = replace
        self.force = force
    }
}

/// Decides, for each imported item, whether it is new, already there or a near duplicate,
/// against the catalog as it is now and the items before it in the same import.
///
/// The catalog's near duplicates of every item are looked for first, on all processors (they
/// do not depend on one another); the items are then decided in order, each also compared with
/// the items this import added before it, so the outcome is the same as deciding one item at a
/// time.
public struct ImportPlanner {
    /// The catalog's items and then the items this import has added, by their sources (and the
    /// added items' links and guids): positions in `catalogItems` followed by `addedItems`.
    private var itemsBySource: [String: Int] = [:]
    /// The catalog's news, newest first (the catalog's own array, not a copy).
    private let catalogItems: [NewsItem]
    private var addedItems: [NewsItem] = []
    /// The catalog's items, and the items this import has added: on any one day the catalog's
    /// come first.
    private let catalogCandidates: NearDuplicateIndex
    private var addedCandidates = NearDuplicateIndex()
    /// The catalog, whose ids are taken, and the lower-cased ids this import has added.
    private let catalog: Catalog
    private var addedIDs: Set<String> = []
    private let options: ImportOptions

    /// The first near duplicate of an item in the catalog, and its day.
    private typealias CatalogMatch = NearDuplicateIndex.Match

    public init(catalog: Catalog, options: ImportOptions) {
        self.options = options
        self.catalog = catalog
        catalogItems = catalog.news.items
        itemsBySource.reserveCapacity(catalogItems.count)
        for position in catalogItems.indices {
            if let source = catalogItems[position].source, itemsBySource[source] == nil { itemsBySource[source] = position }
        }
        catalogCandidates = NearDuplicateIndex(catalogItems)
    }

    /// The plan for `imported`, in order.
    public static func plan(_ imported: [ImportedNews], against catalog: Catalog, options: ImportOptions) -> ImportPlan {
        var planner = ImportPlanner(catalog: catalog, options: options)
        let sets = imported.parallelMap { WordSets($0.item) }
        let matches = planner.catalogMatches(of: imported, sets: sets)
        var plan = ImportPlan(outcomes: [], added: [], replaced: [])
        for index in imported.indices {
            planner.decide(imported[index], sets: sets[index], catalogMatch: matches[index], into: &plan)
        }
        return plan
    }

    /// Each item's first near duplicate in the catalog, found on all processors; nil for an item
    /// with none, and for an item the catalog has by its source (which is never compared).
    private func catalogMatches(of imported: [ImportedNews], sets: [WordSets]) -> [CatalogMatch?] {
        let bySource = itemsBySource
        let compared = imported.indices.filter { index in !imported[index].identities.contains { bySource[$0] != nil } }
        let queries = compared.map { NearDuplicateIndex.Query(sets: sets[$0], day: Similarity.dayNumber(imported[$0].item.date)) }
        let found = catalogCandidates.firstMatches(of: queries)
        var matches = [CatalogMatch?](repeating: nil, count: imported.count)
        for (index, match) in zip(compared, found) { matches[index] = match }
        return matches
    }

    private mutating func decide(_ news: ImportedNews, sets: WordSets, catalogMatch: CatalogMatch?, into plan: inout ImportPlan) {
        var news = news
        let bySource = itemsBySource
        if let position = news.identities.compactMap({ bySource[$0] }).first {
            let same = position < catalogItems.count ? catalogItems[position] : addedItems[position - catalogItems.count]
            news.item.id = same.id
            let identical = same == news.item
            if options.replace && !identical {
                plan.replaced.append(news.item)
                plan.outcomes.append(ImportOutcome(action: .updated, news: news, duplicateOf: same.id))
            } else {
                plan.outcomes.append(ImportOutcome(action: .unchanged, news: news, duplicateOf: same.id))
            }
            return
        }
        if let original = firstMatch(news.item, sets: sets, catalogMatch: catalogMatch), !options.force {
            news.item.id = uniqueID(news.item.id)
            plan.outcomes.append(ImportOutcome(action: .duplicate, news: news, duplicateOf: original.id))
            return
        }
        news.item.id = uniqueID(news.item.id)
        addedIDs.insert(news.item.id.lowercased())
        let position = catalogItems.count + addedItems.count
        addedItems.append(news.item)
        if let source = news.item.source, itemsBySource[source] == nil { itemsBySource[source] = position }
        addedCandidates.add(news.item, words: sets)
        for identity in news.identities where itemsBySource[identity] == nil { itemsBySource[identity] = position }
        plan.added.append(news.item)
        plan.outcomes.append(ImportOutcome(action: .added, news: news, duplicateOf: nil))
    }

    /// The first near duplicate of `item` among the catalog's items and this import's, in the
    /// candidates' order: the items this import added on the days before the catalog's match
    /// come before it, and on its day the catalog's items come first.
    private func firstMatch(_ item: NewsItem, sets: WordSets, catalogMatch: CatalogMatch?) -> NewsItem? {
        let day = Similarity.dayNumber(item.date)
        let lastAddedDay = catalogMatch.map { $0.day - 1 } ?? day + Similarity.maximumDaysApart
        if let added = addedCandidates.firstMatch(of: sets, onDay: day - Similarity.maximumDaysApart, through: lastAddedDay) {
            return added.item
        }
        return catalogMatch?.item
    }

    private func isTaken(_ id: String) -> Bool {
        addedIDs.contains(id.lowercased()) || catalog.newsItem(id: id) != nil
    }

    /// `id`, or `id-2`, `id-3`, … when it is taken.
    private func uniqueID(_ id: String) -> String {
        guard isTaken(id) else { return id }
        var counter = 2
        while isTaken("\(id)-\(counter)") { counter += 1 }
        return "\(id)-\(counter)"
    }
}
