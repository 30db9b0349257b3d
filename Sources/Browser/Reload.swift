import Catalog

/// Putting a reloaded catalog in place: every list keeps its selected item (found again by id)
/// at the same row on screen, the detail history and the query stay, and the status line says
/// what changed.
extension Browser {
    static func replaceCatalog(with reload: CatalogReload, on state: inout BrowserState) {
        let before = ListIDs(state)
        let unfacetedBefore = ListIDs(unfacetedOf: state.catalog)
        state.replaceCatalog(reload.catalog, searchIndex: reload.searchIndex)
        if let facet = state.navigation.facet, state.catalog.sector(id: facet) == nil {
            state.navigation.facet = nil
            state.navigation.positionsBeforeFacet = nil
        }
        applyFacet(&state)
        let after = ListIDs(state)
        relocate(&state.navigation, from: before, to: after, unfacetedFrom: unfacetedBefore, catalog: state.catalog)
        if var search = state.search {
            relocate(&search.returnPoint, from: before, to: after, unfacetedFrom: unfacetedBefore, catalog: state.catalog)
            state.search = search
        }
        invalidateDetails(&state)
        if state.search?.results != nil { runSearch(&state, keepingSelection: true) }
        let summary = reload.changes.summary
        if reload.isRequested {
            state.message = "reloaded: " + summary
        } else if !reload.changes.isEmpty {
            state.message = "fixtures changed: " + summary
        }
    }

    /// Moves each pane's position to the row of the item it had selected; an item that left
    /// leaves the selection at the same row number.
    private static func relocate(_ navigation: inout Navigation, from before: ListIDs, to after: ListIDs,
                                 unfacetedFrom unfacetedBefore: ListIDs, catalog: Catalog) {
        for pane in PaneKind.allCases {
            navigation[pane] = relocated(navigation[pane], from: before.ids(pane), to: after.ids(pane))
        }
        if let saved = navigation.positionsBeforeFacet {
            let unfacetedAfter = ListIDs(unfacetedOf: catalog)
            navigation.positionsBeforeFacet = PaneKind.allCases.map { pane in
                relocated(saved[pane.rawValue], from: unfacetedBefore.ids(pane), to: unfacetedAfter.ids(pane))
            }
        }
    }

    static func relocated(_ position: ListPosition, from old: Ids, to new: Ids) -> ListPosition {
        guard old.count > 0, new.count > 0 else { return ListPosition() }
        let selection = min(max(0, position.selection), old.count - 1)
        let id = old.id(selection)
        let index = new.firstIndex(of: id) ?? min(selection, new.count - 1)
        var moved = ListPosition()
        moved.selection = index
        // A list shown from its top stays so (items added above come into view); a scrolled
        // one keeps the selected item on the same row.
        moved.scroll = position.scroll == 0 ? 0 : max(0, index - (position.selection - position.scroll))
        return moved
    }

    /// The ids of one list, read from it by position without copying the list.
    struct Ids {
        let count: Int
        let id: (Int) -> String

        func firstIndex(of wanted: String) -> Int? {
            (0..<count).first { id($0) == wanted }
        }
    }

    /// The ids of the three lists as a state shows them (narrowed by its facet) or unnarrowed.
    private struct ListIDs {
        let organizations: [Organization]
        let sectors: [Sector]
        let news: NewsList

        init(_ state: BrowserState) {
            organizations = state.organizations
            sectors = state.catalog.sectors
            news = state.news
        }

        init(unfacetedOf catalog: Catalog) {
            organizations = catalog.organizations
            sectors = catalog.sectors
            news = catalog.news
        }

        func ids(_ pane: PaneKind) -> Ids {
            switch pane {
            case .organizations: return Ids(count: organizations.count) { [organizations] in organizations[$0].id }
            case .sectors: return Ids(count: sectors.count) { [sectors] in sectors[$0].id }
            case .news: return Ids(count: news.count) { [news] in news.id(at: $0) }
            }
        }
    }
}
