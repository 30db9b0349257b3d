/// Turns byte offsets into 1-based line and column numbers, for messages.
///
/// Built only when a problem is shown: it scans for line breaks once and then answers each
/// offset with a binary search. Columns count Unicode scalars, so «Интерспутник» is 12
/// columns wide, not 24.
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Offsets where each line starts.
    private let lineStarts: [Int]

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        for byte in bytes[lineStart..<clamped] where byte & 0xC0 != 0x80 { column += 1 }
        return (low + 1, column)
    }
}

/// Turns byte offsets into 1-based line and column numbers in one pass from the start of a
/// file, placing the offsets wanted as the pass goes by, so that a reader may drop the bytes
/// the pass has gone through. Columns count Unicode scalars, as `LineIndex` does.
struct LineTracker {
    /// The bytes before this offset are counted.
    private(set) var scanned = 0
    private var line = 1
    private var column = 1
    /// The bytes before this offset are never dropped (all are, until a reader says otherwise).
    private var kept = Int.max
    private var placed: [Int: (line: Int, column: Int)] = [:]

    /// Counts the bytes up to `end` and places the `offsets` among them not placed yet;
    /// `keepingBefore` says that the bytes before it stay readable.
    mutating func advance(to end: Int, in bytes: UnsafeBufferPointer<UInt8>, placing offsets: [Int], keepingBefore: Int? = nil) {
        if let keepingBefore { kept = min(kept, keepingBefore) }
        let end = min(end, bytes.count)
        guard end >= scanned else { return }
        var position = scanned
        let wanted = offsets.map { min(max($0, 0), bytes.count) }.filter { $0 >= position && $0 <= end }.sorted()
        for offset in wanted where offset >= position {
            count(bytes, from: position, to: offset)
            position = offset
            placed[offset] = (line, column)
        }
        count(bytes, from: position, to: end)
        scanned = end
    }

    /// The line and column of `offset`: placed by a pass, or worked out from the bytes that
    /// were kept; nil for an offset the pass went by without placing.
    func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        let offset = min(max(offset, 0), bytes.count)
        if let place = placed[offset] { return place }
        guard offset < kept else { return nil }
        return LineIndex(bytes: UnsafeBufferPointer(rebasing: bytes[0..<min(kept, bytes.count)])).location(of: offset)
    }

    private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard end > start else { return }
        var newlines = 0
        var lastNewline = start
        for index in start..<end where bytes[index] == 0x0A {
            newlines += 1
            lastNewline = index
        }
        var lineStart = start
        if newlines > 0 {
            line += newlines
            column = 1
            lineStart = lastNewline + 1
        }
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
    }
}
