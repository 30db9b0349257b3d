/// A candidate's ranking key. Relevance order: more query words matched, then fewer typos,
/// then higher BM25F score, then closer matched words (proximity), then newer, then index order.
struct RankedDocument: Sendable {
    var document: Int
    var matched: Int
    var typos: Int
    var score: Double
    /// Sum of the gaps between consecutive matched words (0 = not computed or single word).
    var proximity: Int = 0
    var date: Int

    /// Compares by everything but proximity (used to select before proximity is computed).
    static func precedesIgnoringProximity(_ a: RankedDocument, _ b: RankedDocument) -> Bool {
        if a.matched != b.matched { return a.matched > b.matched }
        if a.typos != b.typos { return a.typos < b.typos }
        if a.score != b.score { return a.score > b.score }
        if a.date != b.date { return a.date > b.date }
        return a.document < b.document
    }

    static func sameRelevance(_ a: RankedDocument, _ b: RankedDocument) -> Bool {
        a.matched == b.matched && a.typos == b.typos && a.score == b.score
    }

    /// True when `a` comes after `b` by (matched, typos, score) alone: no proximity can lift it.
    static func hasLowerRelevance(_ a: RankedDocument, than b: RankedDocument) -> Bool {
        if a.matched != b.matched { return a.matched < b.matched }
        if a.typos != b.typos { return a.typos > b.typos }
        return a.score < b.score
    }

    static func precedes(_ a: RankedDocument, _ b: RankedDocument) -> Bool {
        if !sameRelevance(a, b) || a.proximity == b.proximity { return precedesIgnoringProximity(a, b) }
        return a.proximity < b.proximity
    }

    /// `sort:date`: newest first, then relevance.
    static func precedesByDate(_ a: RankedDocument, _ b: RankedDocument) -> Bool {
        if a.date != b.date { return a.date > b.date }
        return precedes(a, b)
    }
}

/// The best `capacity` elements seen so far, kept sorted (best first); a candidate worse than
/// the last is rejected with one comparison.
struct TopK<Element> {
    let capacity: Int
    let precedes: (Element, Element) -> Bool
    private(set) var elements: [Element] = []

    init(capacity: Int, precedes: @escaping (Element, Element) -> Bool) {
        self.capacity = capacity
        self.precedes = precedes
        elements.reserveCapacity(capacity + 1)
    }

    var isFull: Bool { elements.count >= capacity }
    var worst: Element? { elements.last }

    /// Inserts when it belongs among the best (dropping the worst when full).
    mutating func insert(_ element: Element) {
        guard capacity > 0 else { return }
        if isFull, let last = elements.last, !precedes(element, last) { return }
        let place = elements.indices.partitionPoint { precedes(elements[$0], element) }
        elements.insert(element, at: place)
        if elements.count > capacity { elements.removeLast() }
    }

    /// Removes and returns the first element matching `predicate`.
    mutating func remove(where predicate: (Element) -> Bool) -> Element? {
        guard let index = elements.firstIndex(where: predicate) else { return nil }
        return elements.remove(at: index)
    }
}

/// The best `limit` documents ranked so far, by relevance without proximity, and the ones seen
/// that may still tie with the last of them when all are seen: proximity settles those ties
/// (`Ranker.settleTies`).
///
/// The last of the best only rises, so a document of lower relevance than the current last can
/// never tie with the final one: it is dropped at once, with one comparison. Keeping every
/// ranked document instead took an array as long as the candidates in each search. (`TopK`
/// compares through a closure; this compares `RankedDocument`s directly, for the ranker's
/// innermost loop.)
struct RankedSelection {
    let capacity: Int
    /// The best so far, best first.
    private(set) var elements: [RankedDocument] = []
    /// Every document not dropped, the best among them; a superset of the final ties. Empty
    /// when ties are not kept.
    private(set) var contenders: [RankedDocument] = []
    /// Whether `contenders` is kept: only proximity, which a query of one word or phrase does
    /// not have, reorders ties, so without it the best are `elements` alone.
    let keepsTies: Bool
    /// Documents offered, dropped or not.
    private(set) var seen = 0
    /// The contenders are sifted again when they reach this many; it doubles past what a sift
    /// keeps, so that many ties cost linear time.
    private var siftAt: Int

    init(limit: Int, keepsTies: Bool) {
        capacity = limit
        self.keepsTies = keepsTies
        siftAt = 4 * limit + 64
        elements.reserveCapacity(limit + 1)
    }

    var isFull: Bool { elements.count >= capacity }
    var worst: RankedDocument? { elements.last }

    @inline(__always) mutating func insert(_ ranked: RankedDocument) {
        seen += 1
        guard capacity > 0 else { return }
        if !keepsTies {
            if isFull, let last = elements.last, !RankedDocument.precedesIgnoringProximity(ranked, last) { return }
        } else if isFull, let last = elements.last {
            if RankedDocument.hasLowerRelevance(ranked, than: last) { return }
            if contenders.count >= siftAt {
                contenders.removeAll { RankedDocument.hasLowerRelevance($0, than: last) }
                siftAt = max(siftAt, 2 * contenders.count)
            }
            contenders.append(ranked)
            guard RankedDocument.precedesIgnoringProximity(ranked, last) else { return }
        } else {
            contenders.append(ranked)
        }
        let place = elements.indices.partitionPoint { RankedDocument.precedesIgnoringProximity(elements[$0], ranked) }
        elements.insert(ranked, at: place)
        if elements.count > capacity { elements.removeLast() }
    }
}

/// The best `limit` documents of one word, offered once for each of the word's terms they
/// hold, each with the term it came through (`Ranker.topKeptWord`). A document offered again
/// keeps its better offer: fewer typos, or as few and a strictly higher score (the first on a
/// tie), as `Ranker.denseBest` chooses a document's best term.
///
/// That equals the best `limit` of each document's best offer: an offer that enters is its
/// document's best so far; one that does not (below the last, which only rises) could not
/// enter as a better one either, and a better one offered later still can. Looking for an
/// offered document among those kept takes a pass over them, so the limit is bounded
/// (`largestLimit`).
struct KeptWordSelection {
    static let largestLimit = 256

    let capacity: Int
    /// The best so far, best first, by `RankedDocument.precedesIgnoringProximity`.
    private(set) var elements: [RankedDocument] = []
    /// The term each of `elements` came through.
    private(set) var terms: [UInt32] = []
    /// Offers made, kept or not.
    private(set) var seen = 0

    init(limit: Int) {
        capacity = limit
        elements.reserveCapacity(limit + 1)
        terms.reserveCapacity(limit + 1)
    }

    /// Offers `ranked` through `term`.
    @inline(__always) mutating func offer(_ ranked: RankedDocument, term: UInt32) {
        seen += 1
        guard capacity > 0 else { return }
        if elements.count >= capacity, let last = elements.last, !RankedDocument.precedesIgnoringProximity(ranked, last) { return }
        if let held = elements.firstIndex(where: { $0.document == ranked.document }) {
            let kept = elements[held]
            guard ranked.typos < kept.typos || (ranked.typos == kept.typos && ranked.score > kept.score) else { return }
            elements.remove(at: held)
            terms.remove(at: held)
        }
        let place = elements.indices.partitionPoint { RankedDocument.precedesIgnoringProximity(elements[$0], ranked) }
        elements.insert(ranked, at: place)
        terms.insert(term, at: place)
        if elements.count > capacity {
            elements.removeLast()
            terms.removeLast()
        }
    }
}
