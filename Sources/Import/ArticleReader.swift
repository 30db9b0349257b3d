/// Reads the announcements of one source's bytes in a given or detected format.
public enum ArticleReader {
    /// The articles of `bytes`; `source` names the input in messages. `format` nil detects it.
    public static func read(_ bytes: [UInt8], format: ImportFormat?, source: String) throws(ImportFailure) -> [Article] {
        switch format ?? ImportFormat.detect(bytes) {
        case .pressRelease:
            var content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            content.removeAll { $0 == 0 }
            guard let text = String(validating: content, as: UTF8.self) else {
                throw ImportFailure(source: source, message: "not UTF-8 text (save the press release as UTF-8)")
            }
            return [try PressReleaseParser.parse(text, source: source)]
        case .html:
            return [try HTMLPageParser.parse(bytes, source: source)]
        case .rss, .atom:
            return try FeedParser.parse(bytes, source: source)
        }
    }
}
