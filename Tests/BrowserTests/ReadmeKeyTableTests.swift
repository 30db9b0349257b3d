import Foundation
import Testing
@testable import Browser

/// The README's key table is `Keymap.markdownTable()`, so the keymap drives the handling, the
/// help overlay and the README alike. `UPDATE_GOLDEN=1` rewrites the README's table on purpose.
@Suite struct ReadmeKeyTableTests {
    static let begin = "<!-- keymap:begin (generated from Keymap.markdownTable(); UPDATE_GOLDEN=1 swift test rewrites it) -->\n"
    static let end = "<!-- keymap:end -->"

    static var readmeURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
    }

    @Test func readmeKeyTableIsTheKeymap() throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "README.md lacks the keymap:begin marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex),
                                "README.md lacks the keymap:end marker")
        let table = Keymap.markdownTable()
        let current = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1", current != table + "\n" {
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table + "\n")
            try updated.write(to: Self.readmeURL, atomically: true, encoding: .utf8)
            print("UPDATE_GOLDEN=1: rewrote the key table in README.md")
            return
        }
        #expect(current == table + "\n", "README.md's key table differs from Keymap.markdownTable(); rewrite it with UPDATE_GOLDEN=1")
    }
}
