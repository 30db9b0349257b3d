/// The bytes of one fixture file, with the name its problems should show.
///
/// Lets the loader run on data in memory (tests, data received some other way) exactly as it
/// runs on a folder.
public struct FixtureFile: Sendable {
    /// What a fixture file holds; each kind has its own file name.
    public enum Kind: String, CaseIterable, Sendable {
        case sectors, organizations, news

        /// `sectors.json`, `organizations.json` or `news.json`.
        public var fileName: String { rawValue + ".json" }
    }

    public var kind: Kind
    /// The name shown in problems, e.g. `fixtures/news.json`.
    public var name: String
    public var bytes: [UInt8]

    public init(kind: Kind, name: String? = nil, bytes: [UInt8]) {
        self.kind = kind
        self.name = name ?? kind.fileName
        self.bytes = bytes
    }

    public init(kind: Kind, name: String? = nil, text: String) {
        self.init(kind: kind, name: name, bytes: Array(text.utf8))
    }
}
