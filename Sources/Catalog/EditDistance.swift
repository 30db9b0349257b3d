/// Levenshtein distance, for "did you mean …?" suggestions.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions that turn one
    /// text into the other, or nil when it is more than `limit`. Compares Unicode scalars.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard abs(x.count - y.count) <= limit else { return nil }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let result = previous[y.count]
        return result <= limit ? result : nil
    }

    /// The candidate closest to `text` (ignoring case) within `limit` edits; the first wins a tie.
    static func closest(to text: String, among candidates: [String], limit: Int = 2) -> String? {
        let target = text.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            guard let distance = distance(target, candidate.lowercased(), limit: limit) else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
