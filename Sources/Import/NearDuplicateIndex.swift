import Catalog
import TextSearch

/// The items an imported item may repeat, found by `Similarity`'s rule without comparing it with
/// every item of the catalog.
///
/// - Items are kept by day, so only the items of the day before, the same day and the day after
///   are candidates; items without a day are never candidates.
/// - The folded word sets of titles and bodies are made when an item is first compared, once.
/// - A candidate is checked with `Similarity.reaches`, which stops as soon as the threshold can
///   no longer be met, and its body only when the sizes of the two word sets allow it.
/// - Candidates are tried in order (the earlier day first, then the order items were added), so
///   the first near duplicate found is always the same one.
struct NearDuplicateIndex {
    private var items: [NewsItem] = []
    private var positionsByDay: [Int: [Int]] = [:]
    private var titleTerms: [[UInt64]?] = []
    private var bodyTerms: [[UInt64]?] = []

    /// Makes `item` a candidate for the items compared after it (when its date has a day).
    mutating func add(_ item: NewsItem) {
        guard item.date.day != nil else { return }
        positionsByDay[Similarity.dayNumber(item.date), default: []].append(items.count)
        items.append(item)
        titleTerms.append(nil)
        bodyTerms.append(nil)
    }

    /// The first item added that `item` nearly repeats, or nil.
    mutating func firstMatch(of item: NewsItem) -> NewsItem? {
        let day = Similarity.dayNumber(item.date)
        let title = TextFolding.termHashes(of: item.title)
        var body: [UInt64]?
        for offset in -Similarity.maximumDaysApart...Similarity.maximumDaysApart {
            guard let positions = positionsByDay[day + offset] else { continue }
            for index in positions {
                if Similarity.reaches(title, titleTerms(at: index), Similarity.titleThreshold) { return items[index] }
                let terms = body ?? TextFolding.termHashes(of: item.body)
                body = terms
                let candidate = bodyTerms(at: index)
                if Similarity.sizesAllow(terms.count, candidate.count, Similarity.bodyThreshold),
                   Similarity.reaches(terms, candidate, Similarity.bodyThreshold) {
                    return items[index]
                }
            }
        }
        return nil
    }

    private mutating func titleTerms(at index: Int) -> [UInt64] {
        if let terms = titleTerms[index] { return terms }
        let terms = TextFolding.termHashes(of: items[index].title)
        titleTerms[index] = terms
        return terms
    }

    private mutating func bodyTerms(at index: Int) -> [UInt64] {
        if let terms = bodyTerms[index] { return terms }
        let terms = TextFolding.termHashes(of: items[index].body)
        bodyTerms[index] = terms
        return terms
    }
}
