/// Opens a snapshot (see `SnapshotLayout`) over mapped bytes and checks its structure before
/// anything uses it: magic, version, header checksum, and that every section lies inside the
/// file, aligned for its element size, without overflow. Each section's checksum is checked
/// when its column is handed out (by `SectionCursor`), in one pass with the caller's own
/// checks of its values; a large section that is read only in small parts is instead checked
/// block by block when those parts are used (see `BlockChecksums`). Columns handed out are
/// views into the mapping, not copies.
public struct SnapshotReader: Sendable {
    public let file: MappedFile
    /// The owner's record of what the snapshot was built from (see `SnapshotWriter.init`).
    public let identity: [UInt8]
    private let sections: [Section]
    /// False only for fuzzing and tests that reach the structural checks with any bytes.
    let checkingChecksums: Bool

    struct Section: Sendable {
        let elementSize: Int
        let offset: Int
        let count: Int
        let checksum: UInt64
        /// Marked by its writer to be checked block by block (`SnapshotLayout.blockCheckedFlag`):
        /// `AheadChecks` leaves it alone.
        let isBlockChecked: Bool
        var byteCount: Int { elementSize * count }
    }

    public init(file: MappedFile, version: UInt32) throws(SnapshotError) {
        try self.init(file: file, version: version, checkingChecksums: true)
    }

    /// `checkingChecksums: false` reads the header and sections whatever their checksums, as a
    /// hostile file with recomputed checksums would be read (for fuzzing and tests of the other checks).
    init(file: MappedFile, version: UInt32, checkingChecksums: Bool) throws(SnapshotError) {
        let bytes = file.bytes
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= SnapshotLayout.fixedHeaderSize else { throw SnapshotError("truncated: \(bytes.count) bytes") }
        guard Array(bytes[0..<8]) == SnapshotLayout.magic else { throw SnapshotError("not a snapshot file") }
        reader.position = 8
        let foundVersion = try reader.read(UInt32.self)
        guard foundVersion == version else { throw SnapshotError("format version \(foundVersion), this program reads \(version)") }
        let sectionCount = Int(try reader.read(UInt32.self))
        let identityLength = try reader.read(UInt64.self)
        guard identityLength <= UInt64(bytes.count) else { throw SnapshotError("truncated: identity longer than the file") }
        let identityStart = reader.position
        try reader.skip(SnapshotLayout.padded(Int(identityLength), to: 8))
        let identity = Array(bytes[identityStart..<identityStart + Int(identityLength)])
        guard sectionCount <= (bytes.count - reader.position) / SnapshotLayout.sectionEntrySize else {
            throw SnapshotError("truncated: \(sectionCount) sections do not fit")
        }
        var sections: [Section] = []
        sections.reserveCapacity(sectionCount)
        for index in 0..<sectionCount {
            let elementSize = Int(try reader.read(UInt32.self))
            let flags = try reader.read(UInt32.self)
            let offset = try reader.read(UInt64.self)
            let count = try reader.read(UInt64.self)
            let checksum = try reader.read(UInt64.self)
            guard [1, 2, 4, 8].contains(elementSize) else { throw SnapshotError("section \(index): element size \(elementSize)") }
            guard offset <= UInt64(bytes.count), count <= UInt64(bytes.count) / UInt64(elementSize),
                  Int(offset) + Int(count) * elementSize <= bytes.count else {
                throw SnapshotError("section \(index) lies outside the file (truncated?)")
            }
            guard Int(offset) % SnapshotLayout.sectionAlignment == 0 else { throw SnapshotError("section \(index) is misaligned") }
            guard flags & ~SnapshotLayout.blockCheckedFlag == 0 else { throw SnapshotError("section \(index): unknown flags \(flags)") }
            sections.append(Section(elementSize: elementSize, offset: Int(offset), count: Int(count), checksum: checksum,
                                    isBlockChecked: flags == SnapshotLayout.blockCheckedFlag))
        }
        let headerEnd = reader.position
        let storedChecksum = try reader.read(UInt64.self)
        guard !checkingChecksums || XXH64.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd])) == storedChecksum else {
            throw SnapshotError("header checksum mismatch")
        }
        guard sections.allSatisfy({ $0.offset >= reader.position }) else { throw SnapshotError("a section overlaps the header") }
        self.file = file
        self.identity = identity
        self.sections = sections
        self.checkingChecksums = checkingChecksums
    }

    public var sectionCount: Int { sections.count }

    /// Whether section `index` is marked to be checked by blocks (see `SnapshotLayout`).
    func isBlockChecked(_ index: Int) -> Bool { sections[index].isBlockChecked }

    /// The section table (for tests).
    var sectionsForTesting: [Section] { sections }


    /// Reads the sections in the order they were appended. When the sections checked whole
    /// when read hold more than `aheadThreshold` bytes, the checksums of the later ones are
    /// checked on another thread meanwhile (see `AheadChecks`): opening a large snapshot then
    /// takes about half the time on a machine with two cores or more.
    /// A caller that reads only the first `sectionsRead` sections (skipping the others) says
    /// so, for the second thread to check only among those.
    public func cursor(aheadThreshold: Int = AheadChecks.defaultThreshold, sectionsRead: Int? = nil) -> SectionCursor {
        let read = Array(sections.prefix(max(0, sectionsRead ?? sections.count)))
        return SectionCursor(reader: self, ahead: checkingChecksums ? AheadChecks.start(sections: read, file: file, threshold: aheadThreshold) : nil)
    }

    /// Section `index` as a column. With `wholeChecksum`, its checksum is checked, and
    /// `inspect` sees every value once, in order, in pieces, each while it is still in the
    /// processor's cache after hashing (its pages are then dropped, see `MappedFile.release`);
    /// without, the caller checks the bytes it uses against block checksums.
    func column<Element: BitwiseCopyable>(_ index: Int, as type: Element.Type, wholeChecksum: Bool = true,
                                          ahead: AheadChecks? = nil,
                                          inspecting inspect: (UnsafeBufferPointer<Element>) -> Void = { _ in })
        throws(SnapshotError) -> Column<Element> {
        guard index < sections.count else { throw SnapshotError("section \(index) is missing") }
        let section = sections[index]
        guard section.elementSize == MemoryLayout<Element>.stride, MemoryLayout<Element>.alignment <= SnapshotLayout.sectionAlignment else {
            throw SnapshotError("section \(index) holds \(section.elementSize)-byte values, expected \(MemoryLayout<Element>.stride)")
        }
        let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<section.offset + section.byteCount])
        func typed(_ part: UnsafeRawBufferPointer) -> UnsafeBufferPointer<Element> {
            UnsafeBufferPointer(start: part.baseAddress?.assumingMemoryBound(to: Element.self),
                                count: part.count / MemoryLayout<Element>.stride)
        }
        if checkingChecksums && wholeChecksum, let checkedAhead = ahead?.result(of: index) {
            guard checkedAhead else { throw SnapshotError("section \(index) checksum mismatch") }
            var from = 0
            while from < bytes.count {
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[from..<min(bytes.count, from + AheadChecks.chunkSize)])
                inspect(typed(chunk))
                file.release(chunk)
                from += chunk.count
            }
        } else if checkingChecksums && wholeChecksum {
            var inspected = 0
            let hash = XXH64.hash(bytes) { chunk in
                inspect(typed(chunk))
                inspected += chunk.count
                file.release(chunk)
            }
            inspect(typed(UnsafeRawBufferPointer(rebasing: bytes[inspected...])))
            guard hash == section.checksum else { throw SnapshotError("section \(index) checksum mismatch") }
        } else {
            inspect(typed(bytes))
        }
        let values = typed(bytes)
        return Column(buffer: values.isEmpty ? UnsafeBufferPointer(start: nil, count: 0) : values, owner: file)
    }
}

/// Hands out a snapshot's sections in order, as typed columns.
public struct SectionCursor {
    let reader: SnapshotReader
    let ahead: AheadChecks?
    private var next = 0

    init(reader: SnapshotReader, ahead: AheadChecks?) {
        self.reader = reader
        self.ahead = ahead
    }

    public mutating func column<Element: BitwiseCopyable>(_ type: Element.Type = Element.self) throws(SnapshotError) -> Column<Element> {
        defer { next += 1 }
        return try reader.column(next, as: type, ahead: ahead)
    }

    /// The next section, its checksum checked in one pass with `inspect`, which sees every value
    /// once, in order, in pieces (see `SnapshotReader.column`): checks of the values cost no
    /// second read of the file.
    public mutating func column<Element: BitwiseCopyable>(_ type: Element.Type = Element.self,
                                                          inspecting inspect: (UnsafeBufferPointer<Element>) -> Void)
        throws(SnapshotError) -> Column<Element> {
        defer { next += 1 }
        return try reader.column(next, as: type, ahead: ahead, inspecting: inspect)
    }

    /// The next section, of bytes, with its block checksums in the section after it (see
    /// `BlockChecksums`): nothing of the bytes is read now; whoever reads a part of them checks
    /// that part first.
    public mutating func blockCheckedBytes() throws(SnapshotError) -> (bytes: Column<UInt8>, checksums: BlockChecksums) {
        // Only a section its writer marked (`SnapshotWriter.appendBlockChecked`) is left to
        // block checks: the others' checksums are checked whole, possibly ahead (`AheadChecks`).
        guard next < reader.sectionCount, reader.isBlockChecked(next) else {
            throw SnapshotError("section \(next) is not marked to be checked by blocks")
        }
        let bytes = try reader.column(next, as: UInt8.self, wholeChecksum: false)
        next += 1
        let hashes = try column(UInt64.self)
        guard let checksums = BlockChecksums(hashes: hashes, byteCount: bytes.count, checking: reader.checkingChecksums) else {
            throw SnapshotError("section \(next - 1): block checksums do not fit their bytes")
        }
        return (bytes, checksums)
    }

    /// Four sections (block tables, deflated bytes, their block checksums), checked to describe
    /// blocks of deflated bytes (see `DeflatedBlocks`): the tables are read and checked whole
    /// now, the deflated bytes only block by block when a part of them is read.
    public mutating func deflatedBlocks() throws(SnapshotError) -> DeflatedBlocks {
        let rawStarts = try column(UInt32.self)
        let deflatedStarts = try column(UInt32.self)
        let (deflated, checksums) = try blockCheckedBytes()
        guard let blocks = DeflatedBlocks(rawStarts: rawStarts, deflatedStarts: deflatedStarts, deflated: deflated,
                                          checksums: checksums) else {
            throw SnapshotError("section \(next - 4): deflated blocks do not fit their bytes")
        }
        return blocks
    }

    /// Two sections (count and bit width, packed bytes), checked to describe packed integers
    /// (see `PackedIntegers`). Their values are not decoded now.
    public mutating func packedIntegers() throws(SnapshotError) -> PackedIntegers {
        let shape = try column(UInt64.self)
        let bytes = try column(UInt8.self)
        guard shape.count == 2, shape[0] <= UInt64(PackedIntegers.maximumCount), shape[1] <= 32,
              let packed = PackedIntegers(count: Int(shape[0]), bitWidth: Int(shape[1]), bytes: bytes) else {
            throw SnapshotError("section \(next - 1): packed integers do not fit their bytes")
        }
        return packed
    }

    /// Two sections (offsets, bytes), checked to describe strings (see `StringColumn`).
    public mutating func strings() throws(SnapshotError) -> StringColumn {
        let offsets = try column(UInt32.self)
        let bytes = try column(UInt8.self)
        guard let strings = StringColumn(offsets: offsets, bytes: bytes) else {
            throw SnapshotError("section \(next - 2): string offsets do not fit their bytes")
        }
        return strings
    }

    /// Passes over the next `count` sections without reading them or checking their checksums
    /// (for a reader that needs only some parts of what was written).
    public mutating func skip(_ count: Int) throws(SnapshotError) {
        guard count >= 0, count <= reader.sectionCount - next else { throw SnapshotError("sections missing after section \(next)") }
        next += count
    }

    /// How many sections have not been read or skipped yet.
    public var sectionsLeft: Int { reader.sectionCount - next }

    /// The size of the file, the bound of any count it may hold.
    public var fileSize: Int { reader.file.bytes.count }

    /// Whether every section has been read: a snapshot with more is not the one expected.
    public var isAtEnd: Bool { next == reader.sectionCount }
}

/// Reads little-endian integers from bytes, refusing to go past their end.
public struct ByteReader {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    public var position = 0

    public init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { position == bytes.count }

    /// How many bytes are left to read (a bound of any count they may hold).
    public var remainingCount: Int { bytes.count - position }

    /// Inlinable, so that a reader in another module (the catalog's records) gets it
    /// specialized for each integer type instead of a generic call per value.
    @inlinable
    public mutating func read<Value: FixedWidthInteger>(_ type: Value.Type) throws(SnapshotError) -> Value {
        let size = MemoryLayout<Value>.size
        guard let base = bytes.baseAddress, bytes.count - position >= size else { throw SnapshotError("truncated header") }
        defer { position += size }
        return Value(littleEndian: base.loadUnaligned(fromByteOffset: position, as: Value.self))
    }

    mutating func skip(_ count: Int) throws(SnapshotError) {
        guard count >= 0, bytes.count - position >= count else { throw SnapshotError("truncated header") }
        position += count
    }

    /// A length (UInt32) and that many bytes of UTF-8, as written by `ByteWriter.put(_: String.UTF8View)`,
    /// decoded straight from the file (invalid UTF-8 is repaired, never trapped on).
    public mutating func readString() throws(SnapshotError) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[try lengthPrefixed()]), as: UTF8.self)
    }

    /// A length (UInt32) and that many bytes, as written by `ByteWriter.put(_: [UInt8])`.
    public mutating func readBytes() throws(SnapshotError) -> [UInt8] {
        Array(bytes[try lengthPrefixed()])
    }

    /// Where the bytes of a length (UInt32) and that many bytes lie; the reader moves past them.
    private mutating func lengthPrefixed() throws(SnapshotError) -> Range<Int> {
        let count = Int(try read(UInt32.self))
        let start = position
        try skip(count)
        return start..<start + count
    }
}

/// Writes little-endian integers and length-prefixed bytes, as `ByteReader` reads them.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func put<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func put(_ data: [UInt8]) {
        put(UInt32(data.count))
        bytes += data
    }

    /// A string's UTF-8 bytes, as `put(Array(string.utf8))` would put them, without making the array.
    public mutating func put(_ utf8: String.UTF8View) {
        put(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}
