import Screen

/// The one table of key bindings: it drives key handling, the help overlay and the README table.
public enum Keymap {
    private static func c(_ s: Character) -> Key { .character(s) }

    public static let bindings: [KeyBinding] = [
        KeyBinding([.control("c")], .forceQuit, .always, "Quit at once, even while typing a query"),

        KeyBinding([c("q")], .quit, .browsing, "Quit"),
        KeyBinding([c("?")], .showHelp, .browsing, "Show this help"),
        KeyBinding([c("/")], .startSearch, .browsing, "Search (results update as you type)"),
        KeyBinding([c("n")], .nextResult, .browsing, "Next search result (opens it from a detail)"),
        KeyBinding([c("N")], .previousResult, .browsing, "Previous search result"),
        KeyBinding([c("[")], .back, .browsing, "Back to the previous view"),
        KeyBinding([c("]")], .forward, .browsing, "Forward again"),
        KeyBinding([c("1")], .focusOrganizations, .browsing, "Organizations pane"),
        KeyBinding([c("2")], .focusSectors, .browsing, "Sectors pane"),
        KeyBinding([c("3")], .focusNews, .browsing, "News pane"),
        KeyBinding([c("R")], .reload, .browsing, "Reload the fixtures now"),

        KeyBinding([c("j"), .down], .moveDown, .moving, "Down a row (a line in a detail)"),
        KeyBinding([c("k"), .up], .moveUp, .moving, "Up a row"),
        KeyBinding([c("g"), .home], .moveToTop, .moving, "To the top"),
        KeyBinding([c("G"), .end], .moveToBottom, .moving, "To the bottom"),
        KeyBinding([.pageDown], .pageDown, .moving, "Page down"),
        KeyBinding([.pageUp], .pageUp, .moving, "Page up"),
        KeyBinding([.control("d")], .halfPageDown, .moving, "Half a page down"),
        KeyBinding([.control("u")], .halfPageUp, .moving, "Half a page up"),

        KeyBinding([.tab], .nextPane, .lists, "Next pane"),
        KeyBinding([.backTab], .previousPane, .lists, "Previous pane"),
        KeyBinding([c("h"), .left], .paneLeft, .lists, "Pane to the left"),
        KeyBinding([c("l"), .right], .paneRight, .lists, "Pane to the right (the open detail)"),
        KeyBinding([.enter], .open, .lists, "Open it; a Sector filters the lists by it"),
        KeyBinding([.escape, .backspace], .clearFacet, .lists, "Clear the Sector filter"),

        KeyBinding([.tab], .nextLink, .detail, "Next link"),
        KeyBinding([.backTab], .previousLink, .detail, "Previous link"),
        KeyBinding([.enter, c("l"), .right], .followLink, .detail, "Follow the selected link"),
        KeyBinding([.escape, .backspace, c("h"), .left], .back, .detail, "Back"),

        KeyBinding([.enter, c("l"), .right], .open, .results, "Open the result"),
        KeyBinding([.escape, .backspace, c("h"), .left], .closeSearch, .results, "Close the search, back to where you were"),

        KeyBinding([c("s")], .toggleStar, .item, "Star or unstar it (★)"),
        KeyBinding([c("m")], .toggleRead, .item, "Mark it read or unread (unread news: ●)"),
        KeyBinding([c("a")], .editNote, .item, "Edit its note in $VISUAL or $EDITOR"),
        KeyBinding([c("o")], .openSource, .item, "Open its web address in your web browser"),
        KeyBinding([c("y")], .copySource, .item, "Copy its web address to the clipboard"),

        KeyBinding([], .insertCharacter, .queryLine, "Type into the query", label: "any character"),
        KeyBinding([.enter], .submitQuery, .queryLine, "Go to the results"),
        KeyBinding([.escape], .cancelQuery, .queryLine, "Cancel the search, back to where you were"),
        KeyBinding([.left], .cursorLeft, .queryLine, "Cursor left"),
        KeyBinding([.right], .cursorRight, .queryLine, "Cursor right"),
        KeyBinding([.home, .control("a")], .cursorToStart, .queryLine, "Cursor to start"),
        KeyBinding([.end, .control("e")], .cursorToEnd, .queryLine, "Cursor to end"),
        KeyBinding([.backspace], .deleteBackward, .queryLine, "Delete before the cursor"),
        KeyBinding([.delete], .deleteForward, .queryLine, "Delete under the cursor"),
        KeyBinding([.control("w")], .deleteWord, .queryLine, "Delete the word before the cursor"),
        KeyBinding([.control("u")], .deleteToStart, .queryLine, "Delete to the start"),
        KeyBinding([.up], .olderQuery, .queryLine, "Older query from history"),
        KeyBinding([.down], .newerQuery, .queryLine, "Newer query from history"),

        KeyBinding([c("j"), .down, .pageDown, c(" ")], .scrollHelpDown, .help, "Scroll this help down"),
        KeyBinding([c("k"), .up, .pageUp], .scrollHelpUp, .help, "Scroll this help up"),
        KeyBinding([], .closeHelp, .help, "Close this help", label: "any other key"),
    ]

    /// The bindings as a Markdown table, grouped by context, for the README.
    public static func markdownTable() -> String {
        var out = "| Context | Keys | Action |\n|---|---|---|\n"
        for binding in bindings {
            let keys = binding.keys.map { key in
                let name = KeyBinding.name(of: key)
                return name == "|" ? "`\\|`" : "`\(name)`"
            }
            let label = binding.keys.isEmpty ? binding.keyLabel : keys.joined(separator: " ")
            out += "| \(binding.context.title) | \(label) | \(binding.help) |\n"
        }
        return out
    }
}

extension Keymap {
    /// The name of an action in the config's `[keys]` (`move-down` for `moveDown`).
    public static func name(of action: BrowserAction) -> String {
        var name = ""
        for character in action.rawValue {
            if character.isUppercase {
                name += "-" + character.lowercased()
            } else {
                name.append(character)
            }
        }
        return name
    }

    /// The actions a config may rebind, in table order: every bound action except `force-quit`
    /// (Ctrl-C always quits) and those bound to "any key".
    public static let actionNames: [String] = {
        var names: [String] = []
        for binding in bindings where !binding.keys.isEmpty && binding.action != .forceQuit {
            let name = Keymap.name(of: binding.action)
            if !names.contains(name) { names.append(name) }
        }
        return names
    }()

    /// Each rebindable action's keys in the table, named as a config writes them.
    public static let defaultKeyNames: [String: [String]] = {
        var keys: [String: [String]] = [:]
        for binding in bindings where actionNames.contains(name(of: binding.action)) {
            for key in binding.keys {
                let named = KeyBinding.name(of: key)
                if keys[name(of: binding.action), default: []].contains(named) == false { keys[name(of: binding.action), default: []].append(named) }
            }
        }
        return keys
    }()

    /// The contexts a key is looked up in together, most specific first, as `Browser.contexts(for:)`
    /// gives them: within one of these a key may do only one thing.
    static let lookupChains: [[KeyContext]] = [
        [.always, .help], [.always, .queryLine],
        [.always, .lists, .moving, .item, .browsing], [.always, .results, .moving, .item, .browsing],
        [.always, .detail, .moving, .item, .browsing],
    ]
}
