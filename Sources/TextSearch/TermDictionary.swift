import SnapshotFormat

/// The sorted list of every indexed term, as Unicode scalars, with stem groups.
///
/// Term ids are positions in this sorted order, so the terms sharing a prefix form one
/// contiguous id range (found by two binary searches), and the typo search walks the list as a trie.
struct TermDictionary: Sendable {
    /// Scalars of all terms, back to back.
    let scalars: Column<UInt32>
    /// Start of term `i` in `scalars`; `count + 1` entries, from 0 to `scalars.count`, never decreasing.
    let starts: Column<UInt32>
    /// Stem → ids of the terms with that stem, for stems shared by two terms or more.
    let stemGroups: StemGroups
    /// The terms grouped by their first one and two characters (see `CharacterRuns`): worked
    /// out once, for every lookup and the typo search of every long word.
    private(set) var characterRuns = CharacterRuns.none

    /// `starts` must be checked first (see `scalars(of:)`).
    init(scalars: Column<UInt32>, starts: Column<UInt32>, stemGroups: StemGroups) {
        self.scalars = scalars
        self.starts = starts
        self.stemGroups = stemGroups
        characterRuns = CharacterRuns(of: self)
    }

    init(sortedTerms: [[UInt32]]) {
        var scalars: [UInt32] = []
        var starts: [UInt32] = [0]
        scalars.reserveCapacity(sortedTerms.reduce(0) { $0 + $1.count })
        starts.reserveCapacity(sortedTerms.count + 1)
        var groups: [String: [UInt32]] = [:]
        for (id, term) in sortedTerms.enumerated() {
            scalars.append(contentsOf: term)
            starts.append(UInt32(scalars.count))
            if term.count >= 4, term.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
                groups[LightStemmer.stem(Self.text(of: term)), default: []].append(UInt32(id))
            }
        }
        self.scalars = Column(scalars)
        self.starts = Column(starts)
        // A group matters when it joins two terms, or when its one term differs from the stem
        // (so a query for the stem finds it).
        self.stemGroups = StemGroups(groups.filter { stem, members in
            members.count > 1 || members.first.map { Self.text(of: sortedTerms[Int($0)]) != stem } ?? false
        })
        characterRuns = CharacterRuns(of: self)
    }

    var count: Int { starts.count - 1 }

    private static func text(of scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }

    /// The scalars of term `id`, read in place (`starts` is checked to be non-decreasing and
    /// to end within `scalars`, here or by the snapshot's reader, so the slice is in bounds).
    @inline(__always) func scalars(of id: Int) -> UnsafeBufferPointer<UInt32> {
        let start = Int(starts[id])
        return UnsafeBufferPointer(rebasing: scalars.buffer[start..<Int(starts[id + 1])])
    }

    /// The number of scalars of term `id`.
    @inline(__always) func length(of id: Int) -> Int { Int(starts[id + 1]) - Int(starts[id]) }

    func text(_ id: Int) -> String {
        let term = scalars(of: id)
        guard term.allSatisfy({ $0 < 0x80 }) else { return String(decoding: utf8(id), as: UTF8.self) }
        return String(unsafeUninitializedCapacity: term.count) { out in
            for (i, value) in term.enumerated() { out[i] = UInt8(value) }
            return term.count
        }
    }

    /// The UTF-8 bytes of term `id` (as `text(id).utf8`, without making the string).
    func utf8(_ id: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in scalars(of: id) {
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) {
                bytes.append(contentsOf: encoded)
            }
        }
        return bytes
    }

    /// True when `bytes` are the UTF-8 of term `id` (as `utf8(id) == bytes`, without making
    /// the array: the highlighter compares every word it reads this way).
    func term(_ id: Int, hasUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        for value in scalars(of: id) {
            if value < 0x80 {
                guard i < bytes.count, bytes[i] == UInt8(value) else { return false }
                i += 1
            } else if let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) {
                for byte in encoded {
                    guard i < bytes.count, bytes[i] == byte else { return false }
                    i += 1
                }
            }
        }
        return i == bytes.count
    }

    /// The ids of the terms starting with `prefix`.
    func prefixRange(_ prefix: [UInt32]) -> Range<Int> {
        terms(startingWith: prefix, exactly: false)
    }

    /// The ids of the terms that start with `string` (`exactly`: the id of the term that is
    /// `string`, or an empty range), searched within the run of its first two characters.
    func terms(startingWith string: some Collection<UInt32>, exactly: Bool) -> Range<Int> {
        guard let first = string.first else { return exactly ? search(string, from: 0, within: 0..<count, exactly: true) : 0..<count }
        guard let k = characterRuns.firstRun(of: first) else { return 0..<0 }
        return terms(inFirstCharacterRun: k, followedBy: string.dropFirst(), exactly: exactly)
    }

    /// The ids of the terms of first-character run `k` whose scalars after the first start with
    /// `tail` (`exactly`: are `tail`, at most one id).
    func terms(inFirstCharacterRun k: Int, followedBy tail: some Collection<UInt32>, exactly: Bool) -> Range<Int> {
        guard let second = tail.first else { return search(tail, from: 1, within: characterRuns.firsts[k].ids, exactly: exactly) }
        guard let s = characterRuns.secondRun(second, inFirstRun: k) else { return 0..<0 }
        return search(tail.dropFirst(), from: 2, within: characterRuns.seconds[s].ids, exactly: exactly)
    }

    /// `prefixRange(_:from:within:)`, or `exactTerm`'s id as a range.
    func search(_ string: some Collection<UInt32>, from offset: Int, within ids: Range<Int>, exactly: Bool) -> Range<Int> {
        guard exactly else { return prefixRange(string, from: offset, within: ids) }
        return exactTerm(string, from: offset, within: ids).map { $0..<$0 + 1 } ?? 0..<0
    }

    /// The end of the run of terms starting with `prefix[0..<length]`, given that term `id`
    /// does: the first term after `id` that does not. Found by galloping from `id` (steps of 1,
    /// 2, 4, … then a binary search), as the runs the typo search skips are mostly short.
    func endOfPrefix(_ prefix: UnsafeBufferPointer<UInt32>, length: Int, from id: Int) -> Int {
        precondition(length <= prefix.count, "prefix shorter than its length")
        func hasPrefix(_ id: Int) -> Bool {
            let term = scalars(of: id)
            guard term.count >= length else { return false }
            for i in 0..<length where term[i] != prefix[i] { return false }
            return true
        }
        // Terms `id ..< known` start with the prefix; sorted, those that do form one run.
        var known = id + 1
        var step = 1
        var probe = id + 1
        while probe < count && hasPrefix(probe) {
            known = probe + 1
            step *= 2
            probe = id + step
        }
        var low = known, high = min(probe, count)
        while low < high {
            let mid = (low + high) / 2
            if hasPrefix(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The ids within `ids` of the terms whose scalars from `offset` on start with `prefix`,
    /// given that every term of `ids` has the same first `offset` scalars (sorted, they then
    /// are sorted by the rest).
    func prefixRange(_ prefix: some Collection<UInt32>, from offset: Int, within ids: Range<Int>) -> Range<Int> {
        let lower = firstNotBefore(prefix, from: offset, within: ids)
        var low = lower, high = ids.upperBound
        while low < high {
            let mid = (low + high) / 2
            if compare(mid, from: offset, with: prefix) <= 0 { low = mid + 1 } else { high = mid }
        }
        return lower..<low
    }

    /// The id within `ids` of the term whose scalars from `offset` on are exactly `rest`, if
    /// any (`ids` as for `prefixRange`). One binary search: such a term is the first of those
    /// starting with `rest`, as a string sorts before the strings it is a prefix of.
    func exactTerm(_ rest: some Collection<UInt32>, from offset: Int, within ids: Range<Int>) -> Int? {
        let id = firstNotBefore(rest, from: offset, within: ids)
        guard id < ids.upperBound, scalars(of: id).count == offset + rest.count,
              compare(id, from: offset, with: rest) == 0 else { return nil }
        return id
    }

    /// The first id within `ids` whose term's scalars from `offset` on do not sort before
    /// `prefix` (start with it or sort after it); `ids.upperBound` when there is none.
    private func firstNotBefore(_ prefix: some Collection<UInt32>, from offset: Int, within ids: Range<Int>) -> Int {
        var low = ids.lowerBound, high = ids.upperBound
        while low < high {
            let mid = (low + high) / 2
            if compare(mid, from: offset, with: prefix) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// -1, 0 or 1 as the scalars of term `id` from `offset` on sort before, start with or sort
    /// after `prefix`.
    @inline(__always)
    private func compare(_ id: Int, from offset: Int, with prefix: some Collection<UInt32>) -> Int {
        let term = scalars(of: id)
        var i = offset
        for q in prefix {
            if i >= term.count { return -1 }
            if term[i] != q { return term[i] < q ? -1 : 1 }
            i += 1
        }
        return 0
    }

    /// The id of exactly `term`, if indexed.
    func lookup(_ term: [UInt32]) -> Int? {
        let found = terms(startingWith: term, exactly: true)
        return found.isEmpty ? nil : found.lowerBound
    }

    /// The ids of the indexed terms sharing `term`'s stem, and of the stem itself when indexed.
    func stemVariants(of term: String) -> [Int] {
        let stem = LightStemmer.stem(term)
        var result = stemGroups.members(of: stem).map { Int($0) }
        if let id = lookup(stem.unicodeScalars.map(\.value)), !result.contains(id) { result.append(id) }
        return result
    }

    var memoryEstimate: Int {
        scalars.count * 4 + starts.count * 4 + stemGroups.memoryEstimate
            + characterRuns.memoryEstimate
    }
}

/// Stems (sorted by UTF-8 bytes) with the ids of their terms: those of stem `k` are
/// `members[memberStart[k] ..< memberStart[k + 1]]`.
///
/// Invariants (checked when read from a snapshot): `memberStart` has `stems.count + 1`
/// non-decreasing entries from 0 to `members.count`; every member is a term id.
struct StemGroups: Sendable, Equatable {
    let stems: StringColumn
    let memberStart: Column<UInt32>
    let members: Column<UInt32>

    init(stems: StringColumn, memberStart: Column<UInt32>, members: Column<UInt32>) {
        self.stems = stems
        self.memberStart = memberStart
        self.members = members
    }

    init(_ groups: [String: [UInt32]]) {
        let stems = StringColumn.sortedByBytes(groups.keys)
        var starts: [UInt32] = [0]
        var members: [UInt32] = []
        for stem in stems {
            members += groups[stem] ?? []
            starts.append(UInt32(members.count))
        }
        self.init(stems: StringColumn(stems), memberStart: Column(starts), members: Column(members))
    }

    func members(of stem: String) -> Slice<Column<UInt32>> {
        guard let k = stems.sortedIndex(of: stem) else { return members[0..<0] }
        return members[Int(memberStart[k])..<Int(memberStart[k + 1])]
    }

    var memoryEstimate: Int { stems.bytes.count + stems.count * 8 + members.count * 4 }
}

/// The lengths, in scalars, of a set of terms, as one bit a length; every length from 63 on
/// shares the last bit. It can only say that no term has a length, never that one has.
struct LengthSet: Sendable, Equatable {
    private var bits: UInt64 = 0

    mutating func insert(_ length: Int) {
        bits |= 1 << UInt64(min(max(length, 0), 63))
    }

    mutating func formUnion(_ other: LengthSet) {
        bits |= other.bits
    }

    /// False when no term of the set has `length` scalars.
    func mayHold(length: Int) -> Bool {
        bits & (1 << UInt64(min(max(length, 0), 63))) != 0
    }

    /// False when no term of the set has `length` scalars or more.
    func mayHold(lengthAtLeast length: Int) -> Bool {
        bits >> UInt64(min(max(length, 0), 63)) != 0
    }
}
