/// A dated announcement about organizations and Sectors.
public struct NewsItem: Hashable, Sendable, Identifiable {
    /// A stable slug such as `2021-11-01-intersputnik-gold-sector-member`.
    public var id: String
    public var date: PartialDate
    /// E.g. "International Cooperation", "Membership", "Conferences".
    public var category: String
    public var title: String
    public var summary: String
    public var body: String
    /// Ids of the organizations the item concerns.
    public var organizations: [String]
    /// Ids of the Sectors the item concerns.
    public var sectors: [String]
    public var tags: [String]
    /// The address the item is based on.
    public var source: String?

    public init(id: String, date: PartialDate, category: String, title: String, summary: String, body: String,
                organizations: [String] = [], sectors: [String] = [], tags: [String] = [], source: String? = nil) {
        self.id = id
        self.date = date
        self.category = category
        self.title = title
        self.summary = summary
        self.body = body
        self.organizations = organizations
        self.sectors = sectors
        self.tags = tags
        self.source = source
    }
}
