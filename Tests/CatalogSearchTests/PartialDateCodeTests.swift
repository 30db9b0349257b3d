import Catalog
import Testing
@testable import CatalogSearch

@Suite("Partial dates in 32 bits")
struct PartialDateCodeTests {
    @Test("every date encodes and decodes to itself; no date encodes as 0")
    func roundTrip() throws {
        for text in ["2024", "2024-02", "2024-02-29", "0001-01-01", "9999-12-31", "2023-11-30"] {
            let date = try #require(PartialDate(text))
            #expect(PartialDateCode.decode(PartialDateCode.encode(date)) == date, "\(text)")
        }
        #expect(PartialDateCode.encode(nil) == 0)
        #expect(PartialDateCode.decode(0) == nil)
    }

    @Test("isDate says whether a code decodes to a date, for every year, month and day around the edges")
    func isDateAgreesWithDecode() {
        var disagreements: [Int32] = []
        for year in [0, 1, 1900, 2000, 2023, 2024, 9999, 10_000, 214_748] {
            for month in 0...13 {
                for day in 0...32 {
                    let code = Int32(clamping: year * 10_000 + month * 100 + day)
                    if PartialDateCode.isDate(code) != (PartialDateCode.decode(code) != nil) { disagreements.append(code) }
                }
            }
        }
        for code in [Int32.min, -1, 0, 1, 99, 100, Int32.max] where PartialDateCode.isDate(code) != (PartialDateCode.decode(code) != nil) {
            disagreements.append(code)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
