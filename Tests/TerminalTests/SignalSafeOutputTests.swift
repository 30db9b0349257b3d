import Testing
@testable import Terminal

/// The formatting a crash handler does without the C library or Swift strings: UTC dates from
/// seconds, numbers and timestamps written into a fixed buffer.
struct SignalSafeOutputTests {
    static let moments: [(seconds: Int64, time: UTCTime)] = [
        (0, UTCTime(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0)),
        (-1, UTCTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
        (951_782_400, UTCTime(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0)),
        (1_796_133_900, UTCTime(year: 2026, month: 12, day: 1, hour: 14, minute: 5, second: 0)),
        (4_102_444_800, UTCTime(year: 2100, month: 1, day: 1, hour: 0, minute: 0, second: 0)),
        (-62_135_596_800, UTCTime(year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0)),
        (253_402_300_799, UTCTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
    ]

    @Test(arguments: moments)
    func utcTimeFromSeconds(seconds: Int64, expected: UTCTime) {
        #expect(UTCTime(secondsSinceEpoch: seconds) == expected)
    }

    @Test func numbersAndTimestamps() {
        #expect(formatted { $0.appendDecimal(-42) } == "-42")
        #expect(formatted { $0.appendDecimal(7, minimumDigits: 3) } == "007")
        #expect(formatted { $0.appendDecimal(Int.min) } == "-9223372036854775808")
        #expect(formatted { $0.appendHex(0xDEAD_BEEF) } == "0xdeadbeef")
        #expect(formatted { $0.appendHex(0) } == "0x0")
        #expect(formatted { $0.appendTimestamp(1_796_133_900, style: .basic) } == "20261201T140500Z")
        #expect(formatted { $0.appendTimestamp(1_796_133_900, style: .extended) } == "2026-12-01T14:05:00Z")
    }

    @Test func whatDoesNotFitIsCut() {
        #expect(formatted(capacity: 5) { $0.append("crash-report") } == "crash")
        // A number is written whole or not at all.
        #expect(formatted(capacity: 5) { $0.append("ab"); $0.appendDecimal(12345) } == "ab")
    }

    private func formatted(capacity: Int = 64, _ build: (inout SignalSafeBuffer) -> Void) -> String {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { bytes.deallocate() }
        var buffer = SignalSafeBuffer(bytes: bytes, capacity: capacity)
        build(&buffer)
        return String(decoding: UnsafeBufferPointer(start: bytes, count: buffer.count), as: UTF8.self)
    }
}
