#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text built in a preallocated buffer with no allocation, lock or Swift string, so a signal
/// handler can use it: static strings, raw bytes, decimal and hexadecimal numbers and UTC
/// timestamps. What does not fit in `capacity` is cut.
struct SignalSafeBuffer {
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    init(bytes: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.bytes = bytes
        self.capacity = capacity
    }

    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    mutating func append(_ source: UnsafePointer<UInt8>, count sourceCount: Int) {
        var index = 0
        while index < sourceCount && count < capacity {
            bytes[count] = source[index]
            count += 1
            index += 1
        }
    }

    mutating func append(_ source: UnsafeMutablePointer<UInt8>, count sourceCount: Int) {
        append(UnsafePointer(source), count: sourceCount)
    }

    mutating func appendByte(_ byte: UInt8) {
        guard count < capacity else { return }
        bytes[count] = byte
        count += 1
    }

    /// `value` in decimal, at least `minimumDigits` digits (zero-padded).
    mutating func appendDecimal(_ value: Int, minimumDigits: Int = 1) {
        if value < 0 { appendByte(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, radix: 10, minimumDigits: minimumDigits)
    }

    /// `value` as `0x` and lowercase hexadecimal digits.
    mutating func appendHex(_ value: UInt) {
        append("0x")
        appendDigits(value, radix: 16, minimumDigits: 1)
    }

    private mutating func appendDigits(_ value: UInt, radix: UInt, minimumDigits: Int) {
        var digits = 1
        var rest = value / radix
        while rest > 0 {
            digits += 1
            rest /= radix
        }
        digits = max(digits, minimumDigits)
        guard count + digits <= capacity else { return }
        var remaining = value
        for position in stride(from: count + digits - 1, through: count, by: -1) {
            let digit = UInt8(remaining % radix)
            bytes[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            remaining /= radix
        }
        count += digits
    }

    /// How a timestamp is written: `20261201T140500Z` (for file names) or `2026-12-01T14:05:00Z`.
    enum TimestampStyle { case basic, extended }

    /// `seconds` since the epoch as a UTC timestamp in ISO 8601.
    mutating func appendTimestamp(_ seconds: time_t, style: TimestampStyle) {
        let time = UTCTime(secondsSinceEpoch: Int64(seconds))
        let extended = style == .extended
        appendDecimal(time.year, minimumDigits: 4)
        if extended { appendByte(UInt8(ascii: "-")) }
        appendDecimal(time.month, minimumDigits: 2)
        if extended { appendByte(UInt8(ascii: "-")) }
        appendDecimal(time.day, minimumDigits: 2)
        appendByte(UInt8(ascii: "T"))
        appendDecimal(time.hour, minimumDigits: 2)
        if extended { appendByte(UInt8(ascii: ":")) }
        appendDecimal(time.minute, minimumDigits: 2)
        if extended { appendByte(UInt8(ascii: ":")) }
        appendDecimal(time.second, minimumDigits: 2)
        appendByte(UInt8(ascii: "Z"))
    }
}

/// Writes to a file descriptor from a signal handler: each piece goes out with `write(2)`
/// at once; numbers are formatted in a preallocated scratch buffer.
struct SignalSafeWriter {
    static let scratchCapacity = 64

    let descriptor: Int32
    let scratch: UnsafeMutablePointer<UInt8>

    func write(_ text: StaticString) {
        writeAll(descriptor, text.utf8Start, text.utf8CodeUnitCount)
    }

    func write(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        writeAll(descriptor, bytes, count)
    }

    func writeDecimal(_ value: Int) {
        formatted { $0.appendDecimal(value) }
    }

    func writeHex(_ value: UInt) {
        formatted { $0.appendHex(value) }
    }

    func writeTimestamp(_ seconds: time_t, style: SignalSafeBuffer.TimestampStyle) {
        formatted { $0.appendTimestamp(seconds, style: style) }
    }

    private func formatted(_ format: (inout SignalSafeBuffer) -> Void) {
        var buffer = SignalSafeBuffer(bytes: scratch, capacity: SignalSafeWriter.scratchCapacity)
        format(&buffer)
        writeAll(descriptor, scratch, buffer.count)
    }
}

/// Writes all `count` bytes, retrying after interruptions; stops at the first real error.
/// Async-signal-safe.
func writeAll(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
    var offset = 0
    while offset < count {
        let written = write(descriptor, bytes + offset, count - offset)
        if written > 0 {
            offset += written
        } else if written < 0 && errno == EINTR {
            continue
        } else {
            return
        }
    }
}

/// A moment in UTC, from seconds since the epoch, computed without the C library (whose
/// `gmtime_r` takes a lock, so a signal handler may not call it).
struct UTCTime: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The proleptic Gregorian date and time of `seconds` (Howard Hinnant's `civil_from_days`).
    init(secondsSinceEpoch seconds: Int64) {
        let secondsPerDay: Int64 = 86_400
        var days = seconds / secondsPerDay
        var secondOfDay = seconds % secondsPerDay
        if secondOfDay < 0 {
            secondOfDay += secondsPerDay
            days -= 1
        }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: Int(year), month: Int(month), day: Int(day), hour: Int(secondOfDay / 3600),
                  minute: Int(secondOfDay / 60 % 60), second: Int(secondOfDay % 60))
    }
}

/// The names of the signals the guard handles, as static strings a handler can write.
enum SignalNames {
    static func name(of signal: Int32) -> StaticString {
        switch signal {
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGFPE: return "SIGFPE"
        case SIGABRT: return "SIGABRT"
        case SIGTRAP: return "SIGTRAP"
        case SIGQUIT: return "SIGQUIT"
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal"
        }
    }

    /// Whether the kernel raises `signal` for a faulting instruction, with its address.
    static func isFault(_ signal: Int32) -> Bool {
        switch signal {
        case SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP: return true
        default: return false
        }
    }
}
