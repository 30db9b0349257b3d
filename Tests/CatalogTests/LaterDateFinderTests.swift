import Testing
@testable import Catalog

@Suite("Later date finder")
struct LaterDateFinderTests {
    @Test("finds the first later date, as a scan from the start would, in any order of dates")
    func sameAsScan() {
        var random = SplitMix64(seed: 3)
        let pool = ["2019", "2020-05", "2020-05-01", "2021-01-31", "2021-02", "2021-11-01", "2022-12-31", "2024"]
        for size in [0, 1, 2, 5, 40] {
            let dates = (0..<size).map { _ in pool[random.below(pool.count)] }
            let finder = LaterDateFinder(dates)
            for date in pool + ["2018", "2025", "2021-11-01"] {
                #expect(finder.first(after: date) == dates.firstIndex { $0 > date }, "\(dates) after \(date)")
            }
        }
    }
}
