import Catalog

/// What a source says about one announcement, before it is linked to the catalog.
public struct Article: Hashable, Sendable {
    public var title: String
    /// The day of the announcement, when the source gives one.
    public var date: PartialDate?
    /// The category the source names ("International Cooperation"), when it names one.
    public var category: String?
    /// The text, one paragraph per element, boilerplate removed.
    public var paragraphs: [String]
    /// The address of the announcement (a feed item's link, a page's address).
    public var link: String?
    /// A feed item's guid (RSS) or id (Atom).
    public var guid: String?

    public init(title: String, date: PartialDate? = nil, category: String? = nil, paragraphs: [String] = [],
                link: String? = nil, guid: String? = nil) {
        self.title = title
        self.date = date
        self.category = category
        self.paragraphs = paragraphs
        self.link = link
        self.guid = guid
    }
}
