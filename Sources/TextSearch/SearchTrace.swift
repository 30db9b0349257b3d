/// What one search did: the way the ranker chose the best documents and how much it read.
///
/// Not part of a result's value (two searches with equal hits are equal whatever their
/// traces): it lets tests check that each shortcut of `Ranker` really runs and that the work
/// of any query stays bounded.
struct SearchTrace: Sendable, Equatable {
    /// The ways `Ranker.top` selects the best documents (see the table there).
    enum Strategy: Sendable, Equatable {
        /// Nothing was ranked (no plan, or a limit of 0).
        case none
        case byDate
        case everyCandidate
        case singleWordWalk
        case singleWordDense
        case singleWordKept
        case allWordsDense
        case allWordsWalk
        case singlePhrase
    }

    var strategy = Strategy.none
    /// Query units (words and phrases) resolved against the dictionary.
    var units = 0
    /// Posting entries read, resolving units and ranking.
    var postingsRead = 0
    /// Ranking keys computed (a walk that reaches a document through several terms counts each).
    var documentsRanked = 0
    /// Terms a walk never visited, because no document of theirs could enter the top.
    var termsSkipped = 0
    /// Documents a walk dropped by their bound before evaluating their other words.
    var documentsSkipped = 0
}
