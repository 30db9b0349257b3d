import Foundation
import Testing
@testable import Catalog

/// The layout of `news.json` a load records, against the one a scan of the file finds.
@Suite("News file layout")
struct NewsFileLayoutTests {
    /// The layout a session records while loading `news` (after the test sectors and
    /// organizations), and the session's problems.
    static func recorded(_ news: [UInt8]) -> (layout: NewsFileLayout?, problems: [FixtureProblem]) {
        var session = FixtureLoadSession()
        session.recordsNewsLayout = true
        for (kind, text) in [(FixtureFile.Kind.sectors, TestFixtures.sectorsFile), (.organizations, TestFixtures.organizationsFile)] {
            Array(text.utf8).withUnsafeBufferPointer { session.read(kind: kind, name: kind.fileName, bytes: $0) }
        }
        news.withUnsafeBufferPointer { session.read(kind: .news, name: "news.json", bytes: $0) }
        return (session.newsLayout, session.problems)
    }

    static func scanned(_ news: [UInt8]) throws -> NewsFileLayout {
        try news.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in try NewsFileLayout.scan(bytes) }
    }

    static let indented: String = {
        let items = TestFixtures.newsPairs.map { pairs in
            "\t{\n" + pairs.map { "\t  \"\($0.key)\": \($0.value)" }.joined(separator: ",\n") + "\n\t}"
        }
        return "\u{FEFF}{\n  \"schemaVersion\": 1,\n  \"news\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n"
    }()

    @Test("a load records the layout a scan finds: items' places, lines, ids, dates, key order, indentation",
          arguments: [TestFixtures.newsFile, NewsFileLayoutTests.indented,
                      "{\"schemaVersion\": 1, \"news\": [ ]}", "{\"news\": [\n  {\"date\": \"2024\", \"id\": \"x\", \"category\": \"c\", \"title\": \"t\", \"summary\": \"s\", \"body\": \"b\"}\n], \"schemaVersion\": 1}"])
    func sameAsScan(_ text: String) throws {
        let bytes = Array(text.utf8)
        let (layout, problems) = NewsFileLayoutTests.recorded(bytes)
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        let recorded = try #require(layout)
        #expect(recorded == (try NewsFileLayoutTests.scanned(bytes)))
        #expect(recorded.elements.count == text.components(separatedBy: "\"title\"").count - 1)
    }

    @Test("the bundled news.json: the recorded layout is the scanned one")
    func bundledFile() throws {
        let bytes = try Array(#require(FileManager.default.contents(atPath: FileSystem.join(BundledFixturesTests.folder, "news.json"))))
        var session = FixtureLoadSession()
        session.recordsNewsLayout = true
        bytes.withUnsafeBufferPointer { session.read(kind: .news, name: "news.json", bytes: $0) }
        let recorded = try #require(session.newsLayout)
        #expect(recorded.elements.count == session.news.count)
        #expect(recorded == (try NewsFileLayoutTests.scanned(bytes)))
    }

    @Test("an item that does not decode leaves no layout; a load that does not ask records none")
    func noLayout() {
        var broken = TestFixtures.newsPairs
        broken[1].removeAll { $0.key == "title" }
        #expect(NewsFileLayoutTests.recorded(Array(TestFixtures.file(.news, broken).utf8)).layout == nil)
        var session = FixtureLoadSession()
        Array(TestFixtures.newsFile.utf8).withUnsafeBufferPointer { session.read(kind: .news, name: "news.json", bytes: $0) }
        #expect(session.newsLayout == nil)
    }
}
