#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system operations the catalog needs, over the C library so that reading a
/// large fixture costs one allocation and no copy.
enum FileSystem {
    /// What is at a path.
    enum EntryKind: Equatable {
        case missing
        case directory
        case regularFile
        case other
    }

    /// Why a file could not be read or written, in plain words.
    struct Failure: Error, Equatable {
        var message: String
    }

    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    /// Joins a folder and a file name the way the user would type it: `fixtures` + `news.json`
    /// gives `fixtures/news.json`.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The whole content of a regular file.
    static func readFile(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(failure(errno, missing: "file not found")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno, missing: "file not found")) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(message: info.st_mode & S_IFMT == S_IFDIR ? "is a folder, not a file" : "is not a regular file"))
        }
        let expected = Int(info.st_size)
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < expected {
                let got = read(descriptor, base + count, expected - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        guard readError == 0 else { return .failure(failure(readError, missing: "file not found")) }
        // A file that grew while it was read: take the rest too.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return .success(bytes)
    }

    /// Calls `body` with the whole content of a regular file, or returns why it cannot.
    ///
    /// Large files are memory-mapped rather than copied, and `body` gets a `release` function:
    /// `release(offset)` gives the pages before `offset` back to the system, so a reader that
    /// goes through the file once keeps little of it resident. Released bytes stay readable
    /// (they are read again from the file when touched). Small files are simply read.
    static func withContents(of path: String,
                             _ body: (UnsafeBufferPointer<UInt8>, _ release: (Int) -> Void) -> Void) -> Failure? {
        if let mapped = MappedFile(path: path) {
            body(mapped.bytes) { mapped.releasePages(before: $0) }
            return nil
        }
        switch readFile(path) {
        case .failure(let failure):
            return failure
        case .success(let bytes):
            bytes.withUnsafeBufferPointer { body($0) { _ in } }
            return nil
        }
    }

    /// The names in a folder, without `.` and `..`.
    static func contentsOfDirectory(_ path: String) -> Result<[String], Failure> {
        guard let stream = opendir(path) else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .failure(Failure(message: "folder not found"))
            case EACCES, EPERM: return .failure(Failure(message: "cannot read the folder: permission denied"))
            default: return .failure(Failure(message: "cannot read the folder: \(errorText(code))"))
            }
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// Creates a folder and any missing parents.
    static func createDirectory(_ path: String) -> Result<Void, Failure> {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if kind(of: prefix) != .directory {
                if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                    return .failure(Failure(message: "cannot create the folder \"\(prefix)\": \(errorText(errno))"))
                }
            }
            prefix += "/"
        }
        return .success(())
    }

    /// Writes a file through a sink that is called repeatedly for chunks of bytes, so large
    /// files never need to be held in memory whole. With `synchronize`, the file is fsynced
    /// before it is closed.
    static func writeFile(_ path: String, synchronize: Bool = false, produce: (inout FileSink) -> Void) -> Result<Void, Failure> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .failure(Failure(message: "cannot write \"\(path)\": \(errorText(errno))"))
        }
        var sink = FileSink(descriptor: descriptor)
        produce(&sink)
        sink.flush()
        if synchronize, sink.error == nil, fsync(descriptor) != 0 { sink.error = errno }
        let closed = close(descriptor) == 0
        if let error = sink.error ?? (closed ? nil : errno) {
            return .failure(Failure(message: "cannot write \"\(path)\": \(errorText(error))"))
        }
        return .success(())
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    private static func failure(_ code: Int32, missing: String) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: return Failure(message: missing)
        case EACCES, EPERM: return Failure(message: "cannot read it: permission denied")
        case EISDIR: return Failure(message: "is a folder, not a file")
        default: return Failure(message: "cannot read it: \(errorText(code))")
        }
    }
}

/// A destination for bytes that writes them to a file descriptor in large chunks.
struct FileSink {
    fileprivate let descriptor: Int32
    fileprivate(set) var error: Int32?
    private var pending: [UInt8] = []
    private static let chunkSize = 1 << 20

    fileprivate init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(FileSink.chunkSize + 4096)
    }

    /// Appends bytes, flushing to the file when a chunk is full.
    mutating func write(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if pending.count >= FileSink.chunkSize { flush() }
    }

    mutating func flush() {
        guard error == nil else { pending.removeAll(keepingCapacity: true); return }
        var written = 0
        pending.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                let got = writeToDescriptor(descriptor, base + written, raw.count - written)
                if got < 0 {
                    if errno == EINTR { continue }
                    error = errno
                    return
                }
                written += got
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// The C library's `write`, under a name apart from `FileSink.write`.
private func writeToDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// A read-only memory map of a whole regular file, unmapped when released.
private final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let pageSize: Int
    private var released = 0
    /// Files smaller than this are read, not mapped: mapping only pays for large ones.
    static let minimumSize = 1 << 20

    /// Maps the file, or returns nil when it is small, not a regular file, or cannot be mapped
    /// (the caller then reads it the ordinary way and reports any error).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= MappedFile.minimumSize else {
            return nil
        }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
    }

    /// Drops the resident pages wholly before `offset`.
    func releasePages(before offset: Int) {
        let end = min(offset, bytes.count) / pageSize * pageSize
        guard end > released, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), end, MADV_DONTNEED)
        released = end
    }

    deinit {
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
