import Foundation

/// The checksums of a snapshot's later sections, checked on another thread while the reader
/// checks the earlier ones itself (see `SnapshotReader.cursor`).
///
/// The sections checked whole when read are split in two runs: a worker thread hashes the
/// sections of the second run, dropping their pages as it goes (as the reader does), and
/// records which ones fail. The reader, on reaching a section of that run, waits for the
/// worker, then only inspects the values. Sections marked block-checked are never hashed here.
/// Every result is read under `condition`, after the worker has published all of them.
public final class AheadChecks: @unchecked Sendable {
    /// Below this many bytes to check, the reader checks them all itself: a second thread
    /// would cost more than it saves.
    public static let defaultThreshold = 8 << 20
    /// The pieces in which the reader inspects a section checked ahead (then drops its pages).
    static let chunkSize = 1 << 20
    /// The worker's share of the bytes, in percent. Less than half: the reader still inspects
    /// the worker's sections after it.
    static let workerShare = 45

    /// The first section of the worker's run; it runs to the last section.
    let firstSection: Int
    private let sections: [SnapshotReader.Section]
    private let condition = NSCondition()
    private var finished = false
    private var failed: Set<Int> = []
    private var hashed: [Int] = []

    private init(firstSection: Int, sections: [SnapshotReader.Section]) {
        self.firstSection = firstSection
        self.sections = sections
    }

    /// Starts the worker over the last sections of `file`, or returns nil when the sections to
    /// check hold `threshold` bytes or fewer.
    static func start(sections: [SnapshotReader.Section], file: MappedFile, threshold: Int) -> AheadChecks? {
        let sizes = sections.map { $0.isBlockChecked ? 0 : $0.byteCount }
        let total = sizes.reduce(0, +)
        guard total > threshold else { return nil }
        var first = sections.count
        var taken = 0
        while first > 1 && taken * 100 < total * workerShare {
            first -= 1
            taken += sizes[first]
        }
        let checks = AheadChecks(firstSection: first, sections: sections)
        Thread.detachNewThread { checks.run(file: file) }
        return checks
    }

    private func run(file: MappedFile) {
        var failures: Set<Int> = []
        var done: [Int] = []
        for index in firstSection..<sections.count where !sections[index].isBlockChecked {
            let section = sections[index]
            let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<section.offset + section.byteCount])
            if XXH64.hash(bytes, afterEachChunk: { file.release($0) }) != section.checksum { failures.insert(index) }
            done.append(index)
        }
        condition.lock()
        failed = failures
        hashed = done
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The sections the worker hashed, once it is done (for tests).
    var hashedSections: [Int] {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return hashed
    }

    /// Nil when section `index` is not the worker's to check; else, once the worker is done,
    /// whether its checksum matched.
    func result(of index: Int) -> Bool? {
        guard index >= firstSection, index < sections.count, !sections[index].isBlockChecked else { return nil }
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return !failed.contains(index)
    }
}
