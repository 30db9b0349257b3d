import Foundation
@testable import UserState

/// A fresh folder under the system's temporary folder, removed when the value is released.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("itu-browser-state-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `<folder>/state/itu-browser/state.sqlite`: the folder holding it does not exist yet.
    var databaseURL: URL { url.appendingPathComponent("state/itu-browser/state.sqlite") }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Fixed times, so tests compare exact values.
enum Times {
    static let first = Date(timeIntervalSince1970: 1_700_000_000)
    static let second = Date(timeIntervalSince1970: 1_700_000_600)
    static let third = Date(timeIntervalSince1970: 1_700_001_200)
}
