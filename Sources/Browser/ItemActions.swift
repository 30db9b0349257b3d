import Catalog
import Screen

/// The keys that act on one item — star, read, note, open and copy its address — and the
/// marks as they come back from the run loop. Each change is made here at once (so the screen
/// answers the key) and handed to the run loop as an effect to record.
extension Browser {
    /// The item the item keys act on: the open detail, else the selected row or result.
    static func currentTarget(_ state: BrowserState) -> DetailTarget? {
        state.navigation.currentDetail?.target ?? selectedTarget(state)
    }

    static func toggleStar(_ state: inout BrowserState) {
        toggle(\.isStarred, on: &state, effect: BrowserEffect.setStarred, messages: ("★ starred", "unstarred"))
    }

    static func toggleRead(_ state: inout BrowserState) {
        toggle(\.isRead, on: &state, effect: BrowserEffect.setRead, messages: ("marked read", "marked unread"))
    }

    /// Flips one mark of the current item, asks the run loop to record it, and says so.
    private static func toggle(_ mark: WritableKeyPath<ItemMarks, Bool>, on state: inout BrowserState,
                               effect: (ItemReference, Bool) -> BrowserEffect, messages: (on: String, off: String)) {
        guard let item = markableItem(&state), writable(&state) else { return }
        var marks = state.marks(of: item)
        marks[keyPath: mark].toggle()
        setMarks(marks, of: item, on: &state)
        state.pendingEffects.append(effect(item, marks[keyPath: mark]))
        state.message = marks[keyPath: mark] ? messages.on : messages.off
    }

    static func editNote(_ state: inout BrowserState) {
        guard let item = markableItem(&state), writable(&state) else { return }
        state.pendingEffects.append(.editNote(item, current: state.marks(of: item).note))
    }

    static func openSource(_ state: inout BrowserState) {
        guard let address = sourceAddress(&state) else { return }
        state.pendingEffects.append(.openURL(address))
        state.message = "opening " + SafeText.sanitize(address)
    }

    static func copySource(_ state: inout BrowserState) {
        guard let address = sourceAddress(&state) else { return }
        state.pendingEffects.append(.copyURL(address))
        state.message = "copied to the clipboard (OSC 52): " + SafeText.sanitize(address)
    }

    static func requestReload(_ state: inout BrowserState) {
        state.pendingEffects.append(.reload)
        state.message = "reloading the fixtures…"
    }

    /// "state is read-only: <reason>", the status line's answer to any mark in read-only mode.
    static func readOnlyMessage(_ reason: String) -> String { "state is read-only: " + SafeText.sanitize(reason) }

    // MARK: Opening a news item marks it read

    /// When the event opened a news item (a new detail page, not the same one as before) that
    /// is unread, it becomes read. Nothing happens in read-only mode: opening is not a request.
    static func markOpenedNewsRead(openBefore: DetailTarget?, on state: inout BrowserState) {
        guard let target = state.navigation.currentDetail?.target, target != openBefore,
              case .news = target, let item = target.itemReference,
              state.marksReadOnlyReason == nil, !state.marks(of: item).isRead else { return }
        var marks = state.marks(of: item)
        marks.isRead = true
        setMarks(marks, of: item, on: &state)
        state.pendingEffects.append(.setRead(item, true))
    }

    // MARK: Marks from the run loop

    /// Takes the marks the state store holds now; details showing an item are laid out again.
    static func replaceMarks(_ marks: [ItemReference: ItemMarks], on state: inout BrowserState) {
        guard state.marks != marks else { return }
        state.marks = marks.filter { !$0.value.isEmpty }
        invalidateDetails(&state)
        if state.search?.results != nil { runSearch(&state, keepingSelection: true) }
    }

    private static func setMarks(_ marks: ItemMarks, of item: ItemReference, on state: inout BrowserState) {
        state.marks[item] = marks.isEmpty ? nil : marks
        invalidateDetails(&state)
    }

    /// Drops the laid-out detail documents so they are built again with the current marks.
    static func invalidateDetails(_ state: inout BrowserState) {
        for index in state.navigation.history.indices { state.navigation.history[index].document = nil }
        state.preview = nil
    }

    // MARK: Which item

    private static func markableItem(_ state: inout BrowserState) -> ItemReference? {
        guard let target = currentTarget(state) else {
            state.message = "nothing selected"
            return nil
        }
        guard let item = target.itemReference else {
            state.message = "Sectors cannot be starred, read or noted — choose a news item or an organization"
            return nil
        }
        return item
    }

    private static func writable(_ state: inout BrowserState) -> Bool {
        guard let reason = state.marksReadOnlyReason else { return true }
        state.message = readOnlyMessage(reason)
        return false
    }

    /// The web address of the current item: a news item's source, an organization's or a
    /// Sector's website (else the first of its sources that is a web address).
    private static func sourceAddress(_ state: inout BrowserState) -> String? {
        guard let target = currentTarget(state) else {
            state.message = "nothing selected"
            return nil
        }
        let catalog = state.catalog
        let candidates: [String?]
        switch target {
        case .news(let id): candidates = [catalog.newsItem(id: id)?.source]
        case .organization(let id):
            let organization = catalog.organization(id: id)
            candidates = [organization?.website] + (organization?.sources ?? [])
        case .sector(let id):
            let sector = catalog.sector(id: id)
            candidates = [sector?.website] + (sector?.sources ?? [])
        }
        guard let address = candidates.compactMap({ $0 }).first(where: isWebAddress) else {
            state.message = "no web address recorded for this item"
            return nil
        }
        return address
    }

    /// An http or https address with no spaces or control characters, safe to hand to a program.
    static func isWebAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), text.count > 8 else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
