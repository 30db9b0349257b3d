import Catalog
import Testing
@testable import Import

@Suite("Dates in every form")
struct DateRecognizerTests {
    @Test("each written form of 1 November 2021 gives 2021-11-01",
          arguments: ["November 1, 2021", "1 November 2021", "01.11.2021", "2021-11-01", "1 ноября 2021",
                      "Nov 1, 2021", "1st November 2021", "Mon, 01 Nov 2021 10:00:00 +0000", "2021-11-01T09:30:00+03:00",
                      "1 ноября 2021 г.", "1/11/2021"])
    func form(_ text: String) {
        #expect(DateRecognizer.firstDate(in: text) == PartialDate(year: 2021, month: 11, day: 1))
    }

    @Test("Russian month names in the genitive and nominative")
    func russianMonths() {
        #expect(DateRecognizer.firstDate(in: "15 марта 2022") == PartialDate(year: 2022, month: 3, day: 15))
        #expect(DateRecognizer.firstDate(in: "9 мая 2020") == PartialDate(year: 2020, month: 5, day: 9))
        #expect(DateRecognizer.firstDate(in: "31 декабря 2019") == PartialDate(year: 2019, month: 12, day: 31))
    }

    @Test("impossible days and words that are not months give no date")
    func notDates() {
        #expect(DateRecognizer.firstDate(in: "31.02.2021") == nil)
        #expect(DateRecognizer.firstDate(in: "2021-13-01") == nil)
        #expect(DateRecognizer.firstDate(in: "1 Banana 2021") == nil)
        #expect(DateRecognizer.firstDate(in: "ITU-R study group 5 in 2021") == nil)
    }

    @Test("a date line is a date with at most four other words")
    func dateLines() {
        #expect(DateRecognizer.isDateLine("1 November 2021"))
        #expect(DateRecognizer.isDateLine("Moscow, 1 November 2021"))
        #expect(DateRecognizer.isDateLine("Published: Monday, November 1, 2021"))
        #expect(!DateRecognizer.isDateLine("On 1 November 2021 Intersputnik announced that it had become a Gold Sector Member."))
    }
}
