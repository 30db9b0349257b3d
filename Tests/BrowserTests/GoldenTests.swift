@testable import Browser
import Catalog
import CatalogSearch
import Foundation
import Screen
import Testing

/// Golden screens: the Browser rendered over the bundled fixtures at fixed sizes, compared
/// line by line with `Golden/NAME-WxH.txt`. Run with `UPDATE_GOLDEN=1` to rewrite the files
/// on purpose (and read them before committing).
@Suite struct GoldenTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenFolder = testsFolder.appendingPathComponent("Golden")
    static let fixturesFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    static let bundled: Result<Catalog, LoadFailure> = {
        let result = FixtureLoader.load(directory: fixturesFolder.path)
        guard let catalog = result.catalog else { return .failure(LoadFailure(problems: result.errors.map(\.description))) }
        return .success(catalog)
    }()
    static let index: CatalogSearchIndex? = try? CatalogSearchIndex(catalog: bundled.get())

    struct LoadFailure: Error { var problems: [String] }

    static let sizes = [(80, 24), (140, 40)]

    /// The scenes, each a way to reach a screen from a fresh start.
    static let scenes: [(name: String, openItem: String?, steps: @Sendable (inout BrowserState, Catalog) -> Void)] = [
        ("start", nil, { _, _ in }),
        ("organizations", nil, { state, _ in state.send(.character("3"), .character("1"), .character("j")) }),
        ("sectors", nil, { state, _ in state.send(.character("2")) }),
        ("news", nil, { state, _ in state.send(.character("3")) }),
        ("facet-itu-d", nil, { state, catalog in
            state.send(.character("2"))
            let index = catalog.sectors.firstIndex { $0.id == "ITU-D" } ?? 0
            for _ in 0..<index { state.send(.down) }
            state.send(.enter)
        }),
        ("detail-intersputnik", "intersputnik", { _, _ in }),
        ("detail-intersputnik-link", "intersputnik", { state, _ in state.send(.tab, .tab) }),
        ("search-gold", nil, { state, _ in
            state.send(.character("/"))
            state.type("gold")
        }),
        ("results-gold", nil, { state, _ in
            state.send(.character("/"))
            state.type("gold")
            state.send(.enter, .down)
        }),
        ("help", nil, { state, _ in state.send(.character("?")) }),
    ]

    @Test(arguments: scenes.indices)
    func scene(_ index: Int) throws {
        let scene = GoldenTests.scenes[index]
        let catalog = try GoldenTests.bundled.get()
        for (width, height) in GoldenTests.sizes {
            var state = BrowserState(catalog: catalog, search: GoldenTests.index, width: width, height: height, openItem: scene.openItem)
            scene.steps(&state, catalog)
            try GoldenTests.compare(Browser.render(state), name: "\(scene.name)-\(width)x\(height)")
        }
    }

    @Test func helpWithRemappedKeys() throws {
        let catalog = try GoldenTests.bundled.get()
        var state = BrowserState(catalog: catalog, search: GoldenTests.index, width: 140, height: 40)
        state.keys = try BoundKeys.overriding([
            BoundKeys.Override(action: "quit", keys: [.character("x")]),
            BoundKeys.Override(action: "start-search", keys: [.character("f"), .control("f")]),
        ])
        state.send(.character("?"))
        try GoldenTests.compare(Browser.render(state), name: "help-remapped-140x40")
    }

    @Test func tooSmall() throws {
        let catalog = try GoldenTests.bundled.get()
        let state = BrowserState(catalog: catalog, search: GoldenTests.index, width: 30, height: 8)
        try GoldenTests.compare(Browser.render(state), name: "too-small-30x8")
    }

    static func compare(_ frame: Frame, name: String) throws {
        let url = goldenFolder.appendingPathComponent(name + ".txt")
        let actual = frame.text + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            print("UPDATE_GOLDEN=1: rewrote \(url.lastPathComponent)")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Golden/\(name).txt — create it with: UPDATE_GOLDEN=1 swift test --filter GoldenTests")
            return
        }
        guard expected != actual else { return }
        let (a, e) = (actual.split(separator: "\n", omittingEmptySubsequences: false), expected.split(separator: "\n", omittingEmptySubsequences: false))
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            \(name) differs from Golden/\(name).txt at line \(first + 1):
            expected: \(first < e.count ? String(e[first]) : "<end>")
            actual:   \(first < a.count ? String(a[first]) : "<end>")
            (rewrite on purpose with UPDATE_GOLDEN=1)
            """)
    }
}
