#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library locale ncurses works in.
enum UnicodeLocale {
    /// Sets the locale from the environment, as every terminal program should. Frames hold
    /// Unicode text, so when that locale's character type is not UTF-8 (an unset `LANG` gives
    /// "POSIX"), the character type alone falls back to a UTF-8 locale, which today's terminals
    /// expect; without one, ncurses could not write any non-ASCII character at all.
    static func ensure() {
        _ = setlocale(LC_ALL, "")
        if isUTF8 { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            return
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
