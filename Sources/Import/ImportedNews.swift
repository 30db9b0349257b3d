import Catalog

/// An announcement made ready for the catalog: the news item and what linking found.
public struct ImportedNews: Hashable, Sendable {
    public var item: NewsItem
    /// People the catalog knows, named in the text.
    public var people: [String]
    /// Names that look like organizations but are not in the catalog.
    public var unlinked: [String]
    /// The link, guid and address that identify the announcement across imports.
    public var identities: [String]

    /// Builds the item from an article: linking, summary, tags and the id's slug (`YYYY-MM-DD-slug`;
    /// the planner makes it unique).
    public init(_ source: SourceArticle, linker: EntityLinker) {
        let article = source.article
        let date = source.date
        let body = article.paragraphs.isEmpty ? article.title : article.paragraphs.joined(separator: "\n\n")
        let text = article.title + "\n" + body
        let links = linker.links(in: text)
        var tags = ImportedNews.conferenceCodes(in: text)
        for sector in links.sectors { tags.appendOnce(sector) }
        item = NewsItem(id: date.description + "-" + Slug.make(article.title), date: date,
                        category: article.category ?? ImportedNews.defaultCategory, title: article.title,
                        summary: Summary.make(from: body), body: body, organizations: links.organizations,
                        sectors: links.sectors, tags: tags, source: source.source)
        people = links.people
        unlinked = UnlinkedNames.find(in: text, linkedSpans: links.spans)
        identities = source.identities
    }

    /// The category of an item whose source names none.
    public static let defaultCategory = "News"

    /// Conference codes such as `WRC-23`, `WTSA-24` or `PP-22`, in order of first mention.
    static func conferenceCodes(in text: String) -> [String] { ConferenceCodes.find(in: text) }
}
