import Foundation
import Testing
@testable import Catalog

/// Loading from a folder on disk: what is reported when the folder or a file is missing or
/// cannot be read, and that file names are shown as the folder was given.
@Suite("Fixture folders")
struct FixtureFolderTests {
    /// A fresh empty folder, removed after the test.
    private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func missingFolder() throws {
        try withTemporaryFolder { folder in
            let result = FixtureLoader.load(directory: folder + "/nowhere")
            #expect(result.problems.map(\.description) == ["\(folder)/nowhere: folder not found"])
            #expect(result.catalog == nil)
        }
    }

    @Test func aFileWhereAFolderIsExpected() throws {
        try withTemporaryFolder { folder in
            try write("{}", to: folder + "/plain")
            #expect(FixtureLoader.load(directory: folder + "/plain").problems.map(\.description) == ["\(folder)/plain: not a folder"])
        }
    }

    @Test func folderWithNoFixtureFiles() throws {
        try withTemporaryFolder { folder in
            try write("notes", to: folder + "/README")
            #expect(FixtureLoader.load(directory: folder).problems.map(\.description) == [
                "\(folder): no fixture files (expected sectors.json, organizations.json and news.json)",
            ])
        }
    }

    @Test func oneMissingFileIsNamedAsTheFolderWasGiven() throws {
        try withTemporaryFolder { folder in
            try write(TestFixtures.sectorsFile, to: folder + "/sectors.json")
            try write(TestFixtures.organizationsFile, to: folder + "/organizations.json")
            #expect(FixtureLoader.load(directory: folder + "/").problems.map(\.description) == ["\(folder)/news.json: file not found"])
        }
    }

    @Test func aFolderInPlaceOfAFileCannotBeRead() throws {
        try withTemporaryFolder { folder in
            try write(TestFixtures.sectorsFile, to: folder + "/sectors.json")
            try write(TestFixtures.organizationsFile, to: folder + "/organizations.json")
            try FileManager.default.createDirectory(atPath: folder + "/news.json", withIntermediateDirectories: false)
            #expect(FixtureLoader.load(directory: folder).problems.map(\.description) == ["\(folder)/news.json: is a folder, not a file"])
        }
    }

    @Test func emptyFileOnDisk() throws {
        try withTemporaryFolder { folder in
            try write(TestFixtures.sectorsFile, to: folder + "/sectors.json")
            try write("", to: folder + "/organizations.json")
            try write(TestFixtures.newsFile, to: folder + "/news.json")
            #expect(FixtureLoader.load(directory: folder).problems.map(\.description) == ["\(folder)/organizations.json: the file is empty"])
        }
    }

    @Test func validFolderLoadsAndIsNotWritten() throws {
        try withTemporaryFolder { folder in
            try write(TestFixtures.sectorsFile, to: folder + "/sectors.json")
            try write(TestFixtures.organizationsFile, to: folder + "/organizations.json")
            try write(TestFixtures.newsFile, to: folder + "/news.json")
            let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let result = FixtureLoader.load(directory: folder)
            #expect(result.problems.isEmpty)
            #expect(result.catalog?.organizations.count == 3)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
            #expect(try String(contentsOfFile: folder + "/news.json", encoding: .utf8) == TestFixtures.newsFile)
        }
    }

    @Test func inMemoryFilesWithAKindMissing() {
        let result = FixtureLoader.load(files: [FixtureFile(kind: .sectors, text: TestFixtures.sectorsFile)])
        #expect(result.problems.map(\.description) == ["organizations.json: file not found", "news.json: file not found"])
    }
}
