import Catalog

/// Reads an announcement from a web page parsed by libxml2's HTML parser.
///
/// - Title: `<meta property="og:title">`, else the first `<h1>`, else `<title>`.
/// - Date: `<meta property="article:published_time">`, else the first `<time datetime>`, else
///   the first date in the text.
/// - Category: `<meta property="article:section">`, when there is one.
/// - Body: the paragraphs (`<p>`) of the first `<article>`, else `<main>`, else `<body>`; when it
///   has no `<p>`, its blocks of text. Scripts, styles, navigation, headers, footers and
///   asides are dropped, and so are boilerplate lines and a paragraph that repeats the title.
enum HTMLPageParser {
    static func parse(_ bytes: [UInt8], source: String) throws(ImportFailure) -> Article {
        let document = try MarkupDocument.parse(bytes, kind: .html, source: source)
        guard let root = document.root else { throw ImportFailure(source: source, message: "an empty HTML page") }
        var meta: [String: String] = [:]
        var firstH1: MarkupNode?, titleElement: MarkupNode?, firstTime: String?
        var article: MarkupNode?, main: MarkupNode?, body: MarkupNode?
        try root.walk { node throws(ImportFailure) in
            switch node.name {
            case "meta":
                if let key = node.attribute("property") ?? node.attribute("name"), let content = node.attribute("content"),
                   meta[key.lowercased()] == nil {
                    meta[key.lowercased()] = content
                }
            case "h1" where firstH1 == nil: firstH1 = node
            case "title" where titleElement == nil: titleElement = node
            case "time" where firstTime == nil: firstTime = node.attribute("datetime")
            case "article" where article == nil: article = node
            case "main" where main == nil: main = node
            case "body" where body == nil: body = node
            case "script", "style", "noscript", "template": return false
            default: break
            }
            return true
        }
        var candidates = [meta["og:title"].map(HTMLText.collapse)]
        for element in [firstH1, titleElement] {
            if let element { candidates.append(HTMLText.collapse(try element.text())) }
        }
        let title = candidates.compactMap { $0 }.first { !$0.isEmpty }
        guard let title else {
            throw ImportFailure(source: source, message: "no title (no og:title meta, <h1> or <title>)")
        }
        guard let container = article ?? main ?? body else {
            throw ImportFailure(source: source, message: "no <article>, <main> or <body>")
        }
        var paragraphs: [String] = []
        for element in try paragraphElements(in: container) { paragraphs += try HTMLText.paragraphs(of: element) }
        if paragraphs.isEmpty { paragraphs = try HTMLText.paragraphs(of: container) }
        paragraphs.removeAll { $0 == title }
        let date = [meta["article:published_time"], firstTime].compactMap { $0 }.lazy.compactMap(DateRecognizer.firstDate).first
            ?? DateRecognizer.firstDate(in: paragraphs.joined(separator: "\n"))
        return Article(title: title, date: date, category: meta["article:section"].map(HTMLText.collapse).flatMap { $0.isEmpty ? nil : $0 },
                       paragraphs: paragraphs, link: meta["og:url"])
    }

    /// The `<p>` elements in a container, outside dropped elements.
    private static func paragraphElements(in container: MarkupNode) throws(ImportFailure) -> [MarkupNode] {
        var found: [MarkupNode] = []
        try container.walk { node in
            if HTMLText.dropped.contains(node.name) { return false }
            if node.name == "p" {
                found.append(node)
                return false
            }
            return true
        }
        return found
    }
}
