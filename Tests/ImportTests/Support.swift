import Catalog
import Foundation
import Testing
@testable import Import

/// The bundled fixtures and temporary folders for the import tests.
enum Support {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var bundledFixtures: String { repositoryRoot.appendingPathComponent("fixtures").path }

    /// The bundled catalog, loaded once.
    static let catalog: Catalog = {
        guard let catalog = FixtureLoader.load(directory: bundledFixtures).catalog else {
            fatalError("the bundled fixtures do not load")
        }
        return catalog
    }()

    static let linker = EntityLinker(catalog: catalog)

    /// A fresh temporary folder holding a copy of the bundled fixtures; the caller removes it
    /// with `remove(_:)`.
    static func fixturesCopy() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["sectors.json", "organizations.json", "news.json"] {
            try FileManager.default.copyItem(atPath: bundledFixtures + "/" + name, toPath: folder.path + "/" + name)
        }
        return folder.path
    }

    /// Removes a folder made by `fixturesCopy()`.
    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The only article of a press release's text.
    static func pressRelease(_ text: String) throws -> Article {
        let articles = try ArticleReader.read(Array(text.utf8), format: .pressRelease, source: "test.txt")
        return try #require(articles.first)
    }

    /// The bytes of every fixture file in a folder.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}
