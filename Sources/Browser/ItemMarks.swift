import CatalogSearch

/// A news item or an organization, the two kinds of item a person can mark.
///
/// The Browser's own reference: the executable maps it to and from its state store's keys.
public struct ItemReference: Hashable, Sendable {
    /// The kinds of item that carry marks (Sectors never do).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case news, organization
    }

    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }
}

/// What a person has recorded about one item: read, starred, and a free-text note.
public struct ItemMarks: Hashable, Sendable {
    public var isRead: Bool
    public var isStarred: Bool
    /// Nil when there is no note; never blank.
    public var note: String?

    public init(isRead: Bool = false, isStarred: Bool = false, note: String? = nil) {
        self.isRead = isRead
        self.isStarred = isStarred
        self.note = note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }

    /// True when nothing is recorded (the same as no entry at all).
    public var isEmpty: Bool { !isRead && !isStarred && note == nil }
}

extension DetailTarget {
    /// The item this target shows, when it is one that carries marks.
    var itemReference: ItemReference? {
        switch self {
        case .news(let id): return ItemReference(.news, id)
        case .organization(let id): return ItemReference(.organization, id)
        case .sector: return nil
        }
    }
}

extension BrowserState {
    /// The marks as the query language's flags (`is:unread`, `is:starred`, `has:note`).
    var itemFlags: ItemFlags {
        var flags = ItemFlags()
        for (item, marks) in marks {
            let type: SearchItemType = item.kind == .news ? .news : .organization
            guard let key = ItemFlags.key(type: type, id: item.id) else { continue }
            if marks.isRead { flags.read.insert(key) }
            if marks.isStarred { flags.starred.insert(key) }
            if marks.note != nil { flags.noted.insert(key) }
        }
        return flags
    }
}
