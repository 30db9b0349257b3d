import CNcurses
import Screen

/// One value read by `wget_wch`, before any meaning is attached: a character code, or a
/// function-key code (`KEY_CODE_YES`) such as `KEY_UP`, `KEY_MOUSE` or `KEY_RESIZE`.
enum RawInput: Equatable {
    case character(UInt32)
    case functionKey(Int32)
}

/// Turns what ncurses read into `Key`s. Pure: the escape and Alt logic that needs a second
/// read lives in `Terminal.nextEvent`, which asks `altCharacter(after:)` about the follow-up.
enum KeyDecoder {
    static let escapeCode: UInt32 = 27

    /// The key for a function-key code, or nil for codes the Browser has no use for.
    static func key(forFunctionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // xterm and tmux send Home/End as several sequences; terminfo names some of them
        // "find"/"select" (ESC [1~ and ESC [4~) or keypad corners (A1/C1).
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default:
            // In Int: `code - KEY_F(0)` overflows Int32 for the most negative codes.
            let number = Int(code) - Int(itu_key_f(0))
            return (1...12).contains(number) ? .function(number) : nil
        }
    }

    /// The key for a character code, or nil for codes that mean nothing here (NUL, the C1
    /// controls, ESC which the caller handles, invalid scalars).
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 1...26:
            guard let letter = Unicode.Scalar(code + 0x60) else { return nil }
            return .control(Character(letter))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The character that, read right after ESC, makes an Alt chord; nil when the follow-up is
    /// anything else (a control code, a function key, another ESC).
    static func altCharacter(after input: RawInput) -> Character? {
        guard case .character(let code) = input, case .character(let character)? = key(forCharacter: code) else {
            return nil
        }
        return character
    }

    /// The role of a byte inside a CSI or SS3 escape sequence.
    enum SequenceByte { case parameter, final }

    /// Whether `input` continues an escape sequence (parameter and intermediate bytes,
    /// 0x20–0x3F) or ends it (0x40–0x7E); nil for anything else.
    static func sequenceByte(_ input: RawInput) -> SequenceByte? {
        guard case .character(let code) = input else { return nil }
        switch code {
        case 0x20...0x3F: return .parameter
        case 0x40...0x7E: return .final
        default: return nil
        }
    }

    /// Extra escape sequences bound when the terminfo entry lacks them, so keys work whatever
    /// variant the terminal (or tmux in front of it) sends.
    static let extraSequences: [(sequence: String, code: Int32)] = {
        let esc = "\u{1B}"
        var table: [(String, Int32)] = [
            (esc + "[A", KEY_UP), (esc + "[B", KEY_DOWN), (esc + "[C", KEY_RIGHT), (esc + "[D", KEY_LEFT),
            (esc + "OA", KEY_UP), (esc + "OB", KEY_DOWN), (esc + "OC", KEY_RIGHT), (esc + "OD", KEY_LEFT),
            (esc + "[H", KEY_HOME), (esc + "OH", KEY_HOME), (esc + "[1~", KEY_HOME), (esc + "[7~", KEY_HOME),
            (esc + "[F", KEY_END), (esc + "OF", KEY_END), (esc + "[4~", KEY_END), (esc + "[8~", KEY_END),
            (esc + "[5~", KEY_PPAGE), (esc + "[6~", KEY_NPAGE), (esc + "[3~", KEY_DC), (esc + "[Z", KEY_BTAB),
            (esc + "OP", itu_key_f(1)), (esc + "OQ", itu_key_f(2)), (esc + "OR", itu_key_f(3)), (esc + "OS", itu_key_f(4)),
        ]
        let numbered: [(Int32, Int32)] = [
            (1, 11), (2, 12), (3, 13), (4, 14), (5, 15), (6, 17), (7, 18), (8, 19), (9, 20), (10, 21), (11, 23), (12, 24),
        ]
        for (function, number) in numbered { table.append((esc + "[\(number)~", itu_key_f(function))) }
        return table
    }()
}
