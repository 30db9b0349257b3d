/// The editable search query: text, cursor and history, edited like a shell's line.
struct QueryLine: Hashable, Sendable {
    private(set) var characters: [Character] = []
    /// The cursor's position in `characters`, `0...characters.count`.
    private(set) var cursor = 0
    /// Earlier queries, oldest first.
    var history: [String] = []
    /// Which history entry is shown while stepping with ↑/↓; nil when editing a new query.
    private var historyIndex: Int?
    private var draft: [Character] = []

    init(text: String = "", history: [String] = []) {
        characters = Array(text)
        cursor = characters.count
        self.history = history
    }

    var text: String { String(characters) }

    /// The display columns before the cursor, for placing the terminal's caret.
    var textBeforeCursor: String { String(characters[0..<cursor]) }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    mutating func moveToStart() { cursor = 0 }
    mutating func moveToEnd() { cursor = characters.count }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes the word before the cursor and the spaces after it, like Ctrl-W in a shell.
    mutating func deleteWord() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Shows the next older query from the history (↑).
    mutating func older() {
        guard !history.isEmpty else { return }
        if historyIndex == nil { draft = characters }
        let index = max(0, (historyIndex ?? history.count) - 1)
        historyIndex = index
        characters = Array(history[index])
        cursor = characters.count
    }

    /// Shows the next newer query, and after the newest the text being typed before (↓).
    mutating func newer() {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            historyIndex = index + 1
            characters = Array(history[index + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    /// Records the current text at the end of the history (no blanks, no repeats in a row).
    mutating func remember() {
        let text = String(self.text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        historyIndex = nil
        guard !text.isEmpty, history.last != text else { return }
        history.append(text)
    }
}
