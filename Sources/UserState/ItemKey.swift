/// The kinds of catalog items that carry a reading state.
public enum ItemKind: String, Sendable, CaseIterable, Codable {
    case news, organization
}

/// Names one item across the state database, exports and searches: its kind and its catalog id.
public struct ItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: ItemKind
    public var id: String

    public init(_ kind: ItemKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// `news:<id>` or `organization:<id>`, as search flags and messages write it.
    public var description: String { kind.rawValue + ":" + id }

    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }
}
