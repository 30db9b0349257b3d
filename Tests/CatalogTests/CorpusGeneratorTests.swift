import Foundation
import Testing
@testable import Catalog

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func contents(_ folder: String) throws -> [Data] {
        try FixtureFile.Kind.allCases.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0.fileName)) }
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        try withTemporaryFolder { folder in
            let generator = CorpusGenerator(newsCount: 300, organizationCount: 40, seed: 9)
            try generator.write(to: folder + "/a")
            try generator.write(to: folder + "/b")
            #expect(try contents(folder + "/a") == contents(folder + "/b"))
        }
    }

    @Test func differentSeedGivesDifferentFiles() throws {
        try withTemporaryFolder { folder in
            try CorpusGenerator(newsCount: 50, organizationCount: 10, seed: 1).write(to: folder + "/a")
            try CorpusGenerator(newsCount: 50, organizationCount: 10, seed: 2).write(to: folder + "/b")
            let (a, b) = (try contents(folder + "/a"), try contents(folder + "/b"))
            #expect(a[0] == b[0], "the Sectors are the real ones whatever the seed")
            #expect(a[1] != b[1])
            #expect(a[2] != b[2])
        }
    }

    @Test func writtenCorpusLoadsWithNoProblemsAndTheCountsAsked() throws {
        try withTemporaryFolder { folder in
            try CorpusGenerator(newsCount: 2_000, organizationCount: 300, seed: 42).write(to: folder)
            let result = FixtureLoader.load(directory: folder)
            #expect(result.problems.map(\.description) == [])
            let catalog = try #require(result.catalog)
            #expect(catalog.sectors.map(\.id) == ["ITU-R", "ITU-T", "ITU-D"])
            #expect(catalog.organizations.count == 300)
            #expect(catalog.news.count == 2_000)
        }
    }

    @Test func writtenFilesDecodeToTheGeneratedValues() throws {
        try withTemporaryFolder { folder in
            let generator = CorpusGenerator(newsCount: 200, organizationCount: 30, seed: 5)
            try generator.write(to: folder)
            let catalog = try #require(FixtureLoader.load(directory: folder).catalog)
            let corpus = generator.makeCorpus()
            #expect(Set(catalog.organizations) == Set(corpus.organizations))
            #expect(Set(catalog.news) == Set(corpus.news))
            #expect(catalog.sectors == corpus.sectors)
        }
    }

    @Test func contentIsAsDescribed() {
        let corpus = CorpusGenerator(newsCount: 500, organizationCount: 200, seed: 42).makeCorpus()
        let kinds = Set(corpus.organizations.map(\.kind))
        #expect(kinds.count >= 5)
        let names = corpus.organizations.flatMap { [$0.name] + $0.aliases }
        #expect(names.contains { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }, "some Cyrillic names")
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "some CJK names")
        #expect(corpus.organizations.allSatisfy { (0...3).contains($0.memberships.count) })
        for item in corpus.news {
            #expect((2019...2024).contains(item.date.year))
            #expect((1...3).contains(item.organizations.count))
            #expect((1...2).contains(item.sectors.count))
            #expect((1...4).contains(item.tags.count))
            #expect((100...200).contains(item.body.split(separator: " ").count))
        }
        let words = corpus.news.flatMap { $0.body.lowercased().split(separator: " ") }
        let counts = Dictionary(grouping: words, by: { String($0) }).mapValues(\.count)
        #expect(counts["the"] ?? 0 > counts["satellite"] ?? 0, "common words are drawn most often")
        #expect((counts["satellites"] ?? 0) > 0 && (counts["regulations"] ?? 0) > 0)
    }

    @Test func refusesAFolderWithOtherFiles() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
            #expect(throws: CorpusGenerator.WriteError(description: "refusing to write into \"\(folder)\": it holds files other than fixtures (notes.txt)")) {
                try CorpusGenerator(newsCount: 1, organizationCount: 1, seed: 1).write(to: folder)
            }
            #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep me")
        }
    }

    @Test func refusesAFileInPlaceOfTheFolder() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/plain"))
            #expect(throws: CorpusGenerator.WriteError(description: "cannot write into \"\(folder)/plain\": it is not a folder")) {
                try CorpusGenerator(newsCount: 1, organizationCount: 1, seed: 1).write(to: folder + "/plain")
            }
        }
    }

    @Test func newsItemsAreTheSameMadeAloneOrTogether() {
        let generator = CorpusGenerator(newsCount: 20, organizationCount: 10, seed: 77)
        let corpus = generator.makeCorpus()
        #expect(generator.makeNewsItem(at: 13, organizations: corpus.organizations) == corpus.news[13])
    }
}
