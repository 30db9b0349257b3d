import Catalog
import Foundation
import UserState

/// How `show` prints what the person recorded about an item: a "Your state" section in text,
/// a `state` object in JSON.
enum StateText {
    static func lines(_ state: ItemState, width: Int) -> [String] {
        var text = DetailText(width: width)
        text.section("Your state")
        text.field("Read", state.readAt.map(UserStateAccess.describe) ?? "no", indent: 2)
        text.field("Starred", state.starredAt.map(UserStateAccess.describe) ?? "no", indent: 2)
        if let note = state.note {
            text.line("Note:")
            text.paragraph(note, indent: 4)
        } else {
            text.field("Note", "none", indent: 2)
        }
        return text.lines
    }

    /// `"state": {"read": true, "readAt": "2026-12-01T14:05:30Z", "starred": false, "note": "…"}`;
    /// absent times and note are left out.
    static func write(_ state: ItemState, into json: inout JSONWriter) {
        json.key("state")
        json.beginObject()
        json.key("read")
        json.bool(state.isRead)
        json.field("readAt", state.readAt.map(timestamp))
        json.key("starred")
        json.bool(state.isStarred)
        json.field("starredAt", state.starredAt.map(timestamp))
        json.field("note", state.note)
        json.endObject()
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
