#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Replaces `path` by the bytes `produce` gives to a sink, so that the file is always either
    /// the old one or the new one, whatever is killed when: a temporary file in the same folder
    /// is written and fsynced, renamed over `path`, then the folder is fsynced so that the rename
    /// itself is durable.
    static func replaceDurably(_ path: String, produce: (inout FileSink) -> Void) -> Result<Void, Failure> {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = join(folder, temporaryPrefix(for: name) + String(getpid()))
        let written = writeFile(temporary, produce: produce)
        if case .failure(let failure) = written {
            unlink(temporary)
            return .failure(failure)
        }
        if case .failure(let failure) = rename(temporary, to: path) {
            unlink(temporary)
            return .failure(Failure(message: "cannot write \"\(path)\": \(errorText(failure.code ?? EIO))", code: failure.code))
        }
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
        return .success(())
    }

    /// The start of the names of temporary files for `name` (`.news.json.tmp-`), which a writer
    /// holding the folder's lock may remove as left over from a killed writer.
    static func temporaryPrefix(for name: String) -> String { "." + name + ".tmp-" }

    /// Removes temporary files left in `folder` by writers of `name` that were killed.
    static func removeLeftoverTemporaries(in folder: String, for name: String) {
        guard case .success(let names) = contentsOfDirectory(folder.isEmpty ? "." : folder) else { return }
        for entry in names where entry.hasPrefix(temporaryPrefix(for: name)) { unlink(join(folder, entry)) }
    }
}
