import Foundation
@testable import TextSearch

/// BM25F written the plain way, over the raw documents, as an independent check of the engine's
/// ranking: it shares only the tokenizer (`TextAnalyzer`) with it, and scores every document.
///
/// It understands queries of plain words (ANDed, the last one optionally a prefix, each
/// optionally `field:word`), with typo corrections as the engine allows them (none up to 4
/// letters, one for 5–8, two from 9; optimal-string-alignment distance, a prefix matching when
/// one of a term's prefixes is within reach). It knows no stemming, so the documents it is
/// given must hold no word that stems to another (no plurals).
struct ReferenceBM25F {
    struct Hit: Equatable {
        var id: String
        var matched: Int
        var typos: Int
        var score: Double
    }

    static let k1 = 1.2
    static let b = 0.75

    let fieldNames: [String]
    let weights: [Double]
    let ids: [String]
    /// terms[d][f]: the terms of field f of document d, in order.
    let terms: [[[String]]]
    let facets: [[String: [String]]]
    /// How many documents hold each term, in any field.
    let documentFrequency: [String: Int]

    init(schema: IndexSchema, documents: [Document]) {
        fieldNames = schema.fields.map(\.name)
        // A weight that is not a positive number counts as 1 (as `FieldDefinition` says).
        weights = schema.fields.map { $0.weight > 0 && $0.weight.isFinite ? $0.weight : 1 }
        ids = documents.map(\.id)
        facets = documents.map(\.facets)
        var analyzer = TextAnalyzer()
        terms = documents.map { document in
            schema.fields.map { field in analyzer.tokens(document.fields[field.name] ?? "").map(\.term) }
        }
        var frequency: [String: Int] = [:]
        for fields in terms {
            for term in Set(fields.flatMap { $0 }) { frequency[term, default: 0] += 1 }
        }
        documentFrequency = frequency
    }

    /// Every document holding the words, best first: more words, fewer typos, higher score.
    /// When no document holds every word, those holding the most come back.
    func search(_ query: String, lastWordIsPrefix: Bool, filter: (facet: String, value: String)? = nil) -> [Hit] {
        let words = query.split(separator: " ").map(String.init)
        let n = Double(ids.count)
        var averages = [Double](repeating: 0, count: fieldNames.count)
        for document in terms {
            for (f, list) in document.enumerated() { averages[f] += Double(list.count) / n }
        }
        let maxWeight = weights.max() ?? 1
        var hits: [Hit] = []
        // Typos between each query word and each term met, computed once.
        var reach: [String: Int?] = [:]
        for d in ids.indices {
            if let filter, !(facets[d][filter.facet] ?? []).contains(filter.value) { continue }
            var hit = Hit(id: ids[d], matched: 0, typos: 0, score: 0)
            for (k, word) in words.enumerated() {
                let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
                let field = parts.count == 2 ? fieldNames.firstIndex(of: parts[0]) : nil
                let text = parts.count == 2 ? parts[1] : word
                let prefix = lastWordIsPrefix && k == words.count - 1
                // The best term of the word here: fewest typos, then highest score.
                var best: (typos: Int, score: Double)? = nil
                for term in Set(terms[d].enumerated().filter { field == nil || $0.offset == field }.flatMap(\.element)) {
                    let key = "\(prefix) \(text) \(term)"
                    if reach[key] == nil { reach[key] = ReferenceBM25F.typos(text, term, prefix: prefix) }
                    guard let typos = reach[key] ?? nil else { continue }
                    let score = termScore(term, document: d, field: field, averages: averages, maxWeight: maxWeight)
                    if let current = best, current.typos < typos || (current.typos == typos && current.score >= score) { continue }
                    best = (typos, score)
                }
                guard let best else { continue }
                hit.matched += 1
                hit.typos += best.typos
                hit.score += best.score
            }
            if hit.matched > 0 { hits.append(hit) }
        }
        let most = hits.map(\.matched).max() ?? 0
        return hits.filter { $0.matched == most }.sorted { a, b in
            if a.typos != b.typos { return a.typos < b.typos }
            return a.score > b.score
        }
    }

    private func termScore(_ term: String, document d: Int, field: Int?, averages: [Double], maxWeight: Double) -> Double {
        let n = Double(ids.count), df = Double(documentFrequency[term] ?? 0)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        var weighted = 0.0
        var bestWeight = 0.0
        for (f, list) in terms[d].enumerated() where field == nil || field == f {
            let tf = Double(list.filter { $0 == term }.count)
            guard tf > 0 else { continue }
            let norm = averages[f] > 0 ? 1 / (1 - ReferenceBM25F.b + ReferenceBM25F.b * Double(list.count) / averages[f]) : 1
            weighted += weights[f] * tf * norm
            bestWeight = max(bestWeight, weights[f])
        }
        guard weighted > 0 else { return 0 }
        let saturated = idf * weighted * (ReferenceBM25F.k1 + 1) / (weighted + ReferenceBM25F.k1)
        return saturated * (0.5 + 0.5 * bestWeight / maxWeight)
    }

    /// The typos between a query word and a term, nil when out of reach.
    static func typos(_ word: String, _ term: String, prefix: Bool) -> Int? {
        let a = Array(word.unicodeScalars), b = Array(term.unicodeScalars)
        let allowed = a.count <= 4 ? 0 : (a.count <= 8 ? 1 : 2)
        let allLetters = word.unicodeScalars.allSatisfy(\.properties.isAlphabetic)
        // Optimal string alignment distance, one row per letter of the word, one column per
        // letter of the term; the last row gives the distance to every prefix of the term.
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        if !a.isEmpty && !b.isEmpty {
            for i in 1...a.count {
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                    }
                }
            }
        }
        let distance = prefix ? (rows[a.count].min() ?? 0) : rows[a.count][b.count]
        if distance == 0 { return 0 }
        return allLetters && distance <= allowed ? distance : nil
    }
}
