import CNcurses
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input: what ncurses reads, decoded into `InputEvent`s.
extension Terminal {
    /// The next thing that happened, or nil when nothing did within `timeoutMilliseconds`
    /// (nil waits as long as it takes).
    ///
    /// Keys come decoded (arrows, Home/End in their xterm variants, PgUp/PgDn, Backspace as 127,
    /// 8 or the keypad code, Enter as CR, LF or KEY_ENTER, Tab/Shift-Tab, F1–F12, Ctrl-letters,
    /// ESC alone, ESC then a character within the escape delay as Alt); clicks of button 1 and
    /// the wheel on the screen as mouse events (see `MouseReport`); a new size as `.resize`.
    /// Anything else is skipped.
    ///
    /// When SIGINT, SIGTERM or SIGHUP arrived, this closes the terminal and ends the process
    /// the way the signal would have.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now + .milliseconds(max(0, $0)) }
        while isOpen {
            if guardsSignals, let signal = SignalGuard.takePendingSignal() {
                close()
                onTerminationSignal(signal)
                return nil
            }
            var slice = Terminal.signalPollMilliseconds
            if let deadline {
                let remaining = clock.now.duration(to: deadline) / .milliseconds(1)
                slice = min(slice, max(0, Int(remaining.rounded(.up))))
            }
            if let input = read(timeoutMilliseconds: slice), let event = decode(input) {
                return event
            }
            if let deadline, clock.now >= deadline { return nil }
        }
        return nil
    }

    private func read(timeoutMilliseconds: Int) -> RawInput? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return .character(UInt32(value))
        case KEY_CODE_YES: return .functionKey(Int32(bitPattern: UInt32(value)))
        default: return nil
        }
    }

    private func unread(_ input: RawInput) {
        switch input {
        case .character(let code): _ = unget_wch(wchar_t(bitPattern: code))
        case .functionKey(let code): _ = ungetch(code)
        }
    }

    private func decode(_ input: RawInput) -> InputEvent? {
        switch input {
        case .functionKey(KEY_RESIZE):
            painted = nil
            let (width, height) = size
            return .resize(width: width, height: height)
        case .functionKey(let code):
            return KeyDecoder.key(forFunctionKey: code).map(InputEvent.key)
        case .character(KeyDecoder.escapeCode):
            return decodeAfterEscape()
        case .character(let code):
            guard let key = KeyDecoder.key(forCharacter: code) else { return nil }
            guard case .character(let character) = key else { return .key(key) }
            return .key(.character(joiningFollowingScalars(to: character)))
        }
    }

    /// What ESC starts: ESC alone, Alt with a character, a mouse report, or an escape sequence
    /// ncurses did not know (Ctrl-arrows on some terminals, bracketed paste marks), which is
    /// skipped whole rather than delivered as keys the person never typed.
    private func decodeAfterEscape() -> InputEvent? {
        guard let next = read(timeoutMilliseconds: 0) else { return .key(.escape) }
        guard let introducer = KeyDecoder.altCharacter(after: next) else {
            unread(next)
            return .key(.escape)
        }
        guard introducer == "[" || introducer == "O", let following = read(timeoutMilliseconds: 0) else {
            return .key(.alt(introducer))
        }
        switch (introducer, KeyDecoder.sequenceByte(following)) {
        case ("[", .final?) where following == .character(UInt32(UInt8(ascii: "M"))):
            return x10MouseReport()
        case (_, .final?):
            return nil
        case ("[", .parameter?):
            return controlSequence(startingWith: following)
        default:
            unread(following)
            return .key(.alt(introducer))
        }
    }

    /// The rest of a control sequence (`ESC [` and `first` already read), up to its final byte:
    /// an SGR mouse report becomes its event, anything else is skipped. A byte that cannot be
    /// part of the sequence ends it and is read again as what it is.
    private func controlSequence(startingWith first: RawInput) -> InputEvent? {
        var parameters: [UInt8] = []
        var input = first
        while true {
            switch KeyDecoder.sequenceByte(input) {
            case .parameter?:
                // One byte more than a report can have is enough to tell it is not one.
                if case .character(let code) = input, parameters.count <= MouseReport.maximumParameterBytes {
                    parameters.append(UInt8(code))
                }
            case .final?:
                guard case .character(let code) = input else { return nil }
                return onScreen(MouseReport.sgr(parameters: parameters, final: UInt8(code)))
            case nil:
                unread(input)
                return nil
            }
            guard let more = read(timeoutMilliseconds: 0) else { return nil }
            input = more
        }
    }

    /// The three characters of an X10 mouse report (`ESC [ M` already read) as its event.
    private func x10MouseReport() -> InputEvent? {
        var codes: [UInt32] = []
        while codes.count < 3, let input = read(timeoutMilliseconds: 0) {
            guard case .character(let code) = input else {
                unread(input)
                return nil
            }
            codes.append(code)
        }
        guard codes.count == 3 else { return nil }
        return onScreen(MouseReport.x10(button: codes[0], column: codes[1], row: codes[2]))
    }

    /// `mouse` as an event when it lies on the screen; a malformed or stale report (one from
    /// before a resize) can name a place off it.
    private func onScreen(_ mouse: MouseEvent?) -> InputEvent? {
        guard let mouse else { return nil }
        let (width, height) = size
        guard (0..<width).contains(mouse.x), (0..<height).contains(mouse.y) else { return nil }
        return .mouse(mouse)
    }

    /// `character` extended by the scalars already waiting that belong to the same grapheme
    /// (combining marks, emoji modifiers and joiners, variation selectors).
    private func joiningFollowingScalars(to character: Character) -> Character {
        var text = String(character)
        while let next = read(timeoutMilliseconds: 0) {
            guard case .character(let code) = next, code >= 0x20, let scalar = Unicode.Scalar(code) else {
                unread(next)
                break
            }
            let extended = text + String(scalar)
            guard extended.count == 1 else {
                unread(next)
                break
            }
            text = extended
        }
        return text.first ?? character
    }
}
