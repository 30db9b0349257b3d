import Catalog
import TextSearch

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
public struct ImportPlanner {
    private var itemsBySource: [String: NewsItem] = [:]
    private var candidates = NearDuplicateIndex()
    /// The catalog, whose ids are taken, and the lower-cased ids this import has added.
    private let catalog: Catalog
    private var addedIDs: Set<String> = []
    private let options: ImportOptions

    public init(catalog: Catalog, options: ImportOptions) {
        self.options = options
        self.catalog = catalog
        itemsBySource.reserveCapacity(catalog.news.count)
        for item in catalog.news { remember(item) }
    }

    /// The plan for `imported`, in order.
    public static func plan(_ imported: [ImportedNews], against catalog: Catalog, options: ImportOptions) -> ImportPlan {
        var planner = ImportPlanner(catalog: catalog, options: options)
        var plan = ImportPlan(outcomes: [], added: [], replaced: [])
        for news in imported { planner.decide(news, into: &plan) }
        return plan
    }

    private mutating func remember(_ item: NewsItem) {
        if let source = item.source, itemsBySource[source] == nil { itemsBySource[source] = item }
        candidates.add(item)
    }

    private mutating func decide(_ news: ImportedNews, into plan: inout ImportPlan) {
        var news = news
        let bySource = itemsBySource
        let same = news.identities.compactMap { bySource[$0] }.first
        if let same {
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
        if let original = candidates.firstMatch(of: news.item), !options.force {
            news.item.id = uniqueID(news.item.id)
            plan.outcomes.append(ImportOutcome(action: .duplicate, news: news, duplicateOf: original.id))
            return
        }
        news.item.id = uniqueID(news.item.id)
        addedIDs.insert(news.item.id.lowercased())
        remember(news.item)
        for identity in news.identities where itemsBySource[identity] == nil { itemsBySource[identity] = news.item }
        plan.added.append(news.item)
        plan.outcomes.append(ImportOutcome(action: .added, news: news, duplicateOf: nil))
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
