import Catalog

/// An article read from a source, checked to have what an item needs (a title and a full date).
public struct SourceArticle: Hashable, Sendable {
    public var article: Article
    public var date: PartialDate
    /// The address the source was fetched from, for a web page or press release fetched by URL.
    public var address: String?
    /// The file's name (without folders) for a file, nil for standard input or an address.
    public var fileName: String?

    /// Checks `article`; `sourceName` names the source in the message of a missing date.
    public init(_ article: Article, sourceName: String, address: String?, fileName: String?) throws(ImportFailure) {
        guard let date = article.date, date.day != nil else {
            throw ImportFailure(source: sourceName, message: "no date found for \"\(article.title)\" "
                                + "(expected a date line such as \"1 November 2021\" or \"2021-11-01\")")
        }
        self.article = article
        self.date = date
        self.address = address
        self.fileName = fileName
    }

    /// What the item's `source` field says: the article's own link, else the address it was
    /// fetched from, else its guid, else the file's name.
    var source: String? { article.link ?? address ?? article.guid ?? fileName }

    /// The values that identify the announcement across imports: its link, guid and the
    /// address it was fetched from.
    var identities: [String] { [article.link, article.guid, address].compactMap { $0 } }
}
