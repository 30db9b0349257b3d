#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SnapshotFormat

/// Who wrote a snapshot: the running executable's GNU build ID (the linker's hash of the linked
/// program, in an ELF note), read once per process from `/proc/self/exe` with a few small
/// reads. Any change to the code gives another executable and so another ID, so a snapshot
/// written by another build is never trusted. When the executable has no build ID (or is not
/// ELF), the identity is the XXH64 of the executable's bytes instead.
public enum BuildIdentity {
    public static let current: [UInt8] = {
        let path = "/proc/self/exe"
        if let id = gnuBuildID(path: path) { return Array("gnu-build-id:".utf8) + id }
        if let hash = fileHash(path: path) {
            var writer = ByteWriter()
            writer.put(hash)
            return Array("xxh64:".utf8) + writer.bytes
        }
        return Array("unknown".utf8)
    }()

    /// The descriptor of the `NT_GNU_BUILD_ID` note in the ELF64 file at `path`.
    static func gnuBuildID(path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count > 0, count <= 1 << 16, offset >= 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: count)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got == count ? buffer : nil
        }
        guard let header = read(64, at: 0), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let programHeaders = Int(little(header, 32, UInt64.self))
        let entrySize = Int(little(header, 54, UInt16.self))
        let entryCount = Int(little(header, 56, UInt16.self))
        guard entrySize >= 56, let table = read(entrySize * entryCount, at: programHeaders) else { return nil }
        for i in 0..<entryCount {
            let base = i * entrySize
            guard little(table, base, UInt32.self) == 4 else { continue }  // PT_NOTE
            let offset = Int(little(table, base + 8, UInt64.self))
            let size = Int(little(table, base + 32, UInt64.self))
            guard let notes = read(size, at: offset) else { continue }
            var position = 0
            while position + 12 <= notes.count {
                let nameSize = Int(little(notes, position, UInt32.self))
                let descriptorSize = Int(little(notes, position + 4, UInt32.self))
                let type = little(notes, position + 8, UInt32.self)
                let nameStart = position + 12
                let descriptorStart = nameStart + (nameSize + 3) / 4 * 4
                let end = descriptorStart + (descriptorSize + 3) / 4 * 4
                guard nameSize <= notes.count, descriptorSize <= notes.count, end <= notes.count else { break }
                if type == 3, nameSize == 4, notes[nameStart..<nameStart + 4] == [0x47, 0x4E, 0x55, 0], descriptorSize > 0 {
                    return Array(notes[descriptorStart..<descriptorStart + descriptorSize])
                }
                position = end
            }
        }
        return nil
    }

    private static func little<Value: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, _ type: Value.Type) -> Value {
        bytes.withUnsafeBytes { Value(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Value.self)) }
    }

    static func fileHash(path: String) -> UInt64? {
        MappedFile(path: path).map { XXH64.hash($0.bytes) }
    }
}
