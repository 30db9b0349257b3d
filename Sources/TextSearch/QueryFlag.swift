/// A named condition a query can ask for, such as `is:starred`, whose documents the caller
/// supplies with each search: what it holds changes (a person stars an item) while the index
/// does not.
///
/// A flag either holds the listed documents, or holds the documents with some facet values
/// that are not listed (`is:unread`: news and organizations not in the read list), so that
/// the complement of a short list costs no long list.
public struct QueryFlag: Hashable, Sendable {
    /// As written in a query, `keyword:value` (`is:starred`); compared without case.
    public var name: String
    /// Document numbers, as `SearchHit.document` gives them.
    public var documents: [Int]
    /// When non-nil, the flag holds the documents matching these facet filters (facet name →
    /// allowed values, as `SearchOptions.filters`) that are not in `documents`.
    public var complementWithin: [String: [String]]?

    /// The flag that holds `documents`.
    public static func holding(_ name: String, documents: [Int]) -> QueryFlag {
        QueryFlag(name: name, documents: documents, complementWithin: nil)
    }

    /// The flag that holds the documents matching `filters` except `documents`.
    public static func lacking(_ name: String, documents: [Int], among filters: [String: [String]]) -> QueryFlag {
        QueryFlag(name: name, documents: documents, complementWithin: filters)
    }
}
