import Foundation

/// Reads the articles of one source named on the command line: a file, `-` for standard
/// input, or an `http(s)://` address. Every source is held to the fetcher's size cap.
public struct SourceReader: Sendable {
    public var fetcher: SourceFetcher
    /// The format to read, or nil to tell it from the content.
    public var format: ImportFormat?

    public init(fetcher: SourceFetcher = SourceFetcher(), format: ImportFormat? = nil) {
        self.fetcher = fetcher
        self.format = format
    }

    /// The articles of `source`, each checked to have a title and a date.
    public func read(_ source: String) throws(ImportFailure) -> [SourceArticle] {
        try articles(of: fetch(source))
    }

    /// The bytes of `source`, within the cap, not yet parsed.
    public func fetch(_ source: String) throws(ImportFailure) -> FetchedSource {
        if SourceFetcher.isAddress(source) {
            return FetchedSource(bytes: try fetcher.fetch(source), name: source, address: source)
        } else if source == "-" {
            return FetchedSource(bytes: try readStandardInput(), name: "standard input")
        } else {
            return FetchedSource(bytes: try readFile(source), name: source,
                                 fileName: source.split(separator: "/").last.map(String.init) ?? source)
        }
    }

    /// The articles of a fetched source, in this reader's format (else the one its content
    /// shows), each checked to have a title and a date.
    public func articles(of source: FetchedSource) throws(ImportFailure) -> [SourceArticle] {
        let kind = format ?? ImportFormat.detect(source.bytes)
        let articles = try ArticleReader.read(source.bytes, format: kind, source: source.name)
        guard !articles.isEmpty else { throw ImportFailure(source: source.name, message: "no items to import") }
        let isFeed = kind == .rss || kind == .atom
        var result: [SourceArticle] = []
        for article in articles {
            result.append(try SourceArticle(article, sourceName: source.name, address: isFeed ? nil : source.address,
                                            fileName: isFeed && article.link != nil ? nil : source.fileName))
        }
        return result
    }

    private func readFile(_ path: String) throws(ImportFailure) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportFailure(source: path, message: "file not found", isUnreachable: true)
        }
        guard !isFolder.boolValue else { throw ImportFailure(source: path, message: "is a folder, not a file", isUnreachable: true) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure(source: path, message: "cannot read it", isUnreachable: true)
        }
        defer { try? handle.close() }
        return try readCapped(handle, name: path)
    }

    private func readStandardInput() throws(ImportFailure) -> [UInt8] {
        try readCapped(FileHandle.standardInput, name: "standard input")
    }

    private func readCapped(_ handle: FileHandle, name: String) throws(ImportFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 16)
            } catch {
                throw ImportFailure(source: name, message: "cannot read it: \(error.localizedDescription)", isUnreachable: true)
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > fetcher.maximumBytes {
                throw ImportFailure(source: name, message: fetcher.tooLargeMessage)
            }
        }
    }
}

/// A source's bytes as fetched or read, with the names its items are credited to.
public struct FetchedSource: Sendable {
    public var bytes: [UInt8]
    /// How problems name the source: the path, the address, or "standard input".
    public var name: String
    /// The address it was fetched from, for an `http(s)://` source.
    public var address: String?
    /// The file's name, for a file.
    public var fileName: String?

    public init(bytes: [UInt8], name: String, address: String? = nil, fileName: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.address = address
        self.fileName = fileName
    }
}
