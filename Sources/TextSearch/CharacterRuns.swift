/// The terms of a sorted dictionary grouped by their first character, and within each first
/// character by their second: the runs a lookup narrows its binary search to, and the runs the
/// typo search reads for an edit of a word's first character.
///
/// A binary search over every term reads a dozen terms or more, each a trip to memory when
/// cold; the runs are a few kilobytes, and a run of two characters holds a few terms.
///
/// Invariants: `firsts` and `seconds` are in id order and each run is at least one term long;
/// a first run's `seconds` index its second runs, which lie within its ids; `bySecondCharacter`
/// holds every index of `seconds` once, ordered by second character, then index. A dictionary
/// that is not sorted (a hostile snapshot's) gives more runs and wrong lookups, never an
/// endless walk or a read out of bounds.
struct CharacterRuns: Sendable {
    /// The terms sharing a first character.
    struct FirstRun: Sendable {
        let character: UInt32
        let ids: Range<Int>
        /// The lengths of its terms.
        let lengths: LengthSet
        /// Its second runs, as indices into `seconds`.
        let seconds: Range<Int>
    }

    /// The terms sharing their first two characters (a term of one character is in none).
    struct SecondRun: Sendable {
        let first: UInt32
        let character: UInt32
        let ids: Range<Int>
        /// The lengths of its terms.
        let lengths: LengthSet
    }

    let firsts: [FirstRun]
    let seconds: [SecondRun]
    /// The indices of `seconds`, ordered by second character, then index.
    private let bySecondCharacter: [UInt32]

    /// No runs: a dictionary's before they are found.
    static let none = CharacterRuns(firsts: [], seconds: [], bySecondCharacter: [])

    private init(firsts: [FirstRun], seconds: [SecondRun], bySecondCharacter: [UInt32]) {
        self.firsts = firsts
        self.seconds = seconds
        self.bySecondCharacter = bySecondCharacter
    }

    /// The runs of `dictionary`'s terms, found by galloping from run to run.
    init(of dictionary: TermDictionary) {
        var firsts: [FirstRun] = []
        var seconds: [SecondRun] = []
        var id = 0
        while id < dictionary.count {
            let head = dictionary.scalars(of: id)
            guard let first = head.first else {
                id += 1
                continue
            }
            let end = dictionary.endOfPrefix(head, length: 1, from: id)
            let secondsStart = seconds.count
            var lengths = LengthSet()
            var twoStart = id
            while twoStart < end {
                let term = dictionary.scalars(of: twoStart)
                guard term.count >= 2 else {
                    lengths.insert(term.count)
                    twoStart += 1
                    continue
                }
                let twoEnd = min(dictionary.endOfPrefix(term, length: 2, from: twoStart), end)
                var twoLengths = LengthSet()
                for t in twoStart..<twoEnd { twoLengths.insert(dictionary.length(of: t)) }
                lengths.formUnion(twoLengths)
                seconds.append(SecondRun(first: first, character: term[1], ids: twoStart..<twoEnd, lengths: twoLengths))
                twoStart = twoEnd
            }
            firsts.append(FirstRun(character: first, ids: id..<end, lengths: lengths, seconds: secondsStart..<seconds.count))
            id = end
        }
        self.firsts = firsts
        self.seconds = seconds
        bySecondCharacter = seconds.indices.sorted { (seconds[$0].character, $0) < (seconds[$1].character, $1) }
            .map { UInt32(truncatingIfNeeded: $0) }
    }

    /// The index in `firsts` of the run of terms starting with `character`, if any.
    func firstRun(of character: UInt32) -> Int? {
        let k = firsts.indices.partitionPoint { firsts[$0].character < character }
        return k < firsts.count && firsts[k].character == character ? k : nil
    }

    /// The index in `seconds` of first run `k`'s run of terms whose second character is `character`, if any.
    func secondRun(_ character: UInt32, inFirstRun k: Int) -> Int? {
        let range = firsts[k].seconds
        let s = range.partitionPoint { seconds[$0].character < character }
        return s < range.upperBound && seconds[s].character == character ? s : nil
    }

    /// Calls `body` with each run of terms whose second character is `character`, in id order.
    func forEachRun(withSecondCharacter character: UInt32, _ body: (SecondRun) -> Void) {
        var i = bySecondCharacter.indices.partitionPoint { seconds[Int(bySecondCharacter[$0])].character < character }
        while i < bySecondCharacter.count, seconds[Int(bySecondCharacter[i])].character == character {
            body(seconds[Int(bySecondCharacter[i])])
            i += 1
        }
    }

    var memoryEstimate: Int {
        firsts.count * MemoryLayout<FirstRun>.stride + seconds.count * (MemoryLayout<SecondRun>.stride + 4)
    }
}
