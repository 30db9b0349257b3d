import TextSearch

/// What a person recorded about items, as the query language's flags see it: `is:read`,
/// `is:unread`, `is:starred`, `has:note`. Keys are `news:<id>` and `organization:<id>`.
///
/// `is:unread` holds the news items and organizations not in `read`; Sectors are never unread.
public struct ItemFlags: Hashable, Sendable {
    public var read: Set<String>
    public var starred: Set<String>
    public var noted: Set<String>

    public init(read: Set<String> = [], starred: Set<String> = [], noted: Set<String> = []) {
        self.read = read
        self.starred = starred
        self.noted = noted
    }

    /// The flag names, in the order query problems list them.
    public static let names = ["is:unread", "is:read", "is:starred", "has:note"]

    /// The key of an item in these sets, or nil for a type that carries no state (Sectors).
    public static func key(type: SearchItemType, id: String) -> String? {
        switch type {
        case .news, .organization: return type.rawValue + ":" + id
        case .sector: return nil
        }
    }

    /// The flags as TextSearch takes them, with document numbers from `documentOf`; a flag whose
    /// name is not in `named` is given no documents (the query does not use it).
    func queryFlags(named: Set<String>, documentOf: (String) -> Int?) -> [QueryFlag] {
        func documents(_ keys: Set<String>, for names: String...) -> [Int] {
            names.contains(where: named.contains) ? keys.compactMap(documentOf).sorted() : []
        }
        let readDocuments = documents(read, for: "is:unread", "is:read")
        return [
            .lacking("is:unread", documents: readDocuments,
                     among: ["type": [SearchItemType.news.rawValue, SearchItemType.organization.rawValue]]),
            .holding("is:read", documents: readDocuments),
            .holding("is:starred", documents: documents(starred, for: "is:starred")),
            .holding("has:note", documents: documents(noted, for: "has:note")),
        ]
    }
}
