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
        var low = 0, high = elements.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(elements[mid], element) { low = mid + 1 } else { high = mid }
        }
        elements.insert(element, at: low)
        if elements.count > capacity { elements.removeLast() }
    }

    /// Removes and returns the first element matching `predicate`.
    mutating func remove(where predicate: (Element) -> Bool) -> Element? {
        guard let index = elements.firstIndex(where: predicate) else { return nil }
        return elements.remove(at: index)
    }
}
