#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import SnapshotFormat

/// What a snapshot records of one fixture file to know it is unchanged: size, modification
/// time in nanoseconds, inode and device (a file replaced by rename has another inode), and
/// the XXH64 of its content.
///
/// Checking a stamp costs one `stat`; the content is hashed again only when the file's mtime
/// is too close to the moment the stamp was taken to prove it was not modified afterwards
/// within the file system's timestamp granularity (git's "racily clean" rule).
public struct FixtureStamp: Equatable, Sendable {
    public var name: String
    public var exists: Bool
    public var size: UInt64
    public var modifiedNanoseconds: Int64
    public var inode: UInt64
    public var device: UInt64
    public var contentHash: UInt64

    /// A modification this close to (or after) the stamp's time makes the content hash count.
    static let racyWindowNanoseconds: Int64 = 2_000_000_000

    /// The fixture files of a folder, in a fixed order.
    public static func fileNames() -> [String] { FixtureFile.Kind.allCases.map(\.fileName) }

    /// The file's metadata, with `contentHash` 0 (see `hashed(folder:)`).
    static func metadata(folder: String, name: String) -> FixtureStamp {
        var status = stat()
        guard stat(folder + "/" + name, &status) == 0 else {
            return FixtureStamp(name: name, exists: false, size: 0, modifiedNanoseconds: 0, inode: 0, device: 0, contentHash: 0)
        }
        return FixtureStamp(name: name, exists: true, size: UInt64(status.st_size), modifiedNanoseconds: modifiedNanoseconds(status),
                            inode: UInt64(status.st_ino), device: UInt64(status.st_dev), contentHash: 0)
    }

    /// Whether the file was modified so close to `stampTime` that a later change could have kept its mtime.
    func isRacy(stampTime: Int64) -> Bool {
        exists && modifiedNanoseconds >= stampTime &- FixtureStamp.racyWindowNanoseconds
    }

    /// A file's modification time in nanoseconds since 1970.
    static func modifiedNanoseconds(_ status: stat) -> Int64 {
        #if canImport(Glibc)
        return Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        #else
        return Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        #endif
    }

    /// This stamp with the content hash of the file filled in.
    func hashed(folder: String) -> FixtureStamp {
        var stamp = self
        if exists { stamp.contentHash = MappedFile(path: folder + "/" + name).map { XXH64.hash($0.bytes) } ?? 0 }
        return stamp
    }

    /// Stamps of every fixture file of `folder`, content hashes included.
    public static func take(folder: String) -> [FixtureStamp] {
        fileNames().map { metadata(folder: folder, name: $0).hashed(folder: folder) }
    }

    /// Whether every metadata field but the hash matches (what one `stat` can tell).
    func sameMetadata(as other: FixtureStamp) -> Bool {
        var a = self, b = other
        a.contentHash = 0
        b.contentHash = 0
        return a == b
    }

    /// Why the file no longer matches this stamp (taken at `stampTime`), or nil when it does.
    func mismatch(folder: String, stampTime: Int64) -> String? {
        let now = FixtureStamp.metadata(folder: folder, name: name)
        guard now.exists == exists else { return "\(name) \(exists ? "was removed" : "appeared")" }
        guard exists else { return nil }
        if now.size != size { return "\(name) changed size" }
        if now.modifiedNanoseconds != modifiedNanoseconds { return "\(name) was modified" }
        if now.inode != inode || now.device != device { return "\(name) was replaced" }
        if isRacy(stampTime: stampTime),
           now.hashed(folder: folder).contentHash != contentHash {
            return "\(name) changed content"
        }
        return nil
    }

    func write(to writer: inout ByteWriter) {
        writer.put(name.utf8)
        writer.put(UInt8(exists ? 1 : 0))
        writer.put(size)
        writer.put(modifiedNanoseconds)
        writer.put(inode)
        writer.put(device)
        writer.put(contentHash)
    }

    init(name: String, exists: Bool, size: UInt64, modifiedNanoseconds: Int64, inode: UInt64, device: UInt64, contentHash: UInt64) {
        self.name = name
        self.exists = exists
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.device = device
        self.contentHash = contentHash
    }

    init(reading reader: inout ByteReader) throws(SnapshotError) {
        name = try reader.readString()
        exists = try reader.read(UInt8.self) == 1
        size = try reader.read(UInt64.self)
        modifiedNanoseconds = try reader.read(Int64.self)
        inode = try reader.read(UInt64.self)
        device = try reader.read(UInt64.self)
        contentHash = try reader.read(UInt64.self)
    }
}
