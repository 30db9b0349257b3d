@testable import Browser
import Testing

/// The README's screenshot of the browser is the golden screen `readme-intersputnik-120x32`:
/// `itu-browser --open intersputnik` at 120×32 over the bundled fixtures, so it cannot drift
/// from what the browser shows. `UPDATE_GOLDEN=1` rewrites both on purpose.
@Suite struct ReadmeScreenshotTests {
    static let block = ReadmeBlock(
        begin: "<!-- screenshot:begin (the golden screen readme-intersputnik-120x32; UPDATE_GOLDEN=1 swift test rewrites it) -->\n",
        end: "<!-- screenshot:end -->")

    @Test func readmeScreenshotIsTheGoldenScreen() throws {
        let catalog = try GoldenTests.bundled.get()
        let state = BrowserState(catalog: catalog, search: GoldenTests.index, width: 120, height: 32, openItem: "intersputnik")
        let frame = Browser.render(state)
        try GoldenTests.compare(frame, name: "readme-intersputnik-120x32")
        try Self.block.check("```text\n" + frame.text + "\n```\n", what: "browser screenshot")
    }
}
