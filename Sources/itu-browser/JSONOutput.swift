import Catalog
import Foundation

/// Writes `--format json` documents to standard output.
///
/// `JSONWriter` escapes the C0 control characters; this also writes C1 controls, bidirectional
/// controls and the line/paragraph separators as `\uXXXX` escapes, so JSON shown on a terminal
/// cannot steer it either. The escapes decode to the same strings, so no data changes. Such
/// characters can only occur inside JSON strings, where an escape is always valid.
enum JSONOutput {
    /// Output is flushed whenever this many bytes have been written, so a huge list does not
    /// sit in memory twice.
    static let flushThreshold = 1 << 20

    static func write(_ document: (inout JSONWriter) -> Void) {
        var json = JSONWriter(prettyPrinted: true)
        document(&json)
        flush(&json)
    }

    /// One compact document on one line (for answering queries line by line).
    static func writeLine(_ document: (inout JSONWriter) -> Void) {
        var json = JSONWriter(prettyPrinted: false)
        document(&json)
        json.finishLine()
        flush(&json)
    }

    static func flushIfLarge(_ json: inout JSONWriter) {
        if json.bytes.count >= flushThreshold { flush(&json) }
    }

    static func flush(_ json: inout JSONWriter) {
        let bytes = JSONWriter.terminalSafe(json.takeBytes())
        fflush(nil)
        FileHandle.standardOutput.write(Data(bytes))
    }
}
