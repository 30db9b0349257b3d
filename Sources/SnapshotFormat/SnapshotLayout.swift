/// The byte layout of a snapshot file, shared by `SnapshotWriter` and `SnapshotReader`.
///
/// All integers are little-endian.
/// ```
/// 0   magic "ITUSNAP\n"                 8 bytes
/// 8   format version                    UInt32
/// 12  section count                     UInt32
/// 16  identity length                   UInt64
/// 24  identity bytes, zero-padded to a multiple of 8
///     section table, per section:       element size UInt32, flags UInt32,
///                                       offset UInt64, element count UInt64, XXH64 of its bytes UInt64
///     header checksum                   UInt64: XXH64 of every header byte before it
///     sections, each starting at a multiple of 16, in any order after the header
/// ```
/// A section's place in the file is its table entry's offset, not its place in the table: the
/// writer puts the sections encoded on other threads after the others (see `SnapshotWriter`).
/// The only flag, `blockCheckedFlag`, marks a section of bytes whose readers check it block by
/// block (see `BlockChecksums`, whose section follows it) rather than whole when it is opened.
/// The identity is opaque here: its owner (the cache) records what the snapshot was built
/// from and by which program, and compares it before using any section.
enum SnapshotLayout {
    static let magic: [UInt8] = Array("ITUSNAP\n".utf8)
    static let fixedHeaderSize = 24
    static let sectionEntrySize = 32
    static let sectionAlignment = 16
    static let blockCheckedFlag: UInt32 = 1

    static func padded(_ value: Int, to alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }

    static func headerSize(identityLength: Int, sectionCount: Int) -> Int {
        fixedHeaderSize + padded(identityLength, to: 8) + sectionCount * sectionEntrySize + 8
    }
}

#if _endian(big)
#error("snapshots are little-endian and mapped in place: a big-endian host needs byte swapping")
#endif
