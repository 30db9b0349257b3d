import Testing
@testable import Browser

/// The README's key table is `Keymap.markdownTable()`, so the keymap drives the handling, the
/// help overlay and the README alike. `UPDATE_GOLDEN=1` rewrites the README's table on purpose.
@Suite struct ReadmeKeyTableTests {
    static let block = ReadmeBlock(
        begin: "<!-- keymap:begin (generated from Keymap.markdownTable(); UPDATE_GOLDEN=1 swift test rewrites it) -->\n",
        end: "<!-- keymap:end -->")

    @Test func readmeKeyTableIsTheKeymap() throws {
        try Self.block.check(Keymap.markdownTable() + "\n", what: "key table")
    }
}
