import Catalog
import TextSearch

/// A news item's title and body as `Similarity` compares them: their folded word sets, as sorted
/// term hashes (see `TextFolding.termHashes`).
struct WordSets: Hashable, Sendable {
    var title: [UInt64]
    var body: [UInt64]

    init(_ item: NewsItem) {
        title = TextFolding.termHashes(of: item.title)
        body = TextFolding.termHashes(of: item.body)
    }

    /// Whether two items are near duplicates by their words (`Similarity`'s rule, dates aside):
    /// the titles are checked first, the bodies only when the sizes of their sets allow it.
    func nearlyRepeat(_ other: WordSets) -> Bool {
        if Similarity.reaches(title, other.title, Similarity.titleThreshold) { return true }
        return Similarity.sizesAllow(body.count, other.body.count, Similarity.bodyThreshold)
            && Similarity.reaches(body, other.body, Similarity.bodyThreshold)
    }
}
