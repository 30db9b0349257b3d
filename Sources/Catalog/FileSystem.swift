#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system operations the catalog needs, over the C library so that reading a
/// large fixture costs one allocation and one copy, and never maps the file.
enum FileSystem {
    /// What is at a path.
    enum EntryKind: Equatable {
        case missing
        case directory
        case regularFile
        case other
    }

    /// Why a file could not be read or written, in plain words, with the C library's error
    /// number where there is one.
    struct Failure: Error, Equatable {
        var message: String
        var code: Int32? = nil

        /// True when the disk (or the user's quota) has no room left.
        var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
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

    /// Calls `body` with the whole content of a regular file, or returns why it cannot.
    ///
    /// The file is read with `read(2)` into one buffer of anonymous memory; it is never
    /// memory-mapped, because a mapped file that another program truncates under its reader
    /// kills the reader with SIGBUS, where a read simply comes back short. A file whose size
    /// changes while it is read is reported as changed. `body` gets a `release` function:
    /// `release(range)` gives the buffer's pages wholly inside `range` back to the system, so a
    /// reader that goes through a large file once keeps little of it resident; released bytes
    /// read as zeros afterwards, so the reader must be done with them.
    static func withContents(of path: String,
                             _ body: (UnsafeBufferPointer<UInt8>, _ release: (Range<Int>) -> Void) -> Void) -> Failure? {
        let descriptor: Int32, size: Int
        switch openRegularFile(path) {
        case .failure(let failure): return failure
        case .success(let opened): (descriptor, size) = opened
        }
        defer { close(descriptor) }
        let buffer: FileBuffer
        switch FileBuffer.read(descriptor, size: size) {
        case .failure(let failure): return failure
        case .success(let read): buffer = read
        }
        body(buffer.bytes) { buffer.release($0) }
        return nil
    }

    /// The whole contents of a regular file as an array (read as `withContents(of:_:)` reads,
    /// straight into the array), for files a writer must hold whole.
    static func readFile(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor: Int32, size: Int
        switch openRegularFile(path) {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): (descriptor, size) = opened
        }
        defer { close(descriptor) }
        var failure: Failure?
        // At least one byte of capacity: an empty request would hand out the storage all empty
        // arrays share, whose count the array then writes (a race the thread sanitizer reports).
        let bytes = [UInt8](unsafeUninitializedCapacity: max(1, size)) { buffer, count in
            failure = FileBuffer.fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<size]), from: descriptor)
            count = failure == nil ? size : 0
        }
        return failure.map { .failure($0) } ?? .success(bytes)
    }

    /// A regular file opened for reading, with its size; a folder or other kind is refused.
    private static func openRegularFile(_ path: String) -> Result<(descriptor: Int32, size: Int), Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(failure(errno, missing: "file not found")) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(failure(code, missing: "file not found"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(Failure(message: info.st_mode & S_IFMT == S_IFDIR ? "is a folder, not a file" : "is not a regular file"))
        }
        return .success((descriptor, Int(info.st_size)))
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

    /// Creates a folder and any missing parents; returns the folders it created, outermost
    /// first.
    static func createDirectory(_ path: String) -> Result<[String], Failure> {
        var created: [String] = []
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if kind(of: prefix) != .directory {
                if mkdir(prefix, 0o755) == 0 {
                    created.append(prefix)
                } else if errno != EEXIST {
                    let code = errno
                    removeFolders(created.reversed())
                    return .failure(Failure(message: "cannot create the folder \"\(prefix)\": \(errorText(code))", code: code))
                }
            }
            prefix += "/"
        }
        return .success(created)
    }

    /// The folder a path is in: `corpus` → `.`, `out/corpus/` → `out`, `/corpus` → `/`.
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Makes a new, empty folder inside `parent` named `prefix` and six random characters.
    static func makeTemporaryDirectory(in parent: String, prefix: String) -> Result<String, Failure> {
        var template = Array(join(parent, prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else {
            let code = errno
            return .failure(Failure(message: "cannot create a temporary folder in \"\(parent)\": \(errorText(code))", code: code))
        }
        return .success(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Renames a file or folder within one file system, replacing a file of the new name.
    static func rename(_ source: String, to destination: String) -> Result<Void, Failure> {
        guard renamePath(source, destination) == 0 else {
            let code = errno
            return .failure(Failure(message: "cannot rename \"\(source)\" to \"\(destination)\": \(errorText(code))", code: code))
        }
        return .success(())
    }

    /// Removes the regular files in a folder, then the folder; anything else in it stays (and
    /// so does the folder). For folders this code made and filled itself.
    static func removeFolder(_ path: String) {
        if case .success(let names) = contentsOfDirectory(path) {
            for name in names where kind(of: join(path, name)) == .regularFile { unlink(join(path, name)) }
        }
        rmdir(path)
    }

    /// Removes empty folders, in the order given.
    static func removeFolders(_ paths: some Sequence<String>) {
        for path in paths { rmdir(path) }
    }

    /// Writes a file through a sink that is called repeatedly for chunks of bytes, so large
    /// files never need to be held in memory whole, then flushes it to the disk (`fsync`).
    /// `produce` should stop once `sink.error` is set: nothing more will be written.
    static func writeFile(_ path: String, produce: (inout FileSink) -> Void) -> Result<Void, Failure> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .failure(Failure(message: "cannot write \"\(path)\": \(errorText(errno))"))
        }
        var sink = FileSink(descriptor: descriptor)
        produce(&sink)
        sink.flush()
        if sink.error == nil && fsync(descriptor) != 0 { sink.error = errno }
        let closed = close(descriptor) == 0
        if let error = sink.error ?? (closed ? nil : errno) {
            return .failure(Failure(message: "cannot write \"\(path)\": \(errorText(error))", code: error))
        }
        return .success(())
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    static func failure(_ code: Int32, missing: String) -> Failure {
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
    /// The error number of the first write that failed; nothing is written after it.
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

    /// Writes bytes; a chunk or more goes to the file at once, without a copy.
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= FileSink.chunkSize else {
            pending.append(contentsOf: bytes)
            if pending.count >= FileSink.chunkSize { flush() }
            return
        }
        flush()
        writeAll(UnsafeRawBufferPointer(bytes))
    }

    mutating func flush() {
        pending.withUnsafeBytes { writeAll($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes all of `raw` unless a write has failed (then sets `error` and writes no more).
    private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard error == nil, let base = raw.baseAddress else { return }
        var written = 0
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
}

/// The C library's `read`, under a name apart from `FileBuffer.read`.
private func readFromDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The C library's `rename`, under a name apart from `FileSystem.rename`.
private func renamePath(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}

/// The C library's `write`, under a name apart from `FileSink.write`.
private func writeToDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// A file's bytes, read with `read(2)` into anonymous memory of their own, unmapped when
/// released. Anonymous memory cannot raise SIGBUS, whatever happens to the file.
private final class FileBuffer {
    let bytes: UnsafeBufferPointer<UInt8>
    private let pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Private anonymous memory, its pages made at once where the system can (they are all
    /// about to be written).
    #if os(Linux)
    private static let mapFlags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE
    #else
    private static let mapFlags = MAP_PRIVATE | MAP_ANONYMOUS
    #endif

    /// Reads `size` bytes from the start of an open file, or says why it could not: an error,
    /// or a size that changed while reading (fewer bytes, or more, than `size`).
    static func read(_ descriptor: Int32, size: Int) -> Result<FileBuffer, FileSystem.Failure> {
        guard size > 0 else { return changedSize(descriptor, size: 0).map { .failure($0) } ?? .success(FileBuffer(bytes: UnsafeBufferPointer(start: nil, count: 0))) }
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, FileBuffer.mapFlags, -1, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else {
            return .failure(FileSystem.Failure(message: "cannot read it: no memory for \(size) bytes", code: errno))
        }
        let base = address.assumingMemoryBound(to: UInt8.self)
        let buffer = FileBuffer(bytes: UnsafeBufferPointer(start: base, count: size))
        return fill(UnsafeMutableBufferPointer(start: base, count: size), from: descriptor).map { .failure($0) } ?? .success(buffer)
    }

    /// Fills `buffer` with the bytes from the start of an open file, or says why it could not:
    /// an error, or a size that changed while reading (fewer bytes, or more, than the buffer's).
    static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32) -> FileSystem.Failure? {
        let size = buffer.count
        var count = 0
        while count < size, let base = buffer.baseAddress {
            let got = readFromDescriptor(descriptor, base + count, size - count)
            if got < 0 {
                if errno == EINTR { continue }
                return FileSystem.failure(errno, missing: "file not found")
            }
            if got == 0 { return changed(size: size, read: count) }
            count += got
        }
        return changedSize(descriptor, size: size)
    }

    /// The failure when more bytes follow the `size` the file had when it was opened.
    private static func changedSize(_ descriptor: Int32, size: Int) -> FileSystem.Failure? {
        var extra: UInt8 = 0
        while true {
            let got = readFromDescriptor(descriptor, &extra, 1)
            if got < 0 && errno == EINTR { continue }
            return got > 0 ? changed(size: size, read: nil) : nil
        }
    }

    private static func changed(size: Int, read: Int?) -> FileSystem.Failure {
        let what = read.map { "only \($0) could be read" } ?? "it grew"
        return FileSystem.Failure(message: "the file changed while it was read (it had \(size) bytes, \(what)); load it again")
    }

    /// Gives the pages wholly inside `range` back to the system; they read as zeros afterwards.
    func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress else { return }
        let start = (max(0, range.lowerBound) + pageSize - 1) / pageSize * pageSize
        let end = min(range.upperBound, bytes.count) / pageSize * pageSize
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
