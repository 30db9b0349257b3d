import Testing
@testable import Catalog

/// Fuzz-style checks: no bytes make the loader trap or hang, and a damaged file is always
/// reported, never loaded.
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

    @Test func randomJSONLikeTextNeverTraps() {
        // Characters that matter to JSON, so the reader gets deep into its paths.
        let alphabet = Array(#"{}[]":,\ u0123abcdefnrtl-.eE+ "#.utf8) + [0x0A, 0xC3, 0xA9, 0xFF, 0xE2, 0x82]
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            var bytes = Array(#"{"schemaVersion": 1, "news": [{"id": ""#.utf8)
            for _ in 0..<random.between(0, 80) { bytes.append(alphabet[random.below(alphabet.count)]) }
            _ = loadNews(bytes)
        }
    }

    @Test func singleByteDamageToAValidFileIsNeverSilentlyLost() {
        // Changing one byte must either be reported or leave a file that still loads; it must
        // never trap.
        let valid = Array(TestFixtures.newsFile.utf8)
        var random = SplitMix64(seed: 3)
        for _ in 0..<1_000 {
            var bytes = valid
            let index = random.below(bytes.count)
            bytes[index] = UInt8(truncatingIfNeeded: random.next())
            let result = loadNews(bytes)
            #expect(result.catalog != nil || !result.errors.isEmpty)
        }
    }

    @Test func veryDeepNestingIsReportedNotFollowed() {
        let bytes = Array(#"{"schemaVersion": 1, "news": [{"tags": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 100_000)
        let result = loadNews(bytes)
        #expect(result.errors.contains { $0.message == "nesting deeper than 512 levels" })
    }
}
