import Catalog

/// What differs between two catalogs, counted by id: items added, removed and changed.
public struct CatalogChanges: Hashable, Sendable {
    /// Counts per kind, in the order they are reported: news, organizations, Sectors.
    public struct Counts: Hashable, Sendable {
        public var added = 0
        public var removed = 0
        public var changed = 0
    }

    public var news = Counts()
    public var organizations = Counts()
    public var sectors = Counts()

    public init(from old: Catalog, to new: Catalog) {
        news = Self.compare(old.news, new.news)
        organizations = Self.compare(old.organizations, new.organizations)
        sectors = Self.compare(old.sectors, new.sectors)
    }

    public var isEmpty: Bool { [news, organizations, sectors].allSatisfy { $0 == Counts() } }

    /// `+2 news, −1 organization, 3 news changed`; "no changes" when nothing differs.
    public var summary: String {
        var parts: [String] = []
        let kinds: [(Counts, String, String)] = [
            (news, "news", "news"), (organizations, "organization", "organizations"), (sectors, "Sector", "Sectors"),
        ]
        for (counts, one, many) in kinds {
            if counts.added > 0 { parts.append("+\(counts.added) \(counts.added == 1 ? one : many)") }
            if counts.removed > 0 { parts.append("−\(counts.removed) \(counts.removed == 1 ? one : many)") }
        }
        for (counts, one, many) in kinds where counts.changed > 0 {
            parts.append("\(counts.changed) \(counts.changed == 1 ? one : many) changed")
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    private static func compare<Items: RandomAccessCollection>(_ old: Items, _ new: Items) -> Counts
        where Items.Element: Hashable & Identifiable, Items.Element.ID == String, Items.Index == Int {
        var before: [String: Int] = [:]
        before.reserveCapacity(old.count)
        for index in old.indices { before[old[index].id] = index }
        var counts = Counts()
        var kept = 0
        for index in new.indices {
            guard let previous = before[new[index].id] else {
                counts.added += 1
                continue
            }
            kept += 1
            if old[previous] != new[index] { counts.changed += 1 }
        }
        counts.removed = old.count - kept
        return counts
    }
}
