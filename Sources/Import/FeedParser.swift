import Catalog

/// Reads the items of an RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 feed, parsed by libxml2's XML
/// parser with the limits of `MarkupDocument`.
///
/// - RSS 2.0: `rss/channel/item` with `title`, `link`, `guid`, `pubDate` (or `dc:date`),
///   `category` (or `dc:subject`), and `content:encoded` else `description`.
/// - RSS 1.0: the `item` elements of `rdf:RDF`, with `rdf:about` as the guid and `dc:date`.
/// - Atom 1.0: `feed/entry` with `title`, `link` (`rel="alternate"` or none), `id`,
///   `published` else `updated`, `category term`, and `content` else `summary`
///   (`type="html"` and `"xhtml"` turned into text).
enum FeedParser {
    static func parse(_ bytes: [UInt8], source: String) throws(ImportFailure) -> [Article] {
        let document = try MarkupDocument.parse(bytes, kind: .xml, source: source)
        guard let root = document.root else { throw ImportFailure(source: source, message: "an empty feed") }
        switch root.name {
        case "rss":
            return try rssItems(root.child("channel")?.children("item") ?? [], source: source)
        case "rdf":
            return try rssItems(root.children("item"), source: source)
        case "feed":
            return try root.children("entry").map { entry throws(ImportFailure) in try atomEntry(entry, source: source) }
        default:
            throw ImportFailure(source: source, line: root.line,
                                message: "not a feed: the root element is <\(root.name)>, not <rss>, <rdf:RDF> or <feed>")
        }
    }

    /// What an RSS item's elements say, its description's HTML not yet turned into text.
    private struct RSSFields: Sendable {
        var title: String?
        var html: String
        var date: String?
        var category: String?
        var guid: String?
        /// The link, or why its text could not be read (reported after the description's problem).
        var link: Result<String?, ImportFailure>
        var line: Int
    }

    /// The articles of RSS items, with the problem an item-by-item reading meets first. The
    /// elements are read in document order (entity expansion is counted for the whole feed);
    /// the descriptions, each parsed as an HTML document of its own, are turned into text on
    /// all processors.
    private static func rssItems(_ items: [MarkupNode], source: String) throws(ImportFailure) -> [Article] {
        var fields: [RSSFields] = []
        var failure: ImportFailure?
        for item in items {
            do {
                fields.append(try rssFields(item))
            } catch {
                failure = error
                break
            }
        }
        let paragraphs = fields.map(\.html).parallelMap { html -> Result<[String], ImportFailure> in
            do throws(ImportFailure) {
                return .success(try HTMLText.paragraphs(ofFragment: html, source: source))
            } catch {
                return .failure(error)
            }
        }
        var articles: [Article] = []
        for (item, text) in zip(fields, paragraphs) {
            let article = Article(title: item.title ?? "", date: item.date.flatMap(DateRecognizer.firstDate), category: item.category,
                                  paragraphs: try text.get(), link: try item.link.get(), guid: item.guid)
            articles.append(try article.requiringTitle(source: source, line: item.line))
        }
        if let failure { throw failure }
        return articles
    }

    /// The elements of an RSS item, read in the order an item-by-item reading reads them.
    private static func rssFields(_ item: MarkupNode) throws(ImportFailure) -> RSSFields {
        func text(_ name: String) throws(ImportFailure) -> String? {
            guard let node = item.child(name) else { return nil }
            let value = HTMLText.collapse(try node.text())
            return value.isEmpty ? nil : value
        }
        let title = try text("title")
        let encoded = item.children("encoded").first { $0.namespace?.contains("purl.org/rss/1.0/modules/content") == true }
        var html = ""
        if let node = encoded ?? item.child("description") { html = try node.text() }
        var date = try text("pubdate")
        if date == nil { date = try text("date") }
        var category = try text("category")
        if category == nil { category = try text("subject") }
        var guid = try text("guid")
        if guid == nil { guid = item.attribute("about") }
        let link: Result<String?, ImportFailure>
        do {
            link = .success(try text("link"))
        } catch {
            link = .failure(error)
        }
        return RSSFields(title: title, html: html, date: date, category: category, guid: guid, link: link, line: item.line)
    }

    private static func atomEntry(_ entry: MarkupNode, source: String) throws(ImportFailure) -> Article {
        func text(_ name: String) throws(ImportFailure) -> String? {
            guard let node = entry.child(name) else { return nil }
            let value = HTMLText.collapse(try content(of: node, source: source).joined(separator: " "))
            return value.isEmpty ? nil : value
        }
        let links = entry.children("link")
        let link = (links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first)?.attribute("href")
        var body: [String] = []
        if let node = entry.child("content") ?? entry.child("summary") { body = try content(of: node, source: source) }
        let category = entry.child("category").flatMap { $0.attribute("label") ?? $0.attribute("term") }
        var date = try text("published")
        if date == nil { date = try text("updated") }
        let article = Article(title: try text("title") ?? "", date: date.flatMap(DateRecognizer.firstDate),
                              category: category.map(HTMLText.collapse).flatMap { $0.isEmpty ? nil : $0 },
                              paragraphs: body, link: link, guid: try text("id"))
        return try article.requiringTitle(source: source, line: entry.line)
    }

    /// The paragraphs of an Atom text construct: `type="text"` as it is, `"html"` parsed, `"xhtml"` read as elements.
    private static func content(of node: MarkupNode, source: String) throws(ImportFailure) -> [String] {
        switch node.attribute("type")?.lowercased() {
        case "html", "text/html": return try HTMLText.paragraphs(ofFragment: try node.text(), source: source)
        case "xhtml", "application/xhtml+xml": return try HTMLText.paragraphs(of: node)
        default: return HTMLText.split(try node.text())
        }
    }
}

extension Article {
    func requiringTitle(source: String, line: Int) throws(ImportFailure) -> Article {
        guard !title.isEmpty else { throw ImportFailure(source: source, line: line, message: "a feed item without a title") }
        return self
    }
}
