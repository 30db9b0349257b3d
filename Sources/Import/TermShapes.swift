/// A set of terms known only by their first byte and length (up to 63 bytes; longer ones
/// count as 63): a term not in it is surely not one of the terms it was made from.
struct TermShapes: Sendable {
    /// One bit per length, for each first byte.
    private var lengths = [UInt64](repeating: 0, count: 256)

    init(_ terms: some Sequence<String>) {
        for term in terms {
            guard let first = term.utf8.first else { continue }
            lengths[Int(first)] |= TermShapes.bit(term)
        }
    }

    func mayContain(_ term: String) -> Bool {
        guard let first = term.utf8.first else { return false }
        return lengths[Int(first)] & TermShapes.bit(term) != 0
    }

    private static func bit(_ term: String) -> UInt64 { 1 << UInt64(min(term.utf8.count, 63)) }
}
