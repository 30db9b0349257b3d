import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects columns in order and writes them as one snapshot file (see `SnapshotLayout`),
/// through a temporary file renamed into place, so that a reader sees either the previous
/// file or the complete new one, never a half-written one.
///
/// Sections still being encoded on other threads (`SectionsInBackground`), or to be made when
/// the writer comes to them (`appendWhenWritten`), take their places in the section table when
/// appended, but their bytes go to the file after those of every section already encoded: the
/// file is written while they are encoded, and the header, which needs every section's offset
/// and checksum, last, at the start of the file. Where each section lies depends only on the
/// order of the calls, never on which encoding ends first.
public struct SnapshotWriter {
    fileprivate struct Section {
        let elementSize: Int
        let count: Int
        let bytes: UnsafeRawBufferPointer
        let owner: Any
        var flags: UInt32 = 0
    }

    /// A section encoded, sections still being encoded elsewhere, or sections made when written.
    private enum Part {
        case encoded(Section)
        case inBackground(SectionsInBackground)
        case whenWritten(sectionCount: Int, make: (inout SnapshotWriter) -> Void)

        var sectionCount: Int {
            switch self {
            case .encoded: return 1
            case .inBackground(let background): return background.sectionCount
            case .whenWritten(let sectionCount, _): return sectionCount
            }
        }

        /// Its sections, once encoded or made.
        var sections: [Section] {
            switch self {
            case .encoded(let section): return [section]
            case .inBackground(let background): return background.waitForSections()
            case .whenWritten(let sectionCount, let make):
                var writer = SnapshotWriter(version: 0, identity: [])
                make(&writer)
                precondition(writer.sectionCount == sectionCount, "\(writer.sectionCount) sections made, \(sectionCount) declared")
                return writer.encodedSections()
            }
        }
    }

    private let version: UInt32
    private let identity: [UInt8]
    private var parts: [Part] = []

    public init(version: UInt32, identity: [UInt8]) {
        self.version = version
        self.identity = identity
    }

    /// The sections appended so far, those still being encoded included.
    public var sectionCount: Int { parts.reduce(0) { $0 + $1.sectionCount } }

    public mutating func append<Element>(_ column: Column<Element>) {
        append(column, flags: 0)
    }

    public mutating func append<Element: BitwiseCopyable>(_ values: [Element]) {
        append(Column(values))
    }

    private mutating func append<Element>(_ column: Column<Element>, flags: UInt32) {
        parts.append(.encoded(Section(elementSize: MemoryLayout<Element>.stride, count: column.count,
                                      bytes: UnsafeRawBufferPointer(column.buffer), owner: column, flags: flags)))
    }

    /// Two sections: `bytes`, marked to be checked block by block when read, then their
    /// `BlockChecksums` (see `SectionCursor.blockCheckedBytes`).
    public mutating func appendBlockChecked(_ bytes: Column<UInt8>) {
        append(bytes, flags: SnapshotLayout.blockCheckedFlag)
        append(BlockChecksums(of: bytes.buffer).hashes)
    }

    /// Four sections (`DeflatedBlocks.sectionCount`): the raw starts of the blocks, their
    /// deflated starts, the deflated bytes (marked to be checked block by block when read), then
    /// their `BlockChecksums` (see `SectionCursor.deflatedBlocks`).
    public mutating func append(_ blocks: DeflatedBlocks) {
        append(blocks.rawStarts)
        append(blocks.deflatedStarts)
        append(blocks.deflated, flags: SnapshotLayout.blockCheckedFlag)
        append(blocks.checksums.hashes)
    }

    /// Two sections (`PackedIntegers.sectionCount`): the count and bit width (UInt64), then the
    /// packed bytes (see `SectionCursor.packedIntegers`).
    public mutating func append(_ packed: PackedIntegers) {
        append([UInt64(packed.count), UInt64(packed.bitWidth)])
        append(packed.bytes)
    }

    /// Two sections: the offsets, then the bytes.
    public mutating func append(_ strings: StringColumn) {
        append(strings.offsets)
        append(strings.bytes)
    }

    /// Appends the sections `background` encodes (as many as it declared), written once encoded.
    public mutating func append(_ background: SectionsInBackground) {
        parts.append(.inBackground(background))
    }

    /// Appends `sectionCount` sections that `make` appends when the writer comes to them, after
    /// writing those already encoded, on the writing thread: for work going on elsewhere until
    /// then, such as a deflation begun earlier (it needs no thread of its own to wait for it).
    /// Making another number of sections is a programming error (it traps).
    public mutating func appendWhenWritten(sectionCount: Int, _ make: @escaping (inout SnapshotWriter) -> Void) {
        parts.append(.whenWritten(sectionCount: sectionCount, make: make))
    }

    /// Every section in table order, waiting for those encoded in the background.
    fileprivate func encodedSections() -> [Section] {
        parts.flatMap(\.sections)
    }

    /// The whole file in memory (tests and fuzzing seeds).
    public func bytes() -> [UInt8] {
        var result: [UInt8] = []
        emit { offset, chunk in
            if result.count < offset + chunk.count { result += repeatElement(0, count: offset + chunk.count - result.count) }
            result.withUnsafeMutableBytes { UnsafeMutableRawBufferPointer(rebasing: $0[offset..<offset + chunk.count]).copyMemory(from: chunk) }
            return true
        }
        return result
    }

    /// Writes the snapshot to `path` through a temporary file in the same folder and a rename.
    public func write(to path: String) throws(SnapshotError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SnapshotError("cannot create \(temporary): \(Self.systemError())") }
        var failure: String?
        emit { offset, chunk in
            var done = 0
            while done < chunk.count {
                let written = pwrite(descriptor, chunk.baseAddress! + done, chunk.count - done, off_t(offset + done))
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(Self.systemError())"
                    return false
                }
                done += written
            }
            return true
        }
        if close(descriptor) != 0 && failure == nil { failure = "cannot write \(temporary): \(Self.systemError())" }
        if failure == nil && rename(temporary, path) != 0 { failure = "cannot rename to \(path): \(Self.systemError())" }
        if let failure {
            unlink(temporary)
            throw SnapshotError(failure)
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }

    /// A section's place in the file and its checksum, for the header.
    private struct Placed {
        let section: Section
        let offset: Int
        let checksum: UInt64
    }

    /// Calls `sink` with the file's bytes and where each lies: every section's bytes as they lie
    /// in memory (not copied), those encoded first, each preceded by the zeros that align it,
    /// at increasing offsets, then the header at offset 0. Never an empty chunk; stops when
    /// `sink` returns false.
    private func emit(_ sink: (_ offset: Int, UnsafeRawBufferPointer) -> Bool) {
        let sectionCount = sectionCount
        let headerSize = SnapshotLayout.headerSize(identityLength: identity.count, sectionCount: sectionCount)
        var placed = [Placed?](repeating: nil, count: sectionCount)
        var position = SnapshotLayout.padded(headerSize, to: SnapshotLayout.sectionAlignment)
        let padding = [UInt8](repeating: 0, count: SnapshotLayout.sectionAlignment)
        func place(_ section: Section, at index: Int) -> Bool {
            let start = SnapshotLayout.padded(position, to: SnapshotLayout.sectionAlignment)
            if start > position, !padding.withUnsafeBytes({ sink(position, UnsafeRawBufferPointer(rebasing: $0[..<(start - position)])) }) {
                return false
            }
            if !section.bytes.isEmpty, !sink(start, section.bytes) { return false }
            placed[index] = Placed(section: section, offset: start, checksum: XXH64.hash(section.bytes))
            position = start + section.bytes.count
            return true
        }
        var firstIndex: [Int] = []
        var next = 0
        for part in parts {
            firstIndex.append(next)
            next += part.sectionCount
        }
        for (part, index) in zip(parts, firstIndex) {
            if case .encoded(let section) = part, !place(section, at: index) { return }
        }
        for (part, index) in zip(parts, firstIndex) {
            if case .encoded = part { continue }
            for (k, section) in part.sections.enumerated() where !place(section, at: index + k) { return }
        }
        var header: [UInt8] = SnapshotLayout.magic
        header.reserveCapacity(headerSize)
        Self.put(version, into: &header)
        Self.put(UInt32(sectionCount), into: &header)
        Self.put(UInt64(identity.count), into: &header)
        header += identity
        header += [UInt8](repeating: 0, count: SnapshotLayout.padded(identity.count, to: 8) - identity.count)
        for case let entry? in placed {
            Self.put(UInt32(entry.section.elementSize), into: &header)
            Self.put(entry.section.flags, into: &header)
            Self.put(UInt64(entry.offset), into: &header)
            Self.put(UInt64(entry.section.count), into: &header)
            Self.put(entry.checksum, into: &header)
        }
        Self.put(XXH64.hash(header), into: &header)
        _ = header.withUnsafeBytes { sink(0, $0) }
    }

    private static func put<Value: FixedWidthInteger>(_ value: Value, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Sections encoded on another thread from the moment this is made, for a writer to append
/// at once and write once encoded (`SnapshotWriter.append(_:)`): independent parts of one
/// snapshot encoded while the caller does other work, and while the writer writes the others.
/// How many sections they are is declared up front, as the file's header needs the count
/// before anything is written; producing another number is a programming error (it traps).
///
/// Invariant: `produced` is set only by the encoding thread, before it leaves the dispatch group,
/// and read only after the group was waited for, so the two never touch it at once.
public final class SectionsInBackground: @unchecked Sendable {
    public let sectionCount: Int
    private let done = DispatchGroup()
    private var produced: SnapshotWriter?

    /// Starts `produce` on another thread, appending `sectionCount` sections to a writer of its own.
    public init(sectionCount: Int, _ produce: @escaping @Sendable (inout SnapshotWriter) -> Void) {
        self.sectionCount = sectionCount
        DispatchQueue.global().async(group: done) { [self] in
            var writer = SnapshotWriter(version: 0, identity: [])
            produce(&writer)
            precondition(writer.sectionCount == sectionCount, "\(writer.sectionCount) sections encoded, \(sectionCount) declared")
            produced = writer
        }
    }

    /// The sections `produce` appended, once it has returned (itself waiting for any it appended in the background).
    fileprivate func waitForSections() -> [SnapshotWriter.Section] {
        done.wait()
        return produced!.encodedSections()
    }
}
