import CLibXML2
import Foundation

/// A document parsed by libxml2, HTML or XML, with the safety limits of untrusted input.
///
/// - XML is read with `XML_PARSE_NONET` and without `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`:
///   no external entity or DTD is ever fetched or read, and entities are not substituted by the
///   parser. `XML_PARSE_HUGE` is not set, so libxml2's own limits stay on: nesting depth 256,
///   a text node at most 10 MB, and its entity-loop detection ("billion laughs").
/// - Internal entities are expanded only when text is read (`MarkupNode.text`), within
///   `MarkupDocument.entityExpansionLimit` characters for the whole document.
/// - Any XML error is fatal and reported as `source:line:column: message`. HTML is recovered
///   the way browsers do; only a page libxml2 cannot read at all is an error.
final class MarkupDocument {
    enum Kind { case html, xml }

    /// The most characters that entity references may add to a document's text.
    static let entityExpansionLimit = 1_000_000
    /// The deepest element nesting read; libxml2 stops XML at the same depth.
    static let depthLimit = 256

    let pointer: xmlDocPtr
    let source: String
    /// Characters added by entity expansion so far.
    var expandedCharacters = 0

    private init(pointer: xmlDocPtr, source: String) {
        self.pointer = pointer
        self.source = source
    }

    deinit { xmlFreeDoc(pointer) }

    /// Parses `bytes`; `source` names the input in messages.
    static func parse(_ bytes: [UInt8], kind: Kind, source: String) throws(ImportFailure) -> MarkupDocument {
        xmlInitParser()
        switch kind {
        case .xml: return try parseXML(bytes, source: source)
        case .html: return try parseHTML(bytes, source: source)
        }
    }

    private static func parseXML(_ bytes: [UInt8], source: String) throws(ImportFailure) -> MarkupDocument {
        guard let context = xmlNewParserCtxt() else { throw ImportFailure(source: source, message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        // The parser goes on after the first error and reports the ones that follow from it;
        // the first is the one to show.
        // The storage is made here, not in the callback: libxml2 parses entity content in
        // inner contexts that share the callback (and this `_private`) and are freed on their own.
        let firstErrorStorage = UnsafeMutablePointer<xmlError>.allocate(capacity: 1)
        firstErrorStorage.initialize(to: xmlError())
        context.pointee._private = UnsafeMutableRawPointer(firstErrorStorage)
        context.pointee.sax.pointee.serror = recordFirstError
        defer {
            xmlResetError(firstErrorStorage)
            firstErrorStorage.deallocate()
            context.pointee._private = nil
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, nil, options)
                }
            }
        }
        let firstError = firstErrorStorage.pointee.code != 0 ? firstErrorStorage : nil
        if let error = firstError ?? xmlCtxtGetLastError(context), error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
            || document == nil || context.pointee.wellFormed == 0 {
            if let document { xmlFreeDoc(document) }
            throw failure(from: firstError ?? xmlCtxtGetLastError(context), source: source)
        }
        guard let document else { throw ImportFailure(source: source, message: "not an XML document") }
        return MarkupDocument(pointer: document, source: source)
    }

    private static func parseHTML(_ bytes: [UInt8], source: String) throws(ImportFailure) -> MarkupDocument {
        guard let context = htmlNewParserCtxt() else { throw ImportFailure(source: source, message: "out of memory") }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue)
        // Without a declared charset libxml2 assumes ISO-8859-1; pages today are UTF-8.
        let encoding: String? = declaresCharset(bytes) || !isValidUTF8(bytes) ? nil : "UTF-8"
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    if let encoding {
                        return htmlCtxtReadMemory(context, chars, Int32(clamping: buffer.count), nil, encoding, options)
                    }
                    return htmlCtxtReadMemory(context, chars, Int32(clamping: buffer.count), nil, nil, options)
                }
            }
        }
        guard let document else {
            throw failure(from: xmlCtxtGetLastError(context), source: source)
        }
        return MarkupDocument(pointer: document, source: source)
    }

    private static func failure(from error: UnsafeMutablePointer<xmlError>?, source: String) -> ImportFailure {
        guard let error, let text = error.pointee.message else {
            return ImportFailure(source: source, message: "not a readable document")
        }
        var message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        if error.pointee.code == XML_ERR_ENTITY_LOOP.rawValue || message.contains("amplification") {
            message = "entity expansion exceeds the parser's limit (a \"billion laughs\" document?): " + message
        }
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        return ImportFailure(source: source, line: line > 0 ? line : nil, column: column > 0 ? column : nil, message: message)
    }

    /// Whether the first 2 KB declare a character set (`<meta charset=…>` or `charset=` in a content type).
    /// The word is looked for byte by byte, its ASCII letters in either case (no other
    /// character lower-cases to one of them).
    private static func declaresCharset(_ bytes: [UInt8]) -> Bool {
        let word = Array("charset".utf8)
        let head = bytes.prefix(2048)
        guard head.count >= word.count else { return false }
        return (0...(head.count - word.count)).contains { start in
            word.indices.allSatisfy { head[start + $0] | 0x20 == word[$0] }
        }
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The root element.
    var root: MarkupNode? {
        xmlDocGetRootElement(pointer).map { MarkupNode(pointer: $0, document: self) }
    }
}

/// Keeps a copy of the first error libxml2 reports for a parser context in the storage its
/// `_private` field points to (libxml2 passes the context as `userData`).
private let recordFirstError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let storage = context.pointee._private?.assumingMemoryBound(to: xmlError.self), storage.pointee.code == 0,
          error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    _ = xmlCopyError(error, storage)
}
