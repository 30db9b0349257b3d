import CatalogCache
import Foundation

/// A temporary fixtures folder and cache folder for one test, removed when done.
struct SnapshotTestFolder {
    let root: String
    var fixtures: String { root + "/fixtures" }
    var cache: CacheDirectory { CacheDirectory(path: root + "/cache/itu-browser") }
    var realFixtures: String { CacheDirectory.realPath(fixtures) ?? fixtures }

    static let bundledFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures").path

    /// A folder holding a copy of the bundled fixtures.
    init() throws {
        root = NSTemporaryDirectory() + "snapshot-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/fixtures", withIntermediateDirectories: true)
        for name in ["sectors.json", "organizations.json", "news.json"] {
            try FileManager.default.copyItem(atPath: SnapshotTestFolder.bundledFixtures + "/" + name, toPath: fixtures + "/" + name)
        }
    }

    func remove() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/cache/itu-browser")
        try? FileManager.default.removeItem(atPath: root)
    }

    var cacheEntries: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
    }
}
