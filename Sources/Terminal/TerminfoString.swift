import CNcurses

/// String capabilities of the terminfo entry in use (for the current ncurses screen).
enum TerminfoString {
    /// The bytes of capability `name` without its padding (`$<2>`), or nil when the terminal
    /// lacks it.
    static func bytes(named name: String) -> [UInt8]? {
        guard let pointer = tigetstr(name), Int(bitPattern: pointer) != -1 else { return nil }
        return withoutPadding(Array(String(cString: pointer).utf8))
    }

    /// `bytes` with every `$<...>` delay specification removed.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                index = end + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
