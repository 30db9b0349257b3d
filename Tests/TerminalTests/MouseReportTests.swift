import Testing
import Screen
@testable import Terminal

/// The pure decoding of mouse reports: no ncurses screen is opened here.
struct MouseReportTests {
    /// The SGR report `ESC [ text final`, decoded.
    func sgr(_ text: String, final: Character = "M") -> MouseEvent? {
        MouseReport.sgr(parameters: Array(text.utf8), final: final.asciiValue!)
    }

    @Test func sgrPressesAndTheWheelAreEvents() {
        #expect(sgr("<0;5;3") == MouseEvent(kind: .press, x: 4, y: 2))
        #expect(sgr("<64;1;1") == MouseEvent(kind: .wheelUp, x: 0, y: 0))
        #expect(sgr("<65;200;60") == MouseEvent(kind: .wheelDown, x: 199, y: 59))
    }

    @Test(arguments: [4, 8, 16, 28])
    func modifiersDoNotChangeTheEvent(modifiers: Int) {
        #expect(sgr("<\(0 + modifiers);5;3") == MouseEvent(kind: .press, x: 4, y: 2))
        #expect(sgr("<\(65 + modifiers);5;3") == MouseEvent(kind: .wheelDown, x: 4, y: 2))
    }

    @Test func releasesMotionAndOtherButtonsAreNotEvents() {
        #expect(sgr("<0;5;3", final: "m") == nil, "the release of button 1")
        #expect(sgr("<1;5;3") == nil, "button 2")
        #expect(sgr("<2;5;3") == nil, "button 3")
        #expect(sgr("<32;5;3") == nil, "motion with button 1 held")
        #expect(sgr("<128;5;3") == nil, "button 8")
    }

    @Test(arguments: [
        "<0;5", "<0;5;3;7", "<;5;3", "<0;;3", "<0;5;", "<0;0;3", "<0;5;0", "<0:5;3", "0;5;3", "<0;123456;3",
        "<", "<;;;;;;;;;;;;;;:;;;;;;;;;;;;;;;;;;;;;;;;;01;jk/golA5",
    ])
    func malformedSGRReportsAreNotEvents(parameters: String) {
        #expect(sgr(parameters) == nil)
    }

    @Test func anSGRReportLongerThanATerminalSendsIsNotAnEvent() {
        let longest = "<0;" + "00005;" + "12345"
        #expect(longest.utf8.count <= MouseReport.maximumParameterBytes + 1)
        #expect(sgr("<0;00005;12345") == MouseEvent(kind: .press, x: 4, y: 12344))
        #expect(sgr("<0;000005;3") == nil)
    }

    @Test func x10ReportsAreValuesPlus32() {
        #expect(MouseReport.x10(button: 32, column: 32 + 10, row: 32 + 4) == MouseEvent(kind: .press, x: 9, y: 3))
        #expect(MouseReport.x10(button: 32 + 64, column: 33, row: 33) == MouseEvent(kind: .wheelUp, x: 0, y: 0))
        #expect(MouseReport.x10(button: 32 + 65 + 16, column: 34, row: 34) == MouseEvent(kind: .wheelDown, x: 1, y: 1))
        #expect(MouseReport.x10(button: 32 + 3, column: 40, row: 40) == nil, "X10's release")
        #expect(MouseReport.x10(button: 31, column: 40, row: 40) == nil)
        #expect(MouseReport.x10(button: 32, column: 32, row: 40) == nil, "column 0 is before the screen")
        #expect(MouseReport.x10(button: 32, column: 40, row: 7) == nil)
        #expect(MouseReport.x10(button: 32, column: UInt32.max, row: 40) == nil)
    }
}
