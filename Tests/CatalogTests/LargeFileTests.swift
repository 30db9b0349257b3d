import Foundation
import Testing
@testable import Catalog

/// A fixture large enough for the loader to give the bytes it has read back to the system as
/// it goes (more than three release intervals, made small for the test so that the file can be
/// small too): problems before, between and after the released
/// parts, and in the part before the list that is kept, still get their exact line and column;
/// and so do they when the files are held whole in memory (places worked out only at the end).
@Suite struct LargeFileTests {
    /// How far the loader reads between two gives back (the loader's own is 8 MiB).
    static let releaseInterval = 1 << 18

    /// The line and column of `offset`, worked out plainly: lines after each "\n", columns in
    /// Unicode scalars.
    private func expectedPlace(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = 1 + before.filter { $0 == 0x0A }.count
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return (line, column)
    }

    private func offset(of text: String, in bytes: [UInt8], last: Bool = false) throws -> Int {
        let found = Data(bytes).range(of: Data(text.utf8), options: last ? .backwards : [])
        return try #require(found, "\(text) not found").lowerBound
    }

    private func replacing(_ old: String, with new: String, in bytes: [UInt8], last: Bool = false, from start: Int = 0) throws -> [UInt8] {
        let at = try offset(of: old, in: Array(bytes[start...]), last: last) + start
        return Array(bytes[..<at]) + Array(new.utf8) + Array(bytes[(at + old.utf8.count)...])
    }

    /// Writes `news` as the news file of a generated corpus and loads the folder: from the
    /// files, giving bytes back as it goes, or with the files read whole into memory first.
    private func load(news: [UInt8], in folder: String, inMemory: Bool) throws -> [FixtureProblem] {
        try Data(news).write(to: URL(fileURLWithPath: folder + "/news.json"))
        guard inMemory else { return FixtureLoader.load(directory: folder, releaseInterval: Self.releaseInterval).problems }
        let files = try FixtureFile.Kind.allCases.map { kind in
            let path = folder + "/" + kind.fileName
            return FixtureFile(kind: kind, name: path, bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        }
        return FixtureLoader.load(files: files).problems
    }

    private func withCorpus(_ body: (String, [UInt8]) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-file-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CorpusGenerator(newsCount: 1_000, organizationCount: 50, seed: 3).write(to: folder)
        let news = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/news.json")))
        try #require(news.count > 3 * Self.releaseInterval, "news.json is \(news.count) bytes")
        try body(folder, news)
    }

    @Test(arguments: [false, true])
    func problemsBeforeBetweenAndAfterReleasedBytesKeepTheirPlaces(inMemory: Bool) throws {
        try withCorpus { folder, original in
            var news = try replacing("\"tags\": [", with: "\"tags\": [\"Интерспутник-first\", 6, ", in: original)
            news = try replacing("\"tags\": [", with: "\"tags\": [\"ё-middle\", 7, ", in: news, from: news.count / 2)
            news = try replacing("\"tags\": [", with: "\"tags\": [\"Интерспутник-last\", 5, ", in: news, last: true)
            news = try replacing("}", with: ",\n  \"extra\": true\n}", in: news, last: true)

            let problems = try load(news: news, in: folder, inMemory: inMemory)
            let expected = try [
                (offset(of: "\"Интерспутник-first\", ", in: news) + "\"Интерспутник-first\", ".utf8.count, "expected a string, found a number"),
                (offset(of: "\"ё-middle\", ", in: news) + "\"ё-middle\", ".utf8.count, "expected a string, found a number"),
                (offset(of: "\"Интерспутник-last\", ", in: news) + "\"Интерспутник-last\", ".utf8.count, "expected a string, found a number"),
                (offset(of: "\"extra\"", in: news), "unknown key \"extra\""),
            ].map { at, message in (place: expectedPlace(of: at, in: news), message: message) }
            #expect(problems.count == 4, "\(problems.map(\.description))")
            for (problem, wanted) in zip(problems, expected) {
                #expect(problem.line == wanted.place.line && problem.column == wanted.place.column,
                        "\(problem.description) should be at \(wanted.place.line):\(wanted.place.column)")
                #expect(problem.message.contains(wanted.message), "\(problem.description)")
            }
        }
    }

    @Test(arguments: [false, true])
    func aProblemInTheKeptStartFoundAfterTheListKeepsItsPlace(inMemory: Bool) throws {
        try withCorpus { folder, original in
            let news = try replacing("\"schemaVersion\": 1", with: "\"schemaVersion\": 2", in: original, last: false)
            let problems = try load(news: news, in: folder, inMemory: inMemory)
            let at = try offset(of: "2,", in: news)
            let place = expectedPlace(of: at, in: news)
            #expect(problems.map(\.description) == [
                "\(folder)/news.json:\(place.line):\(place.column): schemaVersion 2 is not supported (this version reads 1)",
            ])
        }
    }
}
