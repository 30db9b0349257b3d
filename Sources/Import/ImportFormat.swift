/// The kinds of source `import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    case pressRelease = "press-release"
    case html
    case rss
    case atom

    /// Tells the format from the content, never the name: markup whose first element is
    /// `<rss>` or `<rdf:RDF>` is RSS, `<feed>` is Atom, any other markup is HTML, and text that
    /// does not begin with `<` is a press release.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return .pressRelease }
        // Skip the XML declaration, comments, processing instructions and the doctype.
        while index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            let rest = bytes[index...]
            if rest.starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: index) else { return .html }
                index = end + 3
            } else if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!".utf8)) {
                guard let end = declarationEnd(bytes, from: index) else { return .html }
                index = end + 1
            } else {
                let nameStart = index + 1
                var nameEnd = nameStart
                while nameEnd < bytes.count, !([0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[nameEnd])) {
                    nameEnd += 1
                }
                let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
                let local = name.split(separator: ":").last.map(String.init) ?? name
                switch local {
                case "rss", "rdf": return .rss
                case "feed": return .atom
                default: return .html
                }
            }
            skipSpace()
        }
        return index < bytes.count ? .pressRelease : .html
    }

    /// The `>` that ends a declaration begun at `start`, past a doctype's internal subset
    /// (`[ … ]`) and quoted values.
    private static func declarationEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var quote: UInt8?
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ">") && depth <= 0 {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
