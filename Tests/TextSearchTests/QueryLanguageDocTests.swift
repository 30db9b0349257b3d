import Foundation
import Testing

/// The query language is described once, in `Sources/TextSearch/QUERY-LANGUAGE.md`; the README
/// carries the same text under "Search query language". This keeps the two from drifting.
@Suite struct QueryLanguageDocTests {
    @Test func readmeCarriesTheQueryLanguageDescription() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let description = try String(contentsOf: root.appendingPathComponent("Sources/TextSearch/QUERY-LANGUAGE.md"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let body = description.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("The same language") }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!body.isEmpty)
        #expect(readme.contains(body), "README.md's 'Search query language' differs from Sources/TextSearch/QUERY-LANGUAGE.md")
    }
}
