import Catalog
import TextSearch

/// The items an imported item may repeat, found by `Similarity`'s rule without comparing it with
/// every item of the catalog.
///
/// - Items are kept by day, so only the items of the day before, the same day and the day after
///   are candidates; items without a day are never candidates.
/// - An item's word sets (`WordSets`) are given when it is added, or made when it is compared.
///   `firstMatches(of:)` makes those of a day once for all the queries that need it, on all
///   processors, and drops them when its queries have moved past that day: they are never all
///   kept at once.
/// - A candidate is checked with `WordSets.nearlyRepeat`, which stops as soon as the threshold
///   can no longer be met.
/// - Candidates are tried in order (the earlier day first, then the order items were added), so
///   the first near duplicate found is always the same one.
struct NearDuplicateIndex: Sendable {
    /// A query of `firstMatches(of:)`: an item's word sets and its day (see `Similarity.dayNumber`).
    struct Query: Sendable {
        var sets: WordSets
        var day: Int
    }

    /// A near duplicate found, and its day.
    typealias Match = (item: NewsItem, day: Int)

    private var items: [NewsItem]
    private var positionsByDay: [Int: [Int]] = [:]
    private var words: [WordSets?]

    /// An index of `items`, in their order (the array is shared, not copied item by item).
    init(_ items: [NewsItem] = []) {
        self.items = items
        words = Array(repeating: nil, count: items.count)
        for position in items.indices where items[position].date.day != nil {
            positionsByDay[Similarity.dayNumber(items[position].date), default: []].append(position)
        }
    }

    /// Makes `item` a candidate for the items compared after it (when its date has a day);
    /// `words` are its word sets when the caller has them already.
    mutating func add(_ item: NewsItem, words: WordSets? = nil) {
        guard item.date.day != nil else { return }
        positionsByDay[Similarity.dayNumber(item.date), default: []].append(items.count)
        items.append(item)
        self.words.append(words)
    }

    /// The word sets of the item at `position`, made from its title and body when they were not
    /// given (which reads the two fields without copying the whole item).
    private func wordSets(at position: Int) -> WordSets {
        words[position] ?? WordSets(title: TextFolding.termHashes(of: items[position].title),
                                    body: TextFolding.termHashes(of: items[position].body))
    }

    /// The first item added that `item` nearly repeats, or nil.
    func firstMatch(of item: NewsItem) -> NewsItem? {
        let day = Similarity.dayNumber(item.date)
        return firstMatch(of: WordSets(item), onDay: day - Similarity.maximumDaysApart, through: day + Similarity.maximumDaysApart)?.item
    }

    /// The first item dated from `first` to `last` (day numbers, see `Similarity.dayNumber`) that
    /// an item of these word sets nearly repeats, with its day; nil when there is none.
    func firstMatch(of sets: WordSets, onDay first: Int, through last: Int) -> Match? {
        guard first <= last else { return nil }
        for day in first...last {
            guard let positions = positionsByDay[day] else { continue }
            for position in positions where sets.nearlyRepeat(wordSets(at: position)) {
                return (items[position], day)
            }
        }
        return nil
    }

    /// For each query, what `firstMatch(of:onDay:through:)` finds within a day of its day. The
    /// queries are taken in the order of their days, `daysPerChunk` days of queries to a thread;
    /// each thread makes the word sets of a day once, when a query first needs it, and drops
    /// them when its queries have passed the day after it.
    func firstMatches(of queries: [Query], daysPerChunk: Int = 64) -> [Match?] {
        let byDay = Dictionary(grouping: queries.indices) { queries[$0].day }
        let days = byDay.keys.sorted()
        let chunks = stride(from: 0, to: days.count, by: max(1, daysPerChunk)).map {
            Array(days[$0..<min($0 + max(1, daysPerChunk), days.count)])
        }
        let found = chunks.parallelMap(chunkSize: 1) { chunkDays -> [(query: Int, match: Match?)] in
            var folded: [Int: [WordSets]] = [:]
            var results: [(query: Int, match: Match?)] = []
            for day in chunkDays {
                let first = day - Similarity.maximumDaysApart
                let last = day + Similarity.maximumDaysApart
                folded = folded.filter { $0.key >= first }
                for candidateDay in first...last where folded[candidateDay] == nil {
                    folded[candidateDay] = (positionsByDay[candidateDay] ?? []).map(wordSets(at:))
                }
                for query in byDay[day] ?? [] {
                    results.append((query, firstMatch(of: queries[query].sets, onDay: first, through: last, folded: folded)))
                }
            }
            return results
        }
        var matches = [Match?](repeating: nil, count: queries.count)
        for chunk in found {
            for (query, match) in chunk { matches[query] = match }
        }
        return matches
    }

    /// `firstMatch(of:onDay:through:)` with the word sets of each day's items given.
    private func firstMatch(of sets: WordSets, onDay first: Int, through last: Int, folded: [Int: [WordSets]]) -> Match? {
        for day in first...last {
            guard let positions = positionsByDay[day], let candidates = folded[day] else { continue }
            for (position, candidate) in zip(positions, candidates) where sets.nearlyRepeat(candidate) {
                return (items[position], day)
            }
        }
        return nil
    }
}
