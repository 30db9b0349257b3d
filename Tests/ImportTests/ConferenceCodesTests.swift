import Foundation
import Testing
@testable import Import

@Suite("Conference codes")
struct ConferenceCodesTests {
    /// The rule as a regular expression, to check the scanner against.
    static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}-])(?:WRC|WTSA|WTDC|PP|RA|CPM|WCIT|WSIS|WTPF|RRC|GSR|WTIS)-(?:\d{2}|\d{4})(?![\p{L}\p{N}-])"#)

    static func expected(_ text: String) -> [String] {
        var codes: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let range = Range(match.range, in: text), !codes.contains(String(text[range])) { codes.append(String(text[range])) }
        }
        return codes
    }

    @Test("codes stand alone, with two or four digits", arguments: [
        "WRC-23 and WTSA-24, then WRC-23 again; PP-2022 and RA-23.",
        "XWRC-23 WRC-233 WRC-23a WRC-23- -WRC-23 WRC-2 wrc-23 WRC23 (CPM-23) «GSR-24»",
        "RRC-06RRC-06 WRC-23WRC-27 WRC-23\u{301} é\u{301}WRC-23 WRC-٢٣ WRC-23² ²WRC-23 WRC-",
        "WCIT-12/WSIS-2005,WTPF-21;WTIS-22 WTDC-22 PP-22-23 PP-22_ _PP-22 日WRC-23 WRC-23日 🙂WRC-23🙂",
    ])
    func agreesWithTheRule(_ text: String) {
        #expect(ConferenceCodes.find(in: text) == Self.expected(text))
    }

    @Test("a feed's codes in order of first mention")
    func order() {
        #expect(ConferenceCodes.find(in: "WTSA-24 before WRC-23, WTSA-24 again, not XPP-22") == ["WTSA-24", "WRC-23"])
    }
}
