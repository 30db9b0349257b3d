#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a folder, held until `unlock()` or the process ends:
/// writers of the same fixtures folder take it so that they run one after another.
final class FolderLock {
    private var descriptor: Int32

    /// Waits for the lock on `path`.
    init(path: String) throws(FileSystem.Failure) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileSystem.Failure(message: "cannot open the folder \"\(path)\": \(FileSystem.errorText(errno))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw FileSystem.Failure(message: "cannot lock the folder \"\(path)\": \(FileSystem.errorText(code))")
            }
        }
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
