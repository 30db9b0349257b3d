import Catalog
import Foundation
import Testing
@testable import Import

@Suite("HTML pages")
struct HTMLPageTests {
    static func page(_ head: String, _ body: String) -> [UInt8] {
        Array("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>".utf8)
    }

    static func read(_ bytes: [UInt8]) throws -> Article {
        try #require(try ArticleReader.read(bytes, format: .html, source: "page.html").first)
    }

    @Test("og:title wins over h1, h1 over title")
    func titles() throws {
        let all = Self.page("<title>Site title</title><meta property=\"og:title\" content=\"OG title\">", "<h1>H1 title</h1><p>Text.</p>")
        #expect(try Self.read(all).title == "OG title")
        let noOG = Self.page("<title>Site title</title>", "<h1>H1 <em>title</em></h1><p>Text.</p>")
        #expect(try Self.read(noOG).title == "H1 title")
        let onlyTitle = Self.page("<title>Site  title</title>", "<p>Text.</p>")
        #expect(try Self.read(onlyTitle).title == "Site title")
    }

    @Test("article:published_time wins over time[datetime], which wins over a date in the text")
    func dates() throws {
        let meta = Self.page("<meta property=\"article:published_time\" content=\"2021-11-01T09:00:00+03:00\"><title>T</title>",
                             "<time datetime=\"2020-01-02\">2 January 2020</time><p>On 3 March 2019.</p>")
        #expect(try Self.read(meta).date == PartialDate(year: 2021, month: 11, day: 1))
        let time = Self.page("<title>T</title>", "<time datetime=\"2020-01-02\">yesterday</time><p>On 3 March 2019.</p>")
        #expect(try Self.read(time).date == PartialDate(year: 2020, month: 1, day: 2))
        let text = Self.page("<title>T</title>", "<p>Geneva, 3 March 2019. The meeting opened.</p>")
        #expect(try Self.read(text).date == PartialDate(year: 2019, month: 3, day: 3))
    }

    @Test("the paragraphs of <article>, else <main>; scripts, styles and navigation dropped")
    func body() throws {
        let html = Self.page("<title>T</title><style>p { color: red }</style>", """
            <nav><p>Home</p><p>About us and our mission statement</p></nav>
            <main><p>Main paragraph outside the article.</p>
            <article><h1>T</h1><p>First <b>paragraph</b>.</p><script>var x = "<p>evil</p>";</script>
            <aside><p>Related stories you may like a lot</p></aside><p>Second paragraph.</p><p>Share</p></article></main>
            <footer><p>Footer text that is long enough</p></footer>
            """)
        #expect(try Self.read(html).paragraphs == ["First paragraph.", "Second paragraph."])
        let mainOnly = Self.page("<title>T</title>", "<main><p>In main.</p></main><p>Outside.</p>")
        #expect(try Self.read(mainOnly).paragraphs == ["In main."])
    }

    @Test("a page in ISO-8859-1 is decoded by its declared charset")
    func latin1() throws {
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Soci".utf8)
        bytes += [0xE9, 0x74, 0xE9] + Array("</title></head><body><p>Caf".utf8) + [0xE9] + Array(".</p></body></html>".utf8)
        let article = try Self.read(bytes)
        #expect(article.title == "Société")
        #expect(article.paragraphs == ["Café."])
    }

    @Test("a declared charset wins over bytes that happen to be valid UTF-8, whatever the case it is written in",
          arguments: ["charset=iso-8859-1", "CHARSET=ISO-8859-1", "ChArSeT=iso-8859-1"])
    func declaredCharsetInAnyCase(declaration: String) throws {
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \(declaration)\"><title>Caf\u{E9}</title></head><body><p>x.</p></body></html>".utf8)
        #expect(try Self.read(bytes).title == "Caf\u{C3}\u{A9}")
    }

    @Test("a UTF-8 page without a declared charset is read as UTF-8")
    func undeclaredUTF8() throws {
        let bytes = Array("<html><head><title>Интерспутник</title></head><body><p>Текст.</p></body></html>".utf8)
        #expect(try Self.read(bytes).title == "Интерспутник")
    }
}

@Suite("RSS and Atom feeds")
struct FeedTests {
    static func read(_ text: String, format: ImportFormat? = nil) throws(ImportFailure) -> [Article] {
        try ArticleReader.read(Array(text.utf8), format: format, source: "feed.xml")
    }

    @Test("RSS 2.0: title, link, guid, pubDate, category and HTML description as text")
    func rss2() throws {
        let articles = try Self.read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>
            <item><title>First &amp; foremost</title><link>https://example.org/1</link><guid>urn:1</guid>
            <pubDate>Mon, 01 Nov 2021 10:00:00 +0000</pubDate><category>Membership</category>
            <description>&lt;p&gt;One &lt;b&gt;bold&lt;/b&gt; step.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description></item>
            <item><title>Second</title><link>https://example.org/2</link><pubDate>Tue, 02 Nov 2021 10:00:00 GMT</pubDate>
            <description>ignored</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
            </channel></rss>
            """)
        #expect(articles.count == 2)
        #expect(articles[0] == Article(title: "First & foremost", date: PartialDate(year: 2021, month: 11, day: 1),
                                       category: "Membership", paragraphs: ["One bold step.", "Two."],
                                       link: "https://example.org/1", guid: "urn:1"))
        #expect(articles[1].paragraphs == ["Full text."])
    }

    @Test("RSS 1.0 (RDF): items beside the channel, rdf:about as guid, dc:date")
    func rss1() throws {
        let articles = try Self.read("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://example.org/"><title>News</title></channel>
            <item rdf:about="https://example.org/a"><title>RDF item</title><link>https://example.org/a</link>
            <dc:date>2021-11-01T10:00:00Z</dc:date><dc:subject>Spectrum</dc:subject><description>Text.</description></item>
            </rdf:RDF>
            """)
        #expect(articles == [Article(title: "RDF item", date: PartialDate(year: 2021, month: 11, day: 1), category: "Spectrum",
                                     paragraphs: ["Text."], link: "https://example.org/a", guid: "https://example.org/a")])
    }

    @Test("Atom 1.0: alternate link, id, published over updated, category, html and xhtml content")
    func atom() throws {
        let articles = try Self.read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
            <entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>
            <link rel="self" href="https://example.org/self"/><link href="https://example.org/e1"/>
            <id>tag:example.org,2021:1</id><updated>2021-11-03T00:00:00Z</updated><published>2021-11-01T00:00:00Z</published>
            <category term="membership" label="Membership"/><content type="html">&lt;p&gt;Para one.&lt;/p&gt;</content></entry>
            <entry><title>Second</title><id>tag:2</id><updated>2021-11-04T00:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X one.</p><p>X two.</p></div></content></entry>
            </feed>
            """)
        #expect(articles.count == 2)
        #expect(articles[0].title == "A bold title")
        #expect(articles[0].link == "https://example.org/e1")
        #expect(articles[0].guid == "tag:example.org,2021:1")
        #expect(articles[0].date == PartialDate(year: 2021, month: 11, day: 1))
        #expect(articles[0].category == "Membership")
        #expect(articles[0].paragraphs == ["Para one."])
        #expect(articles[1].date == PartialDate(year: 2021, month: 11, day: 4))
        #expect(articles[1].paragraphs == ["X one.", "X two."])
    }

    @Test("a feed in ISO-8859-1 is decoded by its declaration")
    func latin1() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>Soci".utf8)
        bytes += [0xE9, 0x74, 0xE9] + Array(" Europ".utf8) + [0xE9] + Array("enne</title><pubDate>2021-11-01</pubDate></item></channel></rss>".utf8)
        let articles = try ArticleReader.read(bytes, format: nil, source: "feed.xml")
        #expect(articles.first?.title == "Société Européenne")
    }

    @Test("a malformed feed gives file:line:column")
    func malformed() {
        do {
            _ = try Self.read("<rss version=\"2.0\">\n<channel>\n  <item><title>x</titel></item>\n</channel></rss>")
            Issue.record("a malformed feed was read")
        } catch {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("feed.xml:3:"))
        }
    }

    @Test("an external entity (XXE) is never read")
    func externalEntity() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-secret-\(UUID().uuidString)")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <rss version="2.0"><channel><item><title>Leak &xxe; here</title><pubDate>2021-11-01</pubDate>
            <description>&xxe;</description></item></channel></rss>
            """
        let articles = try Self.read(feed)
        #expect(articles.count == 1)
        #expect(!articles[0].title.contains("TOP-SECRET"))
        #expect(!articles[0].paragraphs.joined().contains("TOP-SECRET"))
    }

    @Test("entity expansion (billion laughs) fails fast with a clear message")
    func billionLaughs() {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]><rss version=\"2.0\"><channel><item>"
            + "<title>&lol9;</title><pubDate>2021-11-01</pubDate></item></channel></rss>"
        let started = Date()
        do {
            _ = try Self.read(feed)
            Issue.record("a billion laughs document was read")
        } catch {
            #expect(error.message.contains("entity"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("entities adding more than the cap of characters are refused, even below libxml2's own limits")
    func expansionCap() {
        let big = String(repeating: "x", count: 20_000)
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><item>"
            + "<title>t</title><description>" + String(repeating: "&big;", count: 100) + "</description>"
            + "<pubDate>2021-11-01</pubDate></item></channel></rss>"
        do {
            _ = try Self.read(feed)
            Issue.record("2,000,000 characters of entities were expanded")
        } catch {
            #expect(error.message.contains("entity expansion exceeds 1000000 characters"))
        }
    }

    @Test("an error inside an entity's text is reported with its place (found by the import-feed fuzzer as a leak)")
    func errorInEntity() {
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&aGGGG;&a;\">]>"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><item rdf:about=\"u\"><title>&b;</title></item></rdf:RDF>"
        do {
            _ = try Self.read(feed)
            Issue.record("a feed with an undefined entity was read")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.lowercased().contains("entity"))
        }
    }

    @Test("internal entities within the limit are expanded")
    func smallEntity() throws {
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY org \"Intersputnik\">]><rss version=\"2.0\"><channel><item>"
            + "<title>&org; news</title><pubDate>2021-11-01</pubDate></item></channel></rss>"
        #expect(try Self.read(feed).first?.title == "Intersputnik news")
    }

    @Test("nesting deeper than the limit is refused")
    func deepNesting() {
        let depth = 5000
        let feed = "<rss version=\"2.0\"><channel><item><title>t</title><pubDate>2021-11-01</pubDate><description>"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</description></item></channel></rss>"
        #expect(throws: ImportFailure.self) { try Self.read(feed) }
    }

    @Test("the first problem in document order is the one reported, though descriptions are read in parallel")
    func firstProblemInOrder() {
        let deep = String(repeating: "&lt;b&gt;", count: 300) + "x"
        func item(_ title: String, _ description: String) -> String {
            "<item>\(title.isEmpty ? "" : "<title>\(title)</title>")<pubDate>2021-11-01</pubDate>"
                + "<description>\(description)</description></item>"
        }
        func problem(_ items: [String]) -> String? {
            let filler = (0..<200).map { item("Fine \($0)", "&lt;p&gt;Text.&lt;/p&gt;") }
            do {
                let doctype = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(String(repeating: "x", count: 20_000))\">]>"
                _ = try Self.read(doctype + "<rss version=\"2.0\"><channel>" + (filler + items + filler).joined() + "</channel></rss>")
                return nil
            } catch {
                return error.message
            }
        }
        #expect(problem([item("Deep", deep), item("", "Text.")])?.contains("nested deeper") == true)
        #expect(problem([item("", "Text."), item("Deep", deep)]) == "a feed item without a title")
        #expect(problem([item("", deep)])?.contains("nested deeper") == true)
        let expanding = String(repeating: "&big;", count: 100)
        #expect(problem([item("Deep", deep), item(expanding, "Text.")])?.contains("nested deeper") == true)
        #expect(problem([item(expanding, "Text."), item("Deep", deep)])?.contains("entity expansion exceeds") == true)
    }

    @Test("the format is told from the content, not the name", arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"></rss>", ImportFormat.rss),
        ("<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", .rss),
        ("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", .atom),
        ("<!DOCTYPE html><html></html>", .html),
        ("<p>fragment</p>", .html),
        ("Intersputnik becomes a Gold Sector Member\n1 November 2021", .pressRelease),
    ])
    func detection(_ text: String, _ format: ImportFormat) {
        #expect(ImportFormat.detect(Array(text.utf8)) == format)
    }
}

@Suite("Lines of extracted text")
struct TextLinesTests {
    @Test("lines split where String.split(separator: \"\\n\") splits, \\r\\n included", arguments: [
        "one\ntwo\n\nthree\n", "\n\nlead", "crlf\r\nstays\r\none\nline", "é\n\u{301}mark", "🙂\n🙂\r\n\r\n", "", "\n", "\r\n",
    ])
    func sameAsSplit(_ text: String) {
        #expect(HTMLText.lines(text) == text.split(separator: "\n"))
    }
}
