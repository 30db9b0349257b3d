import Catalog
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices when the fixture files of a folder change, so the open browser can reload them.
///
/// On Linux it uses inotify on the folder, whose descriptor joins the run loop's `poll()`:
/// a file written in place (`IN_CLOSE_WRITE`), renamed over (`IN_MOVED_TO`, the way the import
/// command and most editors replace a file), created or deleted. Watching the folder rather
/// than the files is what makes a rename-over visible: the old file's inode is gone, the
/// folder's entry is new. Where inotify is not available, it compares each file's inode, size
/// and modification time once a second. Changes come in bursts (a temporary file, a rename),
/// so a reload waits until the folder has been quiet for `quietPeriod`.
final class FixturesWatcher {
    static let quietPeriod: Duration = .milliseconds(200)
    static let pollingInterval: Duration = .seconds(1)

    private let folder: String
    private let fileNames = Set(FixtureFile.Kind.allCases.map(\.fileName))
    /// The inotify descriptor to `poll()`, nil when polling instead.
    let descriptor: Int32?
    private var signature: [String]
    private var nextPoll: ContinuousClock.Instant
    /// When the folder will have been quiet long enough after a change, if one is waiting.
    private(set) var reloadDue: ContinuousClock.Instant?

    init(folder: String) {
        self.folder = folder
        descriptor = FixturesWatcher.inotifyDescriptor(folder: folder)
        signature = []
        nextPoll = .now
        signature = currentSignature()
    }

    deinit {
        if let descriptor { _ = close(descriptor) }
    }

    /// The next moment the loop must wake for this watcher, if any.
    var deadline: ContinuousClock.Instant? {
        [reloadDue, descriptor == nil ? nextPoll : nil].compactMap { $0 }.min()
    }

    /// Reads what the folder reported (or compares the files, when polling and due) and
    /// returns true once a change is ready to be reloaded.
    func check(now: ContinuousClock.Instant = .now) -> Bool {
        if readNotifications() { reloadDue = now + Self.quietPeriod }
        if descriptor == nil, now >= nextPoll {
            nextPoll = now + Self.pollingInterval
            let current = currentSignature()
            if current != signature {
                signature = current
                reloadDue = now + Self.quietPeriod
            }
        }
        guard let due = reloadDue, now >= due else { return false }
        reloadDue = nil
        return true
    }

    // MARK: inotify

    private static func inotifyDescriptor(folder: String) -> Int32? {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
            _ = close(descriptor)
            return nil
        }
        return descriptor
        #else
        return nil
        #endif
    }

    /// Reads every pending inotify record; true when one names a fixture file.
    private func readNotifications() -> Bool {
        guard let descriptor else { return false }
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // Each record: wd (4 bytes), mask (4), cookie (4), len (4), then `len` bytes of name.
            let headerSize = 16
            while offset + headerSize <= count {
                let length = buffer.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)) }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                if fileNames.contains(name) { changed = true }
                offset += headerSize + length
            }
        }
        return changed
    }

    // MARK: Polling

    private func currentSignature() -> [String] {
        fileNames.sorted().map { name in
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { return name + ": missing" }
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            return "\(name): \(info.st_ino) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
        }
    }
}
