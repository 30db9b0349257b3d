#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SnapshotFormat
import XDGDirectories

/// Where snapshots live: `$XDG_CACHE_HOME/itu-browser/` (default `~/.cache/itu-browser/`), one
/// file per fixtures folder, named by the XXH64 of the folder's real path.
public struct CacheDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// From the environment, as XDG says (`XDGBaseDirectory`).
    public init(environment: [String: String]) {
        self.init(path: XDGBaseDirectory.cache.folder(environment: environment))
    }

    /// The real path of `folder` (symbolic links and `..` resolved), or nil when it does not exist.
    public static func realPath(_ folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The snapshot file of the folder whose real path is `realFolder`.
    public func snapshotPath(realFolder: String) -> String {
        let hash = XXH64.hash(Array(realFolder.utf8))
        let hex = String(hash, radix: 16)
        return path + "/snapshot-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin"
    }

    /// Why no snapshot can be written here, nil when one can: the folder (created when
    /// missing, with its parents) could not be made or is not writable by this process.
    public func whyUnwritable() -> String? {
        guard create() else { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        guard access(path, W_OK) == 0 else { return "cannot write in \(path): \(String(cString: strerror(errno)))" }
        return nil
    }

    /// Creates the folder (and its parents) when missing; false when that is not possible.
    func create() -> Bool {
        var built = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
