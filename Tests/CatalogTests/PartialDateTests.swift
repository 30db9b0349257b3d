import Testing
@testable import Catalog

@Suite("PartialDate")
struct PartialDateTests {
    @Test func parsesEachPrecision() throws {
        let year = try #require(PartialDate("2021"))
        #expect(year.precision == .year && year.year == 2021 && year.month == nil && year.day == nil)
        let month = try #require(PartialDate("2021-10"))
        #expect(month.precision == .month && month.month == 10 && month.day == nil)
        let day = try #require(PartialDate("2021-11-01"))
        #expect(day.precision == .day && day.month == 11 && day.day == 1)
    }

    @Test(arguments: ["2021-13-01", "2021-02-30", "21-01-01", "2021-1-01", "2021/01/01", "", "0000", "2021-00", "2021-11-01T00:00", "２０２１"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(PartialDate("2024-02-29") != nil)
        #expect(PartialDate("2023-02-29") == nil)
        #expect(PartialDate("2000-02-29") != nil)
        #expect(PartialDate("1900-02-29") == nil)
    }

    @Test func bytesAndTextParseAlike() {
        for text in ["2021", "2021-10", "2021-11-01", "2021-13-01", "2021-02-30", "21-01-01", "2021-1-1"] {
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { PartialDate(isoBytes: $0) }
            #expect(fromBytes == PartialDate(text), "\(text)")
        }
    }

    @Test func ordersByKnownPartsLessPreciseFirst() throws {
        let dates = try ["2021-11-01", "2021", "2021-10", "2020-12-31", "2021-10-01"].map { try #require(PartialDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2020-12-31", "2021", "2021-10", "2021-10-01", "2021-11-01"])
    }

    @Test func printsAsISOAndInWords() throws {
        #expect(try #require(PartialDate("2021-11-01")).longDescription == "1 November 2021")
        #expect(try #require(PartialDate("2021-10")).longDescription == "October 2021")
        #expect(try #require(PartialDate("2021")).longDescription == "2021")
        #expect(try #require(PartialDate(year: 865, month: 3)).description == "0865-03")
    }

    @Test func rangeKeysCoverEveryDayTheDateMayMean() throws {
        let month = try #require(PartialDate("2024-02"))
        #expect(month.earliestKey == 2024_02_01 && month.latestKey == 2024_02_29)
        let year = try #require(PartialDate("2021"))
        #expect(year.earliestKey == 2021_01_01 && year.latestKey == 2021_12_31)
    }
}
