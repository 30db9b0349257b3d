import Foundation

/// What a person recorded about one item: when they read it, when they starred it, their note.
public struct ItemState: Equatable, Sendable {
    public var readAt: Date?
    public var starredAt: Date?
    public var note: String?

    public init(readAt: Date? = nil, starredAt: Date? = nil, note: String? = nil) {
        self.readAt = readAt
        self.starredAt = starredAt
        self.note = ItemState.normalizedNote(note)
    }

    public var isRead: Bool { readAt != nil }
    public var isStarred: Bool { starredAt != nil }
    public var hasNote: Bool { note != nil }
    /// True when nothing is recorded, so the item needs no row.
    public var isEmpty: Bool { readAt == nil && starredAt == nil && note == nil }

    /// A note as stored: nil when absent or only white space, else the text with its surrounding
    /// blank lines and spaces removed.
    static func normalizedNote(_ note: String?) -> String? {
        guard let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// This state combined with another one, as an import does: an item read or starred on
    /// either side stays so, with the later of the two times; notes that differ are both kept,
    /// this one first, separated by a blank line, unless one already contains the other (so
    /// importing the same file twice changes nothing).
    public func merged(with other: ItemState) -> ItemState {
        ItemState(readAt: ItemState.later(readAt, other.readAt),
                  starredAt: ItemState.later(starredAt, other.starredAt),
                  note: ItemState.mergedNote(note, other.note))
    }

    private static func later(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case let (a?, b?): return max(a, b)
        default: return a ?? b
        }
    }

    private static func mergedNote(_ mine: String?, _ theirs: String?) -> String? {
        guard let mine else { return theirs }
        guard let theirs else { return mine }
        if mine.contains(theirs) { return mine }
        if theirs.contains(mine) { return theirs }
        return mine + "\n\n" + theirs
    }
}
