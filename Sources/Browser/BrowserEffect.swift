/// Work that `Browser.update` asks the run loop to do, like a Bubble Tea `Cmd`: the Browser
/// itself performs no I/O. The run loop answers with `BrowserEvent`s (new marks, a message,
/// a reloaded catalog).
public enum BrowserEffect: Hashable, Sendable {
    /// Record the item as read or unread.
    case setRead(ItemReference, Bool)
    /// Star or unstar the item.
    case setStarred(ItemReference, Bool)
    /// Let the person edit the item's note (in their editor), starting from `current`.
    case editNote(ItemReference, current: String?)
    /// Open an address in the person's web browser.
    case openURL(String)
    /// Copy an address to the clipboard (the terminal's OSC 52).
    case copyURL(String)
    /// Load the fixtures again and rebuild the search index.
    case reload
}
