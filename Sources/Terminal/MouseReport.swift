import Screen

/// Decodes the mouse reports a terminal sends into the events the Browser uses: presses of
/// button 1 and the wheel. Pure; positions are 0-based and not yet checked against the screen.
///
/// Two forms arrive:
/// - SGR (mode 1006), `ESC [ < button ; column ; row M` for a press (`m` for a release), which
///   the terminal is asked for whenever it reports the mouse;
/// - X10, `ESC [ M` and three characters, each a value plus 32, from terminals without mode 1006.
///
/// ncurses is not asked to decode them: ncurses 6.4 reads an SGR report's parameters into an
/// array of nine without a bound, so `ESC [ < ;;;;;;;;;; 1 m` wrote past it (found by the
/// key-decoder fuzz target). The reports come to `Terminal` as the plain characters of an
/// unknown escape sequence, and are decoded here.
enum MouseReport {
    /// The longest parameter string of an SGR report taken: three numbers of five digits and
    /// their separators. Anything longer is not a report a terminal sends.
    static let maximumParameterBytes = 1 + 3 * 5 + 2

    /// The event an SGR report stands for: `parameters` are the bytes between `ESC [` and the
    /// final byte (starting with `<`). Nil when it is not a well-formed report of exactly three
    /// numbers, or reports a button the Browser has no use for (releases, motion, buttons 2 and 3).
    static func sgr(parameters: [UInt8], final: UInt8) -> MouseEvent? {
        guard final == UInt8(ascii: "M"), parameters.first == UInt8(ascii: "<"),
              parameters.count <= maximumParameterBytes,
              let numbers = numbers(in: parameters.dropFirst()), numbers.count == 3,
              let kind = kind(ofButton: numbers[0]), numbers[1] >= 1, numbers[2] >= 1
        else { return nil }
        return MouseEvent(kind: kind, x: numbers[1] - 1, y: numbers[2] - 1)
    }

    /// The event an X10 report stands for: the three character codes after `ESC [ M`. Nil for
    /// codes below 32 (not part of a report) and for buttons the Browser has no use for.
    static func x10(button: UInt32, column: UInt32, row: UInt32) -> MouseEvent? {
        guard button >= 32, column > 32, row > 32, column < 0x11_0000, row < 0x11_0000,
              let kind = kind(ofButton: Int(button - 32))
        else { return nil }
        return MouseEvent(kind: kind, x: Int(column) - 33, y: Int(row) - 33)
    }

    /// Shift, Meta and Control add 4, 8 and 16 to a button code; they change nothing here.
    private static let modifierBits = 4 | 8 | 16

    /// Button 1 pressed (0), wheel up (64) or down (65), with any modifiers; nil for the rest:
    /// buttons 2 and 3, X10's release (3), motion (+32), the extra buttons (128 and up).
    private static func kind(ofButton code: Int) -> MouseEvent.Kind? {
        switch code & ~modifierBits {
        case 0: return .press
        case 64: return .wheelUp
        case 65: return .wheelDown
        default: return nil
        }
    }

    /// The numbers of `bytes`, decimal digits separated by `;`; nil when any other byte is
    /// there, a number is empty, or one has more than five digits.
    private static func numbers(in bytes: ArraySlice<UInt8>) -> [Int]? {
        var numbers: [Int] = []
        var current = 0
        var digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 5 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ";"):
                guard digits > 0 else { return nil }
                numbers.append(current)
                current = 0
                digits = 0
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(current)
        return numbers
    }
}
