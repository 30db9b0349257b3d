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
