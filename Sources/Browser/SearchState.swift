import CatalogSearch

/// An active search: the query line, the latest results, the position in them, and where to
/// return when the search is closed.
struct SearchState: Sendable {
    var query: QueryLine
    /// True while the query line has the keyboard.
    var isEditing = true
    /// Nil until the first non-empty query ran.
    var results: CatalogSearchResults?
    var position = ListPosition()
    /// Everything as it was before `/`, restored exactly by Esc.
    var returnPoint: Navigation

    var selectedHit: CatalogSearchHit? {
        hits.indices.contains(position.selection) ? hits[position.selection] : nil
    }

    var hits: [CatalogSearchHit] { results?.hits ?? [] }
}

extension CatalogSearchHit {
    var detailTarget: DetailTarget {
        switch type {
        case .news: return .news(id)
        case .organization: return .organization(id)
        case .sector: return .sector(id)
        }
    }
}
