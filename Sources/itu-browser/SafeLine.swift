/// One line of text for the status line: newlines and tabs become spaces.
enum SafeLine {
    static func text(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
