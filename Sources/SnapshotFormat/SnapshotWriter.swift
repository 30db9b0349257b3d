import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects columns in order and writes them as one snapshot file (see `SnapshotLayout`),
/// through a temporary file renamed into place, so that a reader sees either the previous
/// file or the complete new one, never a half-written one.
public struct SnapshotWriter {
    private struct Section {
        let elementSize: Int
        let count: Int
        let bytes: UnsafeRawBufferPointer
        let owner: Any
        var flags: UInt32 = 0
    }

    private let version: UInt32
    private let identity: [UInt8]
    private var sections: [Section] = []

    public init(version: UInt32, identity: [UInt8]) {
        self.version = version
        self.identity = identity
    }

    public mutating func append<Element>(_ column: Column<Element>) {
        sections.append(Section(elementSize: MemoryLayout<Element>.stride, count: column.count,
                                bytes: UnsafeRawBufferPointer(column.buffer), owner: column))
    }

    public mutating func append<Element: BitwiseCopyable>(_ values: [Element]) {
        append(Column(values))
    }

    /// Two sections: `bytes`, marked to be checked block by block when read, then their
    /// `BlockChecksums` (see `SectionCursor.blockCheckedBytes`).
    public mutating func appendBlockChecked(_ bytes: Column<UInt8>) {
        append(bytes)
        sections[sections.count - 1].flags = SnapshotLayout.blockCheckedFlag
        append(BlockChecksums(of: bytes.buffer).hashes)
    }

    /// Four sections: the raw starts of the blocks, their deflated starts, the deflated bytes
    /// (marked to be checked block by block when read), then their `BlockChecksums` (see
    /// `SectionCursor.deflatedBlocks`).
    public mutating func append(_ blocks: DeflatedBlocks) {
        append(blocks.rawStarts)
        append(blocks.deflatedStarts)
        append(blocks.deflated)
        sections[sections.count - 1].flags = SnapshotLayout.blockCheckedFlag
        append(blocks.checksums.hashes)
    }

    /// Two sections: the count and bit width (UInt64), then the packed bytes (see
    /// `SectionCursor.packedIntegers`).
    public mutating func append(_ packed: PackedIntegers) {
        append([UInt64(packed.count), UInt64(packed.bitWidth)])
        append(packed.bytes)
    }

    /// Two sections: the offsets, then the bytes.
    public mutating func append(_ strings: StringColumn) {
        append(strings.offsets)
        append(strings.bytes)
    }

    /// Appends the sections `background` encodes, once it has encoded them.
    public mutating func append(_ background: SectionsInBackground) {
        sections += background.waitForSections().sections
    }

    /// The whole file in memory (tests and fuzzing seeds).
    public func bytes() -> [UInt8] {
        var result: [UInt8] = []
        emit { result.append(contentsOf: $0); return true }
        return result
    }

    /// Writes the snapshot to `path` through a temporary file in the same folder and a rename.
    public func write(to path: String) throws(SnapshotError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SnapshotError("cannot create \(temporary): \(Self.systemError())") }
        var failure: String?
        emit { chunk in
            var offset = 0
            while offset < chunk.count {
                let written = Self.systemWrite(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(Self.systemError())"
                    return false
                }
                offset += written
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

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
        #else
        return Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Calls `sink` with the file's bytes in order, in chunks (each section's bytes as they lie
    /// in memory, not copied; never an empty chunk); stops when it returns false.
    private func emit(_ sink: (UnsafeRawBufferPointer) -> Bool) {
        let headerSize = SnapshotLayout.headerSize(identityLength: identity.count, sectionCount: sections.count)
        var header: [UInt8] = SnapshotLayout.magic
        header.reserveCapacity(headerSize)
        Self.put(version, into: &header)
        Self.put(UInt32(sections.count), into: &header)
        Self.put(UInt64(identity.count), into: &header)
        header += identity
        header += [UInt8](repeating: 0, count: SnapshotLayout.padded(identity.count, to: 8) - identity.count)
        var offset = SnapshotLayout.padded(headerSize, to: SnapshotLayout.sectionAlignment)
        var offsets: [Int] = []
        for section in sections {
            offsets.append(offset)
            Self.put(UInt32(section.elementSize), into: &header)
            Self.put(section.flags, into: &header)
            Self.put(UInt64(offset), into: &header)
            Self.put(UInt64(section.count), into: &header)
            Self.put(XXH64.hash(section.bytes), into: &header)
            offset = SnapshotLayout.padded(offset + section.bytes.count, to: SnapshotLayout.sectionAlignment)
        }
        Self.put(XXH64.hash(header), into: &header)
        var position = header.count
        guard header.withUnsafeBytes(sink) else { return }
        let padding = [UInt8](repeating: 0, count: SnapshotLayout.sectionAlignment)
        for (section, start) in zip(sections, offsets) {
            while position < start {
                let count = min(start - position, padding.count)
                guard padding.withUnsafeBytes({ sink(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) else { return }
                position += count
            }
            if !section.bytes.isEmpty, !sink(section.bytes) { return }
            position += section.bytes.count
        }
    }

    private static func put<Value: FixedWidthInteger>(_ value: Value, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Sections encoded on another thread from the moment this is made, for a writer to append
/// later (`SnapshotWriter.append(_:)`): independent parts of one snapshot encoded while the
/// caller does other work.
///
/// Invariant: `produced` is set only by the encoding thread, before it leaves the dispatch group,
/// and read only after the group was waited for, so the two never touch it at once.
public final class SectionsInBackground: @unchecked Sendable {
    private let done = DispatchGroup()
    private var produced: SnapshotWriter?

    /// Starts `produce` on another thread, appending to a writer of its own.
    public init(_ produce: @escaping @Sendable (inout SnapshotWriter) -> Void) {
        DispatchQueue.global().async(group: done) { [self] in
            var writer = SnapshotWriter(version: 0, identity: [])
            produce(&writer)
            produced = writer
        }
    }

    /// The writer `produce` appended to, once it has returned.
    fileprivate func waitForSections() -> SnapshotWriter {
        done.wait()
        return produced!
    }
}
