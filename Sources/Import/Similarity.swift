import Catalog
import TextSearch

/// When a new item repeats one the catalog has: the rule `import` documents.
///
/// Two items are near duplicates when their dates are at most one day apart and either their
/// titles share at least 60 % of their words or their bodies share at least 70 % of theirs
/// (Jaccard similarity of the sets of folded words, as the search analyzer folds them).
public enum Similarity {
    public static let titleThreshold = 0.6
    public static let bodyThreshold = 0.7
    public static let maximumDaysApart = 1

    /// The Jaccard similarity of the folded word sets of two texts (1 when both have no words).
    public static func words(_ a: String, _ b: String) -> Double {
        jaccard(TextFolding.termHashes(of: a), TextFolding.termHashes(of: b))
    }

    /// The Jaccard similarity of two sorted sets of term hashes (see `TextFolding.termHashes`).
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let shared = sharedCount(a, b, enough: nil)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Whether `jaccard(a, b) >= threshold`, found without always walking both sets: the walk
    /// stops as soon as enough terms are shared, or when the terms left can no longer make enough.
    static func reaches(_ a: [UInt64], _ b: [UInt64], _ threshold: Double) -> Bool {
        if a.isEmpty && b.isEmpty { return 1 >= threshold }
        guard let needed = sharedNeeded(a.count, b.count, threshold) else { return false }
        return sharedCount(a, b, enough: needed) >= needed
    }

    /// The number of terms two sorted sets share; with `enough`, counted only until `enough` are
    /// found (then `enough`) or the terms left cannot make `enough` (then less than `enough`).
    private static func sharedCount(_ a: [UInt64], _ b: [UInt64], enough: Int?) -> Int {
        let enough = enough ?? min(a.count, b.count)
        let countsAll = enough == min(a.count, b.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var (i, j, shared) = (0, 0, 0)
                while i < a.count && j < b.count && shared < enough
                        && (countsAll || shared + min(a.count - i, b.count - j) >= enough) {
                    if a[i] == b[j] {
                        shared += 1
                        i += 1
                        j += 1
                    } else if a[i] < b[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return shared
            }
        }
    }

    /// The fewest shared terms that give two sets of these sizes (not both empty) a Jaccard
    /// similarity of at least `threshold`, as `jaccard` computes it; nil when no number does.
    /// The similarity only grows with the number shared, so the first number that reaches the
    /// threshold is the one.
    static func sharedNeeded(_ a: Int, _ b: Int, _ threshold: Double) -> Int? {
        let most = min(a, b)
        let union = a + b
        // An estimate a little low, then counted up with the very division `jaccard` makes.
        var shared = max(0, Int((threshold * Double(union) / (1 + threshold)).rounded(.down)) - 1)
        while shared <= most {
            if Double(shared) / Double(union - shared) >= threshold { return shared }
            shared += 1
        }
        return nil
    }

    /// Whether two sets of these sizes could reach `threshold` at all: the smaller must hold at
    /// least that share of the larger.
    static func sizesAllow(_ a: Int, _ b: Int, _ threshold: Double) -> Bool {
        Double(min(a, b)) >= threshold * Double(max(a, b))
    }

    /// Days since 1970-01-01 of a full date (the first of the month or year for partial ones).
    public static func dayNumber(_ date: PartialDate) -> Int {
        let (y0, m, d) = (date.year, date.month ?? 1, date.day ?? 1)
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
