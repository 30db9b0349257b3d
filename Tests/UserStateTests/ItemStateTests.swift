import Foundation
import Testing
@testable import UserState

@Suite("ItemState merging and the JSON archive")
struct ItemStateTests {
    @Test("merging keeps the later time of each mark and either side's mark")
    func mergeMarks() {
        let mine = ItemState(readAt: Times.first, starredAt: nil)
        let theirs = ItemState(readAt: Times.second, starredAt: Times.first)
        #expect(mine.merged(with: theirs) == ItemState(readAt: Times.second, starredAt: Times.first))
        #expect(theirs.merged(with: mine) == ItemState(readAt: Times.second, starredAt: Times.first))
    }

    @Test("notes: one side's alone, the longer when one holds the other, else both")
    func mergeNotes() {
        func merged(_ a: String?, _ b: String?) -> String? { ItemState(note: a).merged(with: ItemState(note: b)).note }
        #expect(merged(nil, "theirs") == "theirs")
        #expect(merged("mine", nil) == "mine")
        #expect(merged("ask BDT", "ask BDT") == "ask BDT")
        #expect(merged("ask BDT", "ask BDT about members") == "ask BDT about members")
        #expect(merged("mine", "theirs") == "mine\n\ntheirs")
        #expect(merged("mine\n\ntheirs", "theirs") == "mine\n\ntheirs")
    }

    @Test("an export reads back as the same states, milliseconds included, items sorted")
    func archiveRoundTrip() throws {
        let states: [ItemKey: ItemState] = [
            ItemKey(.organization, "itso"): ItemState(starredAt: Times.second.addingTimeInterval(0.25)),
            ItemKey(.news, "b"): ItemState(readAt: Times.first, note: "line one\nline \"two\""),
            ItemKey(.news, "a"): ItemState(readAt: Times.third),
        ]
        let data = try StateArchive.encode(states)
        #expect(try StateArchive.decode(data) == states)
        let text = String(decoding: data, as: UTF8.self)
        let a = try #require(text.range(of: "\"id\" : \"a\""))
        let b = try #require(text.range(of: "\"id\" : \"b\""))
        let itso = try #require(text.range(of: "\"id\" : \"itso\""))
        #expect(a.lowerBound < b.lowerBound && b.lowerBound < itso.lowerBound)
        #expect(text.contains("\"starred_at\" : \"2023-11-14T22:23:20.250Z\""))
    }

    @Test("a file that is not an export names what is wrong and where")
    func archiveErrors() {
        func problem(_ json: String) -> String? {
            do {
                _ = try StateArchive.decode(Data(json.utf8))
                return nil
            } catch {
                return (error as? StateStoreError)?.description
            }
        }
        #expect(problem("{not json") == "not JSON: the text is not valid JSON")
        #expect(problem(#"{"format":"other","version":1,"items":[]}"#) == #"format: "other" is not "itu-browser-state""#)
        #expect(problem(#"{"format":"itu-browser-state","version":9,"items":[]}"#)
            == "version: 9 is newer than this itu-browser reads (1)")
        #expect(problem(#"{"format":"itu-browser-state","version":1,"items":[{"type":"news"}]}"#) == "items[0].id: missing")
        #expect(problem(#"{"format":"itu-browser-state","version":1,"items":[{"type":"news","id":"a","read_at":"yesterday"}]}"#)?
            .hasPrefix("items[0].read_at: \"yesterday\" is not an ISO 8601 time") == true)
        #expect(problem(#"{"format":"itu-browser-state","version":1,"items":[{"type":"sector","id":"ITU-D"}]}"#)?
            .hasPrefix("items[0].type:") == true)
    }
}
