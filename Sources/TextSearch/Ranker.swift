import Foundation
import SnapshotFormat

/// Scores candidates with BM25F and picks the best ones without scoring every match when one
/// word matches very many documents.
///
/// BM25F: for a term, the field frequencies are combined as `tf~ = Σ weight(f) · tf(f) · norm(d, f)`
/// with `norm = 1 / (1 - b + b · length(d, f) / averageLength(f))`, and the term scores
/// `idf · tf~ · (k1 + 1) / (tf~ + k1)` with `idf = ln(1 + (N - df + 0.5) / (df + 0.5))`,
/// k1 = 1.2 and b = `IndexBuilder.b` (the norms are computed when indexing). Because saturation flattens the difference between a word in a title
/// and the same word repeated in a long body, the term score is then multiplied by a field
/// factor `0.5 + 0.5 · w_best / w_max`, where `w_best` is the largest weight among the fields
/// holding the term (1 when it is in a top-weighted field such as the title, ½ at worst).
/// A word's score is that of its best-matching term in the document (fewest typos, then
/// highest score); a phrase scores the sum of its words.
struct Ranker {
    let data: IndexData
    let weights: [Double]
    let units: [QueryUnit]
    let positiveUnits: [Int]
    let maxWeight: Double

    /// The postings of an index built here, read without decoding (nil for a snapshot's).
    private let plain: PlainPostings?

    init(data: IndexData, weights: [Double], units: [QueryUnit], positiveUnits: [Int]) {
        self.data = data
        self.weights = weights
        self.units = units
        self.positiveUnits = positiveUnits
        self.maxWeight = weights.max() ?? 1
        self.plain = PlainPostings(data)
    }

    static let k1 = 1.2

    /// In `top`'s `onlyWordTerms`: the document holds none of the word's terms.
    static let noTerm = UInt32.max

    func idf(_ term: Int) -> Double { data.inverseDocumentFrequency[term] }

    static func idf(documentCount: Int, documentFrequency: Int) -> Double {
        let n = Double(documentCount)
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The largest score a term can reach in any document (tf~ → ∞).
    func upperBound(_ term: Int) -> Double { idf(term) * (Ranker.k1 + 1) }

    /// BM25F of `term` in document `d`, starting at its first posting entry; 0 when absent from `field`.
    func score(term: Int, document d: Int, firstEntry: Int, field: Int?) -> Double {
        var e = firstEntry
        let end = Int(data.termEntryStart[term + 1])
        let (weighted, bestWeight): (Double, Double)
        if let plain {
            // `end` is within the plain arrays: the entries of `term`.
            (weighted, bestWeight) = sumGroup(plain.documents, plain.fields, document: d, entry: &e, end: end, field: field) {
                Int(plain.positionStarts[$0 + 1] - plain.positionStarts[$0])
            }
        } else {
            (weighted, bestWeight) = sumGroup(data.entryDocument, data.entryField, document: d, entry: &e, end: end, field: field) {
                data.termFrequency(ofEntry: $0)
            }
        }
        return termScore(idf: idf(term), weighted: weighted, bestWeight: bestWeight)
    }

    /// The weighted field frequencies of the entries of document `d` from `entry` on (left at
    /// the first entry of another document, or `end`), and the largest weight among their
    /// fields; only field `field` counts when given. The same sums whether the columns are read
    /// as plain buffers or through `IndexColumn`.
    @inline(__always)
    private func sumGroup<Documents: RandomAccessCollection<UInt32>, Fields: RandomAccessCollection<UInt8>>(
        _ documents: Documents, _ fields: Fields, document d: Int, entry e: inout Int, end: Int, field: Int?,
        termFrequency: (Int) -> Int
    ) -> (weighted: Double, bestWeight: Double) where Documents.Index == Int, Fields.Index == Int {
        var weighted = 0.0
        var bestWeight = 0.0
        while e < end && Int(documents[e]) == d {
            let f = Int(fields[e])
            if field == nil || field == f {
                weighted += weightedFrequency(termFrequency(e), document: d, field: f)
                bestWeight = max(bestWeight, weights[f])
            }
            e += 1
        }
        return (weighted, bestWeight)
    }

    /// BM25F's `weight(f) · tf(f) · norm(d, f)` of a term in field `f` of document `d`.
    @inline(__always)
    private func weightedFrequency(_ termFrequency: Int, document d: Int, field f: Int) -> Double {
        weights[f] * Double(termFrequency) * Double(data.fieldNorms[d * data.fieldCount + f])
    }

    /// A term's BM25F score from its weighted field frequencies (0 when there are none).
    @inline(__always)
    private func termScore(idf: Double, weighted: Double, bestWeight: Double) -> Double {
        guard weighted > 0 else { return 0 }
        let fieldFactor = 0.5 + 0.5 * bestWeight / maxWeight
        return idf * weighted * (Ranker.k1 + 1) / (weighted + Ranker.k1) * fieldFactor
    }

    /// The best term of a word unit in document `d`: (term, typos, score). Terms whose upper
    /// bound cannot beat the best so far are not scored. `seed`, when given, is one matching
    /// term of the document already scored: it only lets more terms be skipped (a score is
    /// always below its term's bound, so the choice is the same).
    func bestTerm(_ unit: QueryUnit, matcher: TermMatcher, document d: Int,
                  seed: (term: Int, typos: Int, score: Double)? = nil) -> (term: Int, typos: Int, score: Double)? {
        var best = seed
        let start = Int(data.forwardStart[d])
        let end = Int(data.forwardStart[d + 1])
        data.forwardTerm.withUnsafeBufferPointer { forwardTerm in
            let held = SortedTerms(forwardTerm, slots: start..<end)
            for (k, range) in matcher.ranges.enumerated() {
                let typos = Int(matcher.typos[k])
                if let current = best, current.typos < typos { continue }
                var next = held.firstSlot(atLeast: range.lowerBound)
                while next < end && held[next] < range.upperBound {
                    let term = held[next]
                    let slot = next
                    next += 1
                    if let current = best, current.typos == typos, upperBound(term) <= current.score { continue }
                    let s = score(term: term, document: d, firstEntry: data.firstEntry(term: term, document: d, forwardSlot: slot),
                                  field: unit.field)
                    guard s > 0 else { continue }
                    if let current = best, current.typos < typos || (current.typos == typos && (current.score > s || (current.score == s && current.term < term))) {
                        continue
                    }
                    best = (term, typos, s)
                }
            }
        }
        return best
    }

    /// The score and typos of one unit in document `d`, and the terms through which it matches
    /// (nil when the unit does not match it).
    func evaluate(_ unitIndex: Int, document d: Int) -> (typos: Int, score: Double, terms: [Int])? {
        guard let result = scored(units[unitIndex], document: d) else { return nil }
        switch units[unitIndex].kind {
        case .terms: return (result.typos, result.score, result.bestTerm.map { [$0] } ?? [])
        case .phrase(let terms): return (result.typos, result.score, terms.map(\.term))
        }
    }

    /// The score and typos of one unit in document `d`, and a word's best term (nil for a
    /// phrase); nil when the unit does not match `d`. What ranking needs of `evaluate`, without
    /// making an array of terms for every document ranked.
    private func scored(_ unit: QueryUnit, document d: Int) -> (typos: Int, score: Double, bestTerm: Int?)? {
        guard unit.documents.contains(d) else { return nil }
        switch unit.kind {
        case .terms(let matcher):
            guard let best = bestTerm(unit, matcher: matcher, document: d) else { return nil }
            return (best.typos, best.score, best.term)
        case .phrase(let terms):
            let matcher = PhraseMatcher(data: data)
            var total = 0.0
            for (k, term) in terms.enumerated() {
                guard let entry = unit.phraseEntries?.firstEntry(word: k, document: d)
                    ?? matcher.firstEntry(term: term.term, document: d) else { continue }
                total += score(term: term.term, document: d, firstEntry: entry, field: unit.field)
            }
            return (0, total, nil)
        }
    }

    /// The terms through which unit `unitIndex` matches document `d`, as `evaluate` finds them:
    /// a phrase's words, or a word's best term. A word of one term needs no scoring: a document
    /// the word holds (in its field, when it has one) gives that term a score above 0.
    func matchedTerms(_ unitIndex: Int, document d: Int) -> [Int] {
        let unit = units[unitIndex]
        guard unit.documents.contains(d) else { return [] }
        switch unit.kind {
        case .phrase(let terms):
            return terms.map(\.term)
        case .terms(let matcher) where matcher.termCount == 1:
            return matcher.ranges.first.map { [$0.lowerBound] } ?? []
        case .terms:
            return scored(unit, document: d)?.bestTerm.map { [$0] } ?? []
        }
    }

    func rank(_ d: Int) -> RankedDocument {
        var ranked = RankedDocument(document: d, matched: 0, typos: 0, score: 0, date: Int(data.dates[d]))
        for u in positiveUnits {
            guard let result = scored(units[u], document: d) else { continue }
            ranked.matched += 1
            ranked.typos += result.typos
            ranked.score += result.score
        }
        return ranked
    }

    /// Sum over consecutive matched units of the smallest gap between them in a shared field (each capped at 8).
    func proximity(_ d: Int) -> Int {
        var previous: [(field: Int, positions: Slice<IndexColumn<UInt16>>)] = []
        var total = 0
        var first = true
        let matcher = PhraseMatcher(data: data)
        for u in positiveUnits {
            guard let result = evaluate(u, document: d), let term = result.terms.first,
                  let entry = matcher.firstEntry(term: term, document: d) else { continue }
            var current: [(field: Int, positions: Slice<IndexColumn<UInt16>>)] = []
            var e = entry
            let end = Int(data.termEntryStart[term + 1])
            while e < end && Int(data.entryDocument[e]) == d {
                current.append((Int(data.entryField[e]), data.positions(ofEntry: e)))
                e += 1
            }
            if !first {
                var gap = 8
                for (field, list) in current {
                    for (otherField, other) in previous where otherField == field {
                        gap = min(gap, Ranker.smallestGap(other, list))
                    }
                }
                total += gap
            }
            first = false
            previous = current
        }
        return total
    }

    private static func smallestGap(_ a: Slice<IndexColumn<UInt16>>, _ b: Slice<IndexColumn<UInt16>>) -> Int {
        var i = a.startIndex, j = b.startIndex
        var best = Int.max
        while i < a.endIndex && j < b.endIndex {
            best = min(best, abs(Int(a[i]) - Int(b[j])))
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return min(best, 8)
    }

    // MARK: Selecting the best

    /// The best `limit` candidates in relevance order (date order with `sort:date`), taken in
    /// one of eight ways. Every way returns what ranking every candidate returns (the tests
    /// check each against an independent BM25F, a phrase against ranking every candidate, and
    /// read which way ran from `trace`):
    ///
    /// | Strategy         | When                                          | How                                        |
    /// |------------------|-----------------------------------------------|--------------------------------------------|
    /// | `byDate`         | `sort:date`, or no scoring word               | the newest `limit` dates; every candidate  |
    /// |                  |                                               | of the last of them ranked                 |
    /// | `singleWordWalk` | one word, > 1,000 candidates all holding it,  | its terms visited by bound (highest first);|
    /// |                  | limit ≤ 256                                   | stops when no unvisited term can enter     |
    /// | `singleWordKept` | one word in one field whose entries there the | each kept entry scored and offered to the  |
    /// |                  | planner kept, candidates all holding it,      | selection as it is read (`topKeptWord`);   |
    /// |                  | limit ≤ 256, every entry scoring above 0      | a document keeps its best term's offer     |
    /// | `singleWordDense`| one word, fewer candidates all holding it     | its terms scored term at a time into dense |
    /// |                  | (a field scope, a filter), ≤ 32 postings and  | arrays, every candidate taken (walking the |
    /// |                  | ≤ 256 documents of the index a candidate      | postings costs less than a search in each  |
    /// |                  |                                               | candidate's terms)                         |
    /// | `allWordsDense`  | several words, > 1,000 candidates all holding | each word scored term at a time into dense |
    /// |                  | each; the driver word has ≤ 8 postings a      | arrays, every candidate summed             |
    /// |                  | candidate                                     |                                            |
    /// | `allWordsWalk`   | the same with more driver postings            | documents visited through the driver's     |
    /// |                  |                                               | terms by bound; stops when none can enter  |
    /// | `singlePhrase`   | one phrase whose walk kept its words' entries,| every candidate ranked from those entries, |
    /// |                  | every candidate holding it                    | in order (`topPhrase`)                     |
    /// | `everyCandidate` | anything else, or `exhaustive`                | every candidate ranked                     |
    ///
    /// The driver is the word with most terms (a short prefix). Postings count as ranking reads
    /// them: a word in one field whose entries there the planner kept (`FieldEntries`) reads
    /// only those. The dense arrays hold one value a candidate (`DocumentSet.MemberIndex`).
    /// Tie-break, the "relevance order" of `RankedDocument.precedes`: more words matched, fewer
    /// typos, higher score, then fewer words between the matched ones (proximity), newer, lower
    /// document number. Proximity is costly, so it is computed only for the candidates tied
    /// with the last one selected without it (`settleTies`, over what `RankedSelection` keeps);
    /// a query of one word or phrase has none, and keeps no ties.
    ///
    /// `onlyWordTerms`, from `singleWordKept` and `singleWordDense` only: each selected
    /// document's best term of the one word, as `matchedTerms` gives it (`noTerm` where it
    /// holds none), found on the way.
    func top(_ candidates: DocumentSet, limit: Int, byDate: Bool, exhaustive: Bool = false,
             trace: inout SearchTrace) -> (ranked: [RankedDocument], onlyWordTerms: [UInt32]?) {
        guard limit > 0 else { return ([], nil) }
        if byDate || positiveUnits.isEmpty {
            trace.strategy = .byDate
            return (topByDate(candidates, limit: limit, trace: &trace), nil)
        }
        if exhaustive {
            trace.strategy = .everyCandidate
            return (topOfAll(candidates, limit: limit, trace: &trace), nil)
        }
        if positiveUnits.count == 1, limit <= 256, case .terms(let matcher) = units[positiveUnits[0]].kind,
           candidates.count > 1_000, candidates.isSubset(of: units[positiveUnits[0]].documents) {
            trace.strategy = .singleWordWalk
            return (topSingleWord(candidates, matcher: matcher, unit: units[positiveUnits[0]], limit: limit, trace: &trace), nil)
        }
        if positiveUnits.count == 1, limit <= KeptWordSelection.largestLimit, case .terms(let matcher) = units[positiveUnits[0]].kind,
           let kept = units[positiveUnits[0]].fieldEntries, candidates.isSubset(of: units[positiveUnits[0]].documents),
           let top = topKeptWord(candidates, matcher: matcher, kept: kept, limit: limit, trace: &trace) {
            trace.strategy = .singleWordKept
            return top
        }
        if positiveUnits.count == 1, case .terms(let matcher) = units[positiveUnits[0]].kind,
           candidates.isSubset(of: units[positiveUnits[0]].documents),
           postingCount(matcher, of: units[positiveUnits[0]]) <= 32 * candidates.count,
           data.documentCount <= 256 * candidates.count {
            trace.strategy = .singleWordDense
            return topAllWordsDense(candidates, limit: limit, trace: &trace)
        }
        if positiveUnits.count > 1, candidates.count > 1_000,
           positiveUnits.allSatisfy({ candidates.isSubset(of: units[$0].documents) }),
           let driver = positiveUnits.max(by: { termCount(of: $0) < termCount(of: $1) }), termCount(of: driver) > 0 {
            return (topAllWords(candidates, driver: driver, limit: limit, trace: &trace), nil)
        }
        if positiveUnits.count == 1, case .phrase(let terms) = units[positiveUnits[0]].kind,
           let found = units[positiveUnits[0]].phraseEntries, candidates.isSubset(of: units[positiveUnits[0]].documents) {
            trace.strategy = .singlePhrase
            return (topPhrase(candidates, terms: terms, field: units[positiveUnits[0]].field, found: found, limit: limit,
                              trace: &trace), nil)
        }
        trace.strategy = .everyCandidate
        return (topOfAll(candidates, limit: limit, trace: &trace), nil)
    }

    /// A phrase alone: each candidate is ranked as `rank` ranks it, from the words' first
    /// entries the phrase's walk kept (`PhraseEntries`), read in order, not looked up for each
    /// candidate. The entries lie apart in the posting columns, and so do the documents' field
    /// norms and dates: those of the documents a few rows on are asked for first (see
    /// `CacheHint`).
    private func topPhrase(_ candidates: DocumentSet, terms: [QueryUnit.PhraseTerm], field: Int?, found: PhraseEntries,
                           limit: Int, trace: inout SearchTrace) -> [RankedDocument] {
        var selection = makeSelection(limit: limit)
        let norms = data.fieldNorms.buffer, dates = data.dates.buffer, fieldCount = data.fieldCount
        for row in 0..<found.count {
            let ahead = row + CacheHint.distance
            if ahead < found.count {
                let d = found.document(at: ahead)
                CacheHint.load(norms, d * fieldCount)
                CacheHint.load(dates, d)
                if let plain {
                    for k in terms.indices {
                        let e = found.entry(at: ahead, word: k)
                        CacheHint.load(plain.documents, e)
                        CacheHint.load(plain.fields, e)
                        CacheHint.load(plain.positionStarts, e)
                    }
                }
            }
            let d = found.document(at: row)
            guard candidates.contains(d) else { continue }
            var total = 0.0
            for k in terms.indices {
                total += score(term: terms[k].term, document: d, firstEntry: found.entry(at: row, word: k), field: field)
            }
            selection.insert(RankedDocument(document: d, matched: 1, typos: 0, score: total, date: Int(data.dates[d])))
        }
        trace.documentsRanked += selection.seen
        return settleTies(selection, limit: limit)
    }

    /// Ranks every candidate.
    private func topOfAll(_ candidates: DocumentSet, limit: Int, trace: inout SearchTrace) -> [RankedDocument] {
        var selection = makeSelection(limit: limit)
        candidates.forEach { d in selection.insert(rank(d)) }
        trace.documentsRanked += selection.seen
        return settleTies(selection, limit: limit)
    }

    /// An empty selection of the best `limit`, keeping the ties of the last only where
    /// proximity may reorder them: between several words.
    private func makeSelection(limit: Int) -> RankedSelection {
        RankedSelection(limit: limit, keepsTies: positiveUnits.count > 1)
    }

    /// Proximity breaks ties of (matched, typos, score): settle them among every tied candidate.
    private func settleTies(_ selection: RankedSelection, limit: Int) -> [RankedDocument] {
        // With one word or phrase there is no proximity to settle (the selection kept no
        // ties): the selection's best, ranked without it, are the best.
        guard selection.keepsTies else { return selection.elements }
        guard let kth = selection.worst else { return [] }
        var finalists = selection.elements.filter { !RankedDocument.sameRelevance($0, kth) }
        let tied = selection.contenders.filter { RankedDocument.sameRelevance($0, kth) }
        finalists += tied
        for i in finalists.indices { finalists[i].proximity = proximity(finalists[i].document) }
        return Array(finalists.sorted(by: RankedDocument.precedes).prefix(limit))
    }

    /// The posting entries ranking a word reads: its entries in its field when they were kept,
    /// else every entry of every term `matcher` matches.
    private func postingCount(_ matcher: TermMatcher, of unit: QueryUnit) -> Int {
        if let kept = unit.fieldEntries { return kept.count }
        return matcher.ranges.reduce(0) { $0 + Int(data.termEntryStart[$1.upperBound] - data.termEntryStart[$1.lowerBound]) }
    }

    private func termCount(of unit: Int) -> Int {
        guard case .terms(let matcher) = units[unit].kind else { return 0 }
        return matcher.termCount
    }

    /// Every candidate holds every word (a plain AND) and there are many. When the `driver`
    /// word (the one with most terms, e.g. a short prefix) has few enough postings, every word
    /// is scored term at a time into dense arrays and every candidate summed. Otherwise the
    /// documents are visited through the driver's terms from the highest possible score down,
    /// the other words evaluated for each visited document only, stopping once nothing
    /// unvisited can beat the last hit. Scores are summed in the same order as `rank`, and the
    /// best term of a word is chosen as `bestTerm` does, so the results equal a full evaluation.
    private func topAllWords(_ candidates: DocumentSet, driver: Int, limit: Int, trace: inout SearchTrace) -> [RankedDocument] {
        guard case .terms(let matcher) = units[driver].kind else { return [] }
        let driverUnit = units[driver]
        let driverHasOneTerm = matcher.termCount == 1
        if postingCount(matcher, of: driverUnit) <= 8 * candidates.count {
            trace.strategy = .allWordsDense
            return topAllWordsDense(candidates, limit: limit, trace: &trace).ranked
        }
        trace.strategy = .allWordsWalk
        var otherBound = 0.0
        var otherMinTypos = 0
        for u in positiveUnits where u != driver {
            switch units[u].kind {
            case .terms(let matcher):
                otherBound += matcher.ranges.reduce(0.0) { bound, range in range.reduce(bound) { max($0, upperBound($1)) } }
                otherMinTypos += Int(matcher.typos.min() ?? 0)
            case .phrase(let terms):
                otherBound += terms.reduce(0) { $0 + upperBound($1.term) }
            }
        }
        let terms = termsByBound(matcher)
        var visited = DocumentSet(capacity: data.documentCount)
        var selection = makeSelection(limit: limit)
        let matched = positiveUnits.count
        for (visitedTerms, candidate) in terms.enumerated() {
            if selection.isFull, let worst = selection.worst {
                let boundTypos = candidate.typos + otherMinTypos
                let boundScore = candidate.bound + otherBound
                if boundTypos > worst.typos || (boundTypos == worst.typos && boundScore < worst.score) {
                    trace.termsSkipped += terms.count - visitedTerms
                    break
                }
            }
            var e = Int(data.termEntryStart[candidate.term])
            let end = Int(data.termEntryStart[candidate.term + 1])
            trace.postingsRead += end - e
            while e < end {
                let d = Int(data.entryDocument[e])
                let group = e
                while e < end && Int(data.entryDocument[e]) == d { e += 1 }
                guard candidates.contains(d), !visited.contains(d) else { continue }
                visited.insert(d)
                let driverResult: (typos: Int, score: Double)?
                if driverHasOneTerm {
                    // Same value `bestTerm` would find: the one term, or nothing when absent from the field.
                    let s = score(term: candidate.term, document: d, firstEntry: group, field: driverUnit.field)
                    driverResult = s > 0 ? (candidate.typos, s) : nil
                } else {
                    driverResult = bestTerm(driverUnit, matcher: matcher, document: d,
                                            seed: seed(candidate, document: d, firstEntry: group, unit: driverUnit))
                        .map { ($0.typos, $0.score) }
                }
                // A document that cannot reach the last hit even with the other words at their
                // bounds is not evaluated further (it cannot tie with the last hit either).
                if selection.isFull, let worst = selection.worst {
                    let boundTypos = (driverResult?.typos ?? 0) + otherMinTypos
                    let boundScore = (driverResult?.score ?? 0) + otherBound
                    if boundTypos > worst.typos || (boundTypos == worst.typos && boundScore < worst.score) {
                        trace.documentsSkipped += 1
                        continue
                    }
                }
                var ranked = RankedDocument(document: d, matched: matched, typos: 0, score: 0, date: Int(data.dates[d]))
                for u in positiveUnits {
                    if u == driver {
                        if let driverResult {
                            ranked.typos += driverResult.typos
                            ranked.score += driverResult.score
                        }
                    } else if let result = scored(units[u], document: d) {
                        ranked.typos += result.typos
                        ranked.score += result.score
                    }
                }
                selection.insert(ranked)
            }
        }
        trace.documentsRanked += selection.seen
        return settleTies(selection, limit: limit)
    }

    /// `topAllWords` when the driver has few postings: every word scored into dense arrays,
    /// then every candidate summed. The arrays hold one value a candidate, at its place among
    /// the candidates (`DocumentSet.MemberIndex`).
    private func topAllWordsDense(_ candidates: DocumentSet, limit: Int, trace: inout SearchTrace)
        -> (ranked: [RankedDocument], onlyWordTerms: [UInt32]?) {
        let places = DocumentSet.MemberIndex(candidates)
        var unitScores: [[Double]] = []
        var unitTypos: [[UInt8]] = []
        // A query of one word keeps each candidate's best term of it, for its hit.
        let isOneWord = positiveUnits.count == 1
        var onlyWordTerms: [UInt32] = []
        for u in positiveUnits {
            var scores = [Double](repeating: 0, count: places.count)
            var typos = [UInt8](repeating: .max, count: places.count)
            switch units[u].kind {
            case .terms(let matcher):
                if isOneWord { onlyWordTerms = [UInt32](repeating: Ranker.noTerm, count: places.count) }
                scores.withUnsafeMutableBufferPointer { scores in
                    typos.withUnsafeMutableBufferPointer { typos in
                        guard isOneWord else {
                            let best = BestTerms(scores: scores, typos: typos, terms: NoKeptTerms())
                            return denseBest(units[u], matcher: matcher, candidates: candidates, places: places, into: best,
                                             trace: &trace)
                        }
                        onlyWordTerms.withUnsafeMutableBufferPointer { terms in
                            let best = BestTerms(scores: scores, typos: typos, terms: KeptTermBuffer(terms: terms))
                            denseBest(units[u], matcher: matcher, candidates: candidates, places: places, into: best, trace: &trace)
                        }
                    }
                }
            case .phrase:
                var held = units[u].documents
                held.formIntersection(candidates)
                held.forEach { d in
                    guard let result = scored(units[u], document: d) else { return }
                    let i = places.place(of: d)
                    typos[i] = UInt8(result.typos)
                    scores[i] = result.score
                }
            }
            unitScores.append(scores)
            unitTypos.append(typos)
        }
        var selection = makeSelection(limit: limit)
        let matched = positiveUnits.count
        candidates.forEach { d in
            var ranked = RankedDocument(document: d, matched: matched, typos: 0, score: 0, date: Int(data.dates[d]))
            let place = places.place(of: d)
            for i in positiveUnits.indices where unitTypos[i][place] != .max {
                ranked.typos += Int(unitTypos[i][place])
                ranked.score += unitScores[i][place]
            }
            selection.insert(ranked)
        }
        trace.documentsRanked += selection.seen
        let top = settleTies(selection, limit: limit)
        return (top, onlyWordTerms.isEmpty ? nil : top.map { onlyWordTerms[places.place(of: $0.document)] })
    }

    /// The score of the driver term through which document `d` is being visited, as a seed
    /// for `bestTerm`; nil when the term is outside the unit's field there.
    private func seed(_ candidate: (term: Int, typos: Int, bound: Double), document d: Int, firstEntry: Int,
                      unit: QueryUnit) -> (term: Int, typos: Int, score: Double)? {
        let s = score(term: candidate.term, document: d, firstEntry: firstEntry, field: unit.field)
        return s > 0 ? (candidate.term, candidate.typos, s) : nil
    }

    /// Each candidate's best term of a word unit, term at a time, into `best` (by the
    /// candidate's place in `places`; typos stay `.max` where the word is absent). Terms are
    /// visited in id order and only a strictly better term replaces the best, so the choice
    /// equals `bestTerm`'s.
    private func denseBest<Terms: KeptTerms>(_ unit: QueryUnit, matcher: TermMatcher, candidates: DocumentSet,
                                             places: DocumentSet.MemberIndex, into best: BestTerms<Terms>, trace: inout SearchTrace) {
        // Each (term, document) group of entries is read once: its document decides whether it
        // is a candidate, and its entries are summed as `score` sums them.
        func walk<Documents: RandomAccessCollection<UInt32>, Fields: RandomAccessCollection<UInt8>>(
            _ documents: Documents, _ fields: Fields, into best: BestTerms<Terms>, termFrequency: (Int) -> Int
        ) where Documents.Index == Int, Fields.Index == Int {
            for (k, range) in matcher.ranges.enumerated() {
                let typo = matcher.typos[k]
                for term in range {
                    var e = Int(data.termEntryStart[term])
                    let end = Int(data.termEntryStart[term + 1])
                    trace.postingsRead += end - e
                    let termIDF = idf(term)
                    while e < end {
                        let d = Int(documents[e])
                        guard candidates.contains(d) else {
                            e += 1
                            while e < end && Int(documents[e]) == d { e += 1 }
                            continue
                        }
                        let (weighted, bestWeight) = sumGroup(documents, fields, document: d, entry: &e, end: end,
                                                              field: unit.field, termFrequency: termFrequency)
                        best.offer(termScore(idf: termIDF, weighted: weighted, bestWeight: bestWeight), typo: typo,
                                   term: term, at: places.place(of: d))
                    }
                }
            }
        }
        switch (plain, unit.fieldEntries) {
        case (_, let kept?):
            forEachKeptScore(kept, matcher: matcher, candidates: candidates, trace: &trace) { score, typo, term, d in
                best.offer(score, typo: typo, term: term, at: places.place(of: d))
            }
        case let (plain?, nil):
            walk(plain.documents, plain.fields, into: best) { Int(plain.positionStarts[$0 + 1] - plain.positionStarts[$0]) }
        case (nil, nil):
            walk(data.entryDocument, data.entryField, into: best) { data.termFrequency(ofEntry: $0) }
        }
    }

    /// A word in one field whose entries there were kept (`FieldEntries`): calls `body` with
    /// the score, typos, term and document of each kept entry whose document is a candidate,
    /// in the kept order (terms ascending, then documents). Only those entries are read. Each
    /// is the one entry of its (term, document) pair in the field, so its sum is its own
    /// weighted frequency, as `sumGroup` would find it. The documents ascend within a term but
    /// lie apart, and so do their field norms and dates (read when the candidates are ranked):
    /// those of a few entries on are asked for first (see `CacheHint`).
    @inline(__always)
    private func forEachKeptScore(_ kept: FieldEntries, matcher: TermMatcher, candidates: DocumentSet, trace: inout SearchTrace,
                                  _ body: (_ score: Double, _ typo: UInt8, _ term: Int, _ document: Int) -> Void) {
        // `hintFrequency` asks for what `termFrequency` reads.
        func walkKept(hintFrequency: (Int) -> Void, termFrequency: (Int) -> Int) {
            let f = kept.field, weight = weights[f], fieldCount = data.fieldCount
            let norms = data.fieldNorms.buffer, dates = data.dates.buffer
            var i = 0
            trace.postingsRead += kept.count
            kept.entries.withUnsafeBufferPointer { entries in
                kept.documents.withUnsafeBufferPointer { documents in
                    for (k, range) in matcher.ranges.enumerated() {
                        let typo = matcher.typos[k]
                        for term in range {
                            let end = data.termEntryStart[term + 1]
                            let termIDF = idf(term)
                            while i < entries.count && entries[i] < end {
                                let ahead = i + CacheHint.distance
                                if ahead < entries.count {
                                    CacheHint.load(norms, Int(documents[ahead]) * fieldCount + f)
                                    CacheHint.load(dates, Int(documents[ahead]))
                                    hintFrequency(Int(entries[ahead]))
                                }
                                let e = Int(entries[i]), d = Int(documents[i])
                                i += 1
                                guard candidates.contains(d) else { continue }
                                let weighted = weightedFrequency(termFrequency(e), document: d, field: f)
                                body(termScore(idf: termIDF, weighted: weighted, bestWeight: weight), typo, term, d)
                            }
                        }
                    }
                }
            }
        }
        if let plain {
            walkKept(hintFrequency: { CacheHint.load(plain.positionStarts, $0) }) {
                Int(plain.positionStarts[$0 + 1] - plain.positionStarts[$0])
            }
        } else {
            walkKept(hintFrequency: { _ in }) { data.termFrequency(ofEntry: $0) }
        }
    }

    /// A word in one field whose entries there were kept, every candidate holding it: each
    /// kept entry is scored and offered to the selection as it is read (see
    /// `KeptWordSelection`), with no arrays of one value a candidate and no second pass over
    /// them. Nil when an entry scores 0 (a field of weight 0, or a snapshot's odd norms): the
    /// dense ranking then ranks such a document as holding no term, which one pass cannot.
    private func topKeptWord(_ candidates: DocumentSet, matcher: TermMatcher, kept: FieldEntries, limit: Int,
                             trace: inout SearchTrace) -> (ranked: [RankedDocument], onlyWordTerms: [UInt32])? {
        var selection = KeptWordSelection(limit: limit)
        var scoredZero = false
        forEachKeptScore(kept, matcher: matcher, candidates: candidates, trace: &trace) { score, typo, term, d in
            guard score > 0 else {
                scoredZero = true
                return
            }
            selection.offer(RankedDocument(document: d, matched: 1, typos: Int(typo), score: score, date: Int(data.dates[d])),
                            term: UInt32(truncatingIfNeeded: term))
        }
        guard !scoredZero else { return nil }
        trace.documentsRanked += selection.seen
        return (selection.elements, selection.terms)
    }

    /// `sort:date` (or no words): the newest; relevance only orders documents of the same date.
    private func topByDate(_ candidates: DocumentSet, limit: Int, trace: inout SearchTrace) -> [RankedDocument] {
        var newest = TopK<Int>(capacity: limit) { a, b in
            data.dates[a] != data.dates[b] ? data.dates[a] > data.dates[b] : a < b
        }
        candidates.forEach { newest.insert($0) }
        guard let last = newest.worst else { return [] }
        let threshold = data.dates[last]
        var finalists: [RankedDocument] = []
        candidates.forEach { d in
            guard data.dates[d] >= threshold else { return }
            var ranked = rank(d)
            if positiveUnits.count > 1 { ranked.proximity = proximity(d) }
            finalists.append(ranked)
        }
        trace.documentsRanked += finalists.count
        return Array(finalists.sorted(by: RankedDocument.precedesByDate).prefix(limit))
    }

    /// The terms a word matches, fewest typos first, then by the highest score they can give.
    private func termsByBound(_ matcher: TermMatcher) -> [(term: Int, typos: Int, bound: Double)] {
        var terms: [(term: Int, typos: Int, bound: Double)] = []
        for (k, range) in matcher.ranges.enumerated() {
            for term in range { terms.append((term, Int(matcher.typos[k]), upperBound(term))) }
        }
        terms.sort { a, b in
            if a.typos != b.typos { return a.typos < b.typos }
            if a.bound != b.bound { return a.bound > b.bound }
            return a.term < b.term
        }
        return terms
    }

    /// One word matching many documents (a short prefix): visit its terms from the highest
    /// possible score down, and stop once no unvisited term can beat the current last hit.
    private func topSingleWord(_ candidates: DocumentSet, matcher: TermMatcher, unit: QueryUnit, limit: Int,
                               trace: inout SearchTrace) -> [RankedDocument] {
        let terms = termsByBound(matcher)
        var selection = TopK<RankedDocument>(capacity: limit, precedes: RankedDocument.precedesIgnoringProximity)
        for (visitedTerms, candidate) in terms.enumerated() {
            if selection.isFull, let worst = selection.worst,
               candidate.typos > worst.typos || (candidate.typos == worst.typos && candidate.bound < worst.score) {
                trace.termsSkipped += terms.count - visitedTerms
                break
            }
            let start = Int(data.termEntryStart[candidate.term])
            let end = Int(data.termEntryStart[candidate.term + 1])
            trace.postingsRead += end - start
            var e = start
            while e < end {
                let d = Int(data.entryDocument[e])
                let groupStart = e
                while e < end && Int(data.entryDocument[e]) == d { e += 1 }
                guard candidates.contains(d) else { continue }
                let s = score(term: candidate.term, document: d, firstEntry: groupStart, field: unit.field)
                guard s > 0 else { continue }
                trace.documentsRanked += 1
                let ranked = RankedDocument(document: d, matched: 1, typos: candidate.typos, score: s, date: Int(data.dates[d]))
                if let worst = selection.worst, selection.isFull, !RankedDocument.precedesIgnoringProximity(ranked, worst) {
                    continue
                }
                if let existing = selection.remove(where: { $0.document == d }),
                   RankedDocument.precedesIgnoringProximity(existing, ranked) {
                    selection.insert(existing)
                    continue
                }
                selection.insert(ranked)
            }
        }
        return selection.elements
    }
}

/// Each candidate's best term score so far, by place (see `Ranker.denseBest`): typos `.max`
/// where no term of the word has scored yet. Written through the buffers of the two arrays
/// `denseBest` returns, which outlive it.
private struct BestTerms<Terms: KeptTerms> {
    let scores: UnsafeMutableBufferPointer<Double>
    let typos: UnsafeMutableBufferPointer<UInt8>
    /// The best term at each place, when kept.
    let terms: Terms

    /// Keeps score `s` of `term`, with `typo` typos, at place `i` when it is the first there or
    /// a better one (fewer typos, or as few and a strictly higher score); a score of 0 is none.
    @inline(__always) func offer(_ s: Double, typo: UInt8, term: Int, at i: Int) {
        guard s > 0 else { return }
        precondition(i >= 0 && i < scores.count && scores.count == typos.count, "place outside the candidates")
        if typos[i] == .max || typo < typos[i] || (typo == typos[i] && s > scores[i]) {
            typos[i] = typo
            scores[i] = s
            terms.keep(term, at: i)
        }
    }
}

/// Where `BestTerms` keeps the best term of each place: a type, so that the ranking loops of a
/// query that keeps none are compiled without it.
private protocol KeptTerms {
    func keep(_ term: Int, at place: Int)
}

/// Keeps no term.
private struct NoKeptTerms: KeptTerms {
    @inline(__always) func keep(_ term: Int, at place: Int) {}
}

/// Keeps each place's best term in a buffer of one a place.
private struct KeptTermBuffer: KeptTerms {
    let terms: UnsafeMutableBufferPointer<UInt32>

    @inline(__always) func keep(_ term: Int, at place: Int) {
        terms[place] = UInt32(truncatingIfNeeded: term)
    }
}

/// The posting columns of an index built here, as the plain buffers they are, for the ranker's
/// innermost loop (a snapshot's packed columns are read through `IndexColumn`).
///
/// Invariant: the buffers belong to columns of the `IndexData` the ranker holds, so they live
/// as long as it does; `positionStarts` has one more entry than `documents` and `fields`.
private struct PlainPostings {
    let documents: UnsafeBufferPointer<UInt32>
    let fields: UnsafeBufferPointer<UInt8>
    let positionStarts: UnsafeBufferPointer<UInt32>

    init?(_ data: IndexData) {
        guard let documents = data.entryDocument.plain, let fields = data.entryField.plain,
              let starts = data.entryPositionStart.plainStarts,
              fields.count == documents.count, starts.count == documents.count + 1 else { return nil }
        self.documents = documents.buffer
        self.fields = fields.buffer
        self.positionStarts = starts.buffer
    }
}
