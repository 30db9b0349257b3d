import Catalog
import TextSearch

/// A news item's title and body as `Similarity` compares them: their folded word sets, as sorted
/// term hashes (see `TextFolding.termHashes`), and the body's signature (see `WordSignature`).
struct WordSets: Hashable, Sendable {
    let title: [UInt64]
    let body: [UInt64]
    let bodySignature: WordSignature

    init(_ item: NewsItem) {
        self.init(title: TextFolding.termHashes(of: item.title), body: TextFolding.termHashes(of: item.body))
    }

    init(title: [UInt64], body: [UInt64]) {
        self.title = title
        self.body = body
        bodySignature = WordSignature(body)
    }

    /// Whether two items are near duplicates by their words (`Similarity`'s rule, dates aside):
    /// the titles are checked first; the bodies only when the sizes of their sets allow it and
    /// their signatures do not rule out sharing enough words.
    func nearlyRepeat(_ other: WordSets) -> Bool {
        if Similarity.reaches(title, other.title, Similarity.titleThreshold) { return true }
        guard Similarity.sizesAllow(body.count, other.body.count, Similarity.bodyThreshold) else { return false }
        if let needed = Similarity.sharedNeeded(body.count, other.body.count, Similarity.bodyThreshold),
           bodySignature.sharedAtMost(other.bodySignature) < needed {
            return false
        }
        return Similarity.reaches(body, other.body, Similarity.bodyThreshold)
    }
}
