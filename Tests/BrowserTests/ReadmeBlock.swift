import Foundation
import Testing

/// A generated part of the README, between a begin and an end marker. Only `UPDATE_GOLDEN=1`
/// rewrites it; otherwise a test compares it with what generates it.
struct ReadmeBlock {
    let begin: String
    let end: String

    static var readmeURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
    }

    /// Expects the block to be `expected`; rewrites it instead with `UPDATE_GOLDEN=1`.
    func check(_ expected: String, what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let readme = try String(contentsOf: ReadmeBlock.readmeURL, encoding: .utf8)
        let start = try #require(readme.range(of: begin), "README.md lacks the marker \(begin)", sourceLocation: sourceLocation)
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex),
                                "README.md lacks the marker \(end)", sourceLocation: sourceLocation)
        let current = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1", current != expected {
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
            try updated.write(to: ReadmeBlock.readmeURL, atomically: true, encoding: .utf8)
            print("UPDATE_GOLDEN=1: rewrote \(what) in README.md")
            return
        }
        #expect(current == expected, "README.md's \(what) differs; rewrite it with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
    }
}
