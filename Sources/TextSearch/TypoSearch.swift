/// Finds the dictionary terms within a few typos of a word, as Meilisearch allows them:
/// none up to 4 characters, one for 5–8, two from 9 (optimal-string-alignment Damerau-Levenshtein
/// distance: an insertion, deletion, substitution or swap of two adjacent characters each count 1),
/// and a typo in the first character counts two: a term that does not start with the word's
/// first character matches only a word of 9 characters or more, with the rest exact (a distance
/// of 1), and is reported with 2 typos.
///
/// The terms starting with the word's first character are walked as a trie: the edit-distance
/// rows of a shared prefix are computed once, a whole subtree is skipped (one binary search) as
/// soon as no row entry is within the limit, and a term whose length alone is over it is
/// passed over. The terms starting with another character are not walked: the few strings one
/// edit of the first character away are looked up (`firstCharacterEdits`). In prefix mode a
/// term matches when one of its prefixes is within the limit of the typed word, and the typos
/// counted are the smallest such distance.
enum TypoSearch {
    static func maxTypos(forLength length: Int) -> Int {
        length <= 4 ? 0 : (length <= 8 ? 1 : 2)
    }

    /// (term id range, typos) pairs, possibly overlapping.
    static func search(_ query: [UInt32], maxTypos k: Int, prefix: Bool, in dictionary: TermDictionary) -> [(Range<Int>, Int)] {
        guard let first = query.first, dictionary.count > 0 else { return [] }
        // Sorted, the terms starting with the first character are one run; every other run of
        // one first character lies wholly before or after it, so each walk skips within its range.
        let sameFirst = dictionary.prefixRange([first])
        var found = walk(query, maxTypos: k, prefix: prefix, ids: sameFirst, in: dictionary)
        let otherRuns = [0..<sameFirst.lowerBound, sameFirst.upperBound..<dictionary.count].filter { !$0.isEmpty }
        if k == 2 {
            found += firstCharacterEdits(query, prefix: prefix, within: otherRuns, in: dictionary).map { ($0, 2) }
        } else if k > 2 {
            // The first character's edit is one of a plain distance but costs two typos.
            for ids in otherRuns {
                found += walk(query, maxTypos: k - 1, prefix: prefix, ids: ids, in: dictionary).map { ($0.0, $0.1 + 1) }
            }
        }
        return found
    }

    /// The terms of `runs` (the runs of terms not starting with the query's first character)
    /// within a plain distance of 1 of `query` (in prefix mode: with a prefix that is): what
    /// `walk` with a limit of 1 finds there, without walking them.
    ///
    /// A string whose first character differs from the query's is at distance 1 only through
    /// an edit of that character, the rest exact: `query` without its first character
    /// (deleted), with its first two swapped, and for any other first character `c`, `c` and
    /// the rest of `query` (substituted) or `c` and all of it (inserted). The first two are
    /// looked up (in prefix mode, as a prefix). The others are looked up in each run of terms
    /// whose second character is the rest's first (or the query's), and whose lengths allow
    /// it (`CharacterRuns`): the only runs where they can be.
    static func firstCharacterEdits(_ query: [UInt32], prefix: Bool, within runs: [Range<Int>],
                                    in dictionary: TermDictionary) -> [Range<Int>] {
        guard let first = query.first else { return [] }
        let rest = query.dropFirst()
        var found: [Range<Int>] = []
        func keep(_ matches: Range<Int>) {
            if !matches.isEmpty { found.append(matches) }
        }
        /// Keeps the terms that are `string` (or start with it), when it does not start with
        /// the query's first character (those terms are walked).
        func keep(_ string: some Collection<UInt32>) {
            if let head = string.first, head == first { return }
            if string.isEmpty && prefix {
                // Every term starts with the empty string: all of `runs`.
                found += runs
            } else {
                keep(dictionary.terms(startingWith: string, exactly: !prefix))
            }
        }
        /// Keeps the terms of the runs other than the query's first character's whose scalars
        /// after the first are `tail` (or start with it), `tail` being at least one scalar and
        /// the terms `tail.count + 1` long (or longer).
        func keepAnyFirstCharacter(followedBy tail: ArraySlice<UInt32>) {
            guard let second = tail.first else { return }
            let length = tail.count + 1
            dictionary.characterRuns.forEachRun(withSecondCharacter: second) { run in
                guard run.first != first,
                      prefix ? run.lengths.mayHold(lengthAtLeast: length) : run.lengths.mayHold(length: length) else { return }
                keep(dictionary.search(tail.dropFirst(), from: 2, within: run.ids, exactly: !prefix))
            }
        }
        keep(rest)
        if query.count >= 2 { keep([query[1], first] + query.dropFirst(2)) }
        if rest.isEmpty {
            // `c` alone: a term of one character, in no run of two (in prefix mode, every term
            // of `runs`, kept above).
            if !prefix {
                for k in dictionary.characterRuns.firsts.indices where dictionary.characterRuns.firsts[k].character != first {
                    keep(dictionary.terms(inFirstCharacterRun: k, followedBy: rest, exactly: true))
                }
            }
        } else {
            keepAnyFirstCharacter(followedBy: rest)
        }
        keepAnyFirstCharacter(followedBy: query[...])
        return found
    }

    /// The terms of `ids` within `k` typos of `query` (plain distances), as (term id range, typos).
    private static func walk(_ query: [UInt32], maxTypos k: Int, prefix: Bool, ids: Range<Int>,
                             in dictionary: TermDictionary) -> [(Range<Int>, Int)] {
        let m = query.count
        guard m > 0, !ids.isEmpty else { return [] }
        let maxDepth = m + k
        let width = m + 1
        precondition(k < Int(UInt8.max), "a typo limit that fits the byte-wide rows")
        // Scratch read through pointers in the innermost loop: every index there stays within
        // the band of a row (columns 0...m) and rows 0...maxDepth, which these sizes hold. It is
        // small (a byte a cell), so that it fits the stack for a word of up to about 30
        // characters: asked for where it can be put there, not from the allocator.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (maxDepth + 1) * width) { rows in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDepth + 1) { bestLast in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: maxDepth + 1) { pathBuffer in
                    walk(query, maxTypos: k, prefix: prefix, ids: ids, in: dictionary, rows: rows, bestLast: bestLast,
                         pathBuffer: pathBuffer)
                }
            }
        }
    }

    /// `walk` in the scratch it is given: `rows` of `(query.count + k + 1) * (query.count + 1)`
    /// entries, `bestLast` and `pathBuffer` of `query.count + k + 1`.
    private static func walk(_ query: [UInt32], maxTypos k: Int, prefix: Bool, ids: Range<Int>, in dictionary: TermDictionary,
                             rows: UnsafeMutableBufferPointer<UInt8>, bestLast: UnsafeMutableBufferPointer<UInt8>,
                             pathBuffer: UnsafeMutableBufferPointer<UInt32>) -> [(Range<Int>, Int)] {
        let m = query.count
        let maxDepth = m + k
        let width = m + 1
        // Only the cells within `k` of the diagonal are computed (Ukkonen's band): any other
        // cell's distance is over `k`, and it holds `k + 1`, which decides every test the same.
        // For the same reason every distance is kept capped at `k + 1`: each at most `k` is
        // still exact, as it comes from cells at most `k` too.
        let beyond = k + 1
        rows.initialize(repeating: UInt8(beyond))
        bestLast.initialize(repeating: UInt8(beyond))
        pathBuffer.initialize(repeating: 0)
        let path = UnsafeBufferPointer(pathBuffer)
        for j in 0...min(m, k) { rows[j] = UInt8(j) }
        bestLast[0] = UInt8(min(m, beyond))
        return query.withUnsafeBufferPointer { query in
            var found: [(Range<Int>, Int)] = []
            var id = ids.lowerBound
            var validDepth = 0
            while id < ids.upperBound {
                let term = dictionary.scalars(of: id)
                let length = term.count
                // Its length alone puts this term over the limit (and, in prefix mode, each of
                // its prefixes, all shorter still): pass it over. The rows kept stay those of
                // `path`, which the next term is compared with.
                if length < m - k || (!prefix && length > m + k) {
                    id += 1
                    continue
                }
                // Rows stay valid for the prefix this term shares with the previous path.
                var d = 0
                while d < validDepth && d < length && term[d] == path[d] { d += 1 }
                var skipTo: Int? = nil
                while d < length && d < maxDepth {
                    let c = term[d]
                    pathBuffer[d] = c
                    let previous = d * width
                    let current = (d + 1) * width
                    rows[current] = UInt8(min(d + 1, beyond))
                    var rowMin = Int(rows[current])
                    for j in max(1, d + 1 - k)...min(m, d + 1 + k) {
                        let cost = query[j - 1] == c ? 0 : 1
                        var value = min(Int(rows[previous + j]) + 1, Int(rows[current + j - 1]) + 1, Int(rows[previous + j - 1]) + cost)
                        if d >= 1 && j >= 2 && c == query[j - 2] && path[d - 1] == query[j - 1] {
                            value = min(value, Int(rows[(d - 1) * width + j - 2]) + 1)
                        }
                        value = min(value, beyond)
                        rows[current + j] = UInt8(truncatingIfNeeded: value)
                        rowMin = min(rowMin, value)
                    }
                    d += 1
                    bestLast[d] = min(bestLast[d - 1], rows[current + m])
                    if prefix && (rows[current + m] == 0 || d == maxDepth) && bestLast[d] <= k {
                        let end = min(dictionary.endOfPrefix(path, length: d, from: id), ids.upperBound)
                        found.append((id..<end, Int(bestLast[d])))
                        skipTo = end
                        break
                    }
                    if rowMin > k {
                        // No longer prefix comes within the limit; in prefix mode, one this short
                        // may have, and then it holds for every term below it.
                        let end = min(dictionary.endOfPrefix(path, length: d, from: id), ids.upperBound)
                        if prefix && bestLast[d] <= k { found.append((id..<end, Int(bestLast[d]))) }
                        skipTo = end
                        break
                    }
                }
                validDepth = d
                if let skipTo {
                    id = max(skipTo, id + 1)
                    continue
                }
                if d == length {
                    let distance = Int(prefix ? bestLast[d] : rows[d * width + m])
                    if distance <= k { found.append((id..<id + 1, distance)) }
                    id += 1
                } else {
                    // Longer than any match can be: skip every term below this prefix.
                    id = dictionary.endOfPrefix(path, length: d, from: id)
                }
            }
            return found
        }
    }
}
