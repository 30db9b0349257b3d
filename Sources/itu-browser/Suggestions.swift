/// "Did you mean" suggestions: the candidate nearest to a mistyped id, within two edits.
enum Suggestions {
    static let maximumDistance = 2

    /// The candidate with the smallest edit distance to `text` (ignoring case), if it is at most
    /// `maximumDistance` (1 for texts of up to three characters, so `""` or `ab` suggest nothing
    /// far-fetched); ties go to the earlier candidate. An exact match is not a suggestion.
    static func closest(to text: String, in candidates: [String]) -> String? {
        let target = Array(text.lowercased())
        guard !target.isEmpty else { return nil }
        let allowed = target.count <= 3 ? 1 : maximumDistance
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            let limit = min(best?.distance ?? allowed, allowed)
            guard abs(letters.count - target.count) <= limit,
                  let distance = editDistance(target, letters, limit: limit), distance > 0 else { continue }
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between `a` and `b`, or nil as soon as it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }
}
