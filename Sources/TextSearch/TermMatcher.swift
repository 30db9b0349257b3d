/// The terms one query word matches: sorted, disjoint ranges of term ids, each with its typo count.
///
/// A prefix is one range; a word with stem variants and typo corrections adds single terms or
/// whole subtrees (a typo in a prefix matches every term below it).
struct TermMatcher: Hashable, Sendable {
    private(set) var ranges: [Range<Int>] = []
    private(set) var typos: [UInt8] = []

    /// Builds from possibly overlapping ranges, keeping the fewest typos for each term.
    init(candidates: [(Range<Int>, Int)]) {
        // Sweep the boundaries with a counter of open ranges per typo count (0, 1, 2).
        var events: [(Int, Int, Int)] = []  // (position, typo, +1/-1)
        for (range, typo) in candidates where !range.isEmpty {
            events.append((range.lowerBound, min(typo, 2), 1))
            events.append((range.upperBound, min(typo, 2), -1))
        }
        events.sort { $0.0 < $1.0 }
        var open = [0, 0, 0]
        var i = 0
        var segmentStart = 0
        var currentTypo: Int? = nil
        while i < events.count {
            let position = events[i].0
            if let typo = currentTypo, position > segmentStart { append(segmentStart..<position, typo) }
            while i < events.count && events[i].0 == position {
                open[events[i].1] += events[i].2
                i += 1
            }
            segmentStart = position
            currentTypo = open.firstIndex { $0 > 0 }
        }
    }

    private mutating func append(_ range: Range<Int>, _ typo: Int) {
        if let last = ranges.last, last.upperBound == range.lowerBound, typos.last == UInt8(typo) {
            ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
        } else {
            ranges.append(range)
            typos.append(UInt8(typo))
        }
    }

    var isEmpty: Bool { ranges.isEmpty }
    var termCount: Int { ranges.reduce(0) { $0 + $1.count } }

    /// The typo count of `term`, or nil when it does not match.
    func typos(of term: Int) -> Int? {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= term { low = mid + 1 } else { high = mid }
        }
        guard low < ranges.count, ranges[low].contains(term) else { return nil }
        return Int(typos[low])
    }

    /// True when every term this matcher matches is matched by `other` too.
    func isSubset(of other: TermMatcher) -> Bool {
        ranges.allSatisfy { range in
            var covered = range.lowerBound
            for r in other.ranges where r.lowerBound <= covered && r.upperBound > covered {
                covered = r.upperBound
                if covered >= range.upperBound { return true }
            }
            return covered >= range.upperBound
        }
    }

    /// Calls `body` with each slot of `terms` (a document's) that holds a term this matcher
    /// matches, ascending: each range is looked for in the document's terms, not each term
    /// among the ranges.
    @inline(__always)
    func forEachMatchingSlot(in terms: SortedTerms, _ body: (Int) -> Void) {
        var slot = terms.slots.lowerBound
        for range in ranges {
            slot = terms.firstSlot(atLeast: range.lowerBound, from: slot)
            while slot < terms.slots.upperBound && terms[slot] < range.upperBound {
                body(slot)
                slot += 1
            }
        }
    }

    /// Whether a document holding `terms` holds a term this matcher matches.
    func matchesAny(of terms: SortedTerms) -> Bool {
        if ranges.count <= 8 {
            for range in ranges {
                let slot = terms.firstSlot(atLeast: range.lowerBound)
                if slot < terms.slots.upperBound && terms[slot] < range.upperBound { return true }
            }
            return false
        }
        var r = 0
        for slot in terms.slots {
            let term = terms[slot]
            while r < ranges.count && ranges[r].upperBound <= term { r += 1 }
            if r == ranges.count { return false }
            if ranges[r].contains(term) { return true }
        }
        return false
    }
}
