#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory; the owner that keeps a snapshot's columns alive.
/// Unmapped when the last column viewing it goes away.
///
/// The mapping is private and read-only: a process that replaces the file (always by rename,
/// see `SnapshotWriter`) does not change what an open mapping sees.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    /// Whether the pages come from the file (and can be dropped and read again from it).
    private let isFileBacked: Bool

    /// Maps `path`; nil when it cannot be opened or mapped (missing, unreadable, empty).
    public init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        isFileBacked = true
    }

    /// A mapping of a copy of `data` (tests and fuzzing: any bytes at all, as if read from a file).
    public init(copying data: UnsafeRawBufferPointer) {
        let size = max(1, data.count)
        let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(address != MAP_FAILED, "anonymous mapping failed")
        if let source = data.baseAddress, let address { address.copyMemory(from: source, byteCount: data.count) }
        bytes = UnsafeRawBufferPointer(start: address, count: data.count)
        isFileBacked = false
    }

    /// Drops the whole pages inside `range` (a part of `bytes`) from this process's memory; the
    /// next read maps them again from the file (from the page cache, usually). Does nothing for
    /// a mapping of a copy, whose pages have nowhere to come back from.
    public func release(_ range: UnsafeRawBufferPointer) {
        guard isFileBacked, let start = range.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + range.count) / page * page
        guard end > first, let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
        madvise(address, end - first, Int32(MADV_DONTNEED))
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), max(1, bytes.count))
    }
}
