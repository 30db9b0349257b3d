import Testing
@testable import Catalog

/// Fuzz-style checks: no bytes make the loader trap or hang, a broken file is reported with
/// its place, and damage inside a string is reported or visible in the value loaded.
@Suite("Fixture loader robustness")
struct LoaderRobustnessTests {
    private func loadNews(_ bytes: [UInt8]) -> FixtureLoadResult {
        FixtureLoader.load(files: [
            FixtureFile(kind: .sectors, text: TestFixtures.sectorsFile),
            FixtureFile(kind: .organizations, text: TestFixtures.organizationsFile),
            FixtureFile(kind: .news, bytes: bytes),
        ])
    }

    @Test func everyTruncationOfAValidFileIsAnError() {
        let bytes = Array(TestFixtures.newsFile.utf8)
        // The file ends with "]}\n": every cut before the closing brace leaves it incomplete.
        for length in 0..<(bytes.count - 1) {
            let result = loadNews(Array(bytes[0..<length]))
            #expect(!result.errors.isEmpty, "a file cut to \(length) bytes loaded")
            #expect(result.catalog == nil)
            #expect(result.problems.allSatisfy { $0.file == "news.json" })
        }
        #expect(loadNews(bytes).problems.isEmpty)
    }

    @Test func randomBytesNeverTrap() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let bytes = (0..<random.between(0, 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let result = loadNews(bytes)
            #expect(!result.errors.isEmpty)
        }
    }

    @Test func randomJSONLikeTextIsReportedWithItsPlace() {
        // Characters that matter to JSON, so the reader gets deep into its paths. The item is
        // never completed (its string is left open or the document unclosed), so each input
        // is an error that names the file and the line where it was found.
        let alphabet = Array(#"{}[]":,\ u0123abcdefnrtl-.eE+ "#.utf8) + [0x0A, 0xC3, 0xA9, 0xFF, 0xE2, 0x82]
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            var bytes = Array(#"{"schemaVersion": 1, "news": [{"id": ""#.utf8)
            for _ in 0..<random.between(0, 80) { bytes.append(alphabet[random.below(alphabet.count)]) }
            let result = loadNews(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(result.catalog == nil, "\(text)")
            #expect(!result.errors.isEmpty, "\(text)")
            #expect(result.errors.allSatisfy { $0.file == "news.json" && ($0.line ?? 0) >= 1 }, "\(text)")
        }
    }

    /// The byte offsets strictly inside the string literals of a JSON text.
    private func stringInteriors(_ bytes: [UInt8]) -> [Int] {
        var inside: [Int] = []
        var inString = false
        var escaped = false
        for (i, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    continue
                }
                inside.append(i)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
        }
        return inside
    }

    @Test func damageInsideAStringChangesTheValueOrIsReported() throws {
        // One byte inside a string (a key or a value) replaced by another: the file either
        // loads with a different value (the change is visible) or a problem is reported. It is
        // never read as if nothing had changed.
        let valid = Array(TestFixtures.newsFile.utf8)
        let original = try #require(loadNews(valid).catalog).news
        let interiors = stringInteriors(valid)
        #expect(interiors.count > 200)
        var random = SplitMix64(seed: 3)
        var reported = 0, changed = 0
        for _ in 0..<1_000 {
            var bytes = valid
            let index = interiors[random.below(interiors.count)]
            var replacement = UInt8(truncatingIfNeeded: random.next())
            if replacement == bytes[index] { replacement &+= 1 }
            bytes[index] = replacement
            let result = loadNews(bytes)
            let damage = "byte \(index) \(valid[index]) → \(replacement)"
            if !result.problems.isEmpty {
                reported += 1
                #expect(result.problems.allSatisfy { $0.file == "news.json" }, "\(damage)")
            } else {
                let loaded = try #require(result.catalog, "\(damage)")
                #expect(loaded.news != original, "\(damage) loaded unchanged")
                changed += 1
            }
        }
        // Both outcomes occur: replacing a letter changes a title, a control byte is an error.
        #expect(reported > 0 && changed > 0)
    }

    @Test func veryDeepNestingIsReportedNotFollowed() {
        let bytes = Array(#"{"schemaVersion": 1, "news": [{"tags": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 100_000)
        let result = loadNews(bytes)
        #expect(result.errors.contains { $0.message == "nesting deeper than 512 levels" })
    }
}
