import Foundation

/// The JSON form of the state that `itu-browser state export` writes and `state import` reads:
///
/// ```json
/// {"format": "itu-browser-state", "version": 1, "items": [
///   {"type": "news", "id": "…", "read_at": "2026-12-01T14:05:30.250Z", "starred_at": null, "note": "…"}]}
/// ```
///
/// Times are ISO 8601 in UTC with milliseconds; items are sorted by type and id, so two exports
/// of the same state are byte for byte the same.
public enum StateArchive {
    public static let format = "itu-browser-state"
    public static let version = 1

    private struct File: Codable {
        var format: String
        var version: Int
        var items: [Item]
    }

    private struct Item: Codable {
        var type: ItemKind
        var id: String
        var readAt: Date?
        var starredAt: Date?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case type, id, note
            case readAt = "read_at"
            case starredAt = "starred_at"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(readAt, forKey: .readAt)
            try container.encode(starredAt, forKey: .starredAt)
            try container.encode(note, forKey: .note)
        }
    }

    public static func encode(_ states: [ItemKey: ItemState]) throws -> Data {
        let items = states.keys.sorted().compactMap { key -> Item? in
            guard let state = states[key], !state.isEmpty else { return nil }
            return Item(type: key.kind, id: key.id, readAt: state.readAt, starredAt: state.starredAt, note: state.note)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(precise.format(date))
        }
        var data = try encoder.encode(File(format: format, version: version, items: items))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads an export; a file that is not one gives a `StateStoreError` naming what is wrong
    /// and where (`items[3].read_at: …`).
    public static func decode(_ data: Data) throws -> [ItemKey: ItemState] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = (try? precise.parse(text)) ?? (try? whole.parse(text)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO 8601 time such as 2026-12-01T14:05:30Z")
            }
            return date
        }
        let file: File
        do {
            file = try decoder.decode(File.self, from: data)
        } catch let error as DecodingError {
            throw StateStoreError(describe(error))
        } catch {
            throw StateStoreError("not JSON: \(error.localizedDescription)")
        }
        guard file.format == format else {
            throw StateStoreError("format: \"\(file.format)\" is not \"\(format)\"")
        }
        guard file.version <= version else {
            throw StateStoreError("version: \(file.version) is newer than this itu-browser reads (\(version))")
        }
        var states: [ItemKey: ItemState] = [:]
        for item in file.items {
            let key = ItemKey(item.type, item.id)
            let state = ItemState(readAt: item.readAt, starredAt: item.starredAt, note: item.note)
            states[key] = states[key].map { $0.merged(with: state) } ?? state
        }
        return states
    }

    /// `2026-12-01T14:05:30.250Z`, as written; `whole` also reads times without milliseconds.
    private static let precise = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the file" : text
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not JSON: the text is not valid JSON" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a state export"
        }
    }
}
