#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import CatalogSearch
import SnapshotFormat

/// A fixtures folder's catalog and search index saved in one memory-mapped file, a cache of the
/// JSON fixtures (which stay the source of truth: the file can always be deleted).
///
/// Opening checks, in order: the file's structure and header checksum, the program that wrote
/// it (`BuildIdentity`), the folder, every fixture file's stamp, then each section's checksum
/// and the index's own consistency (`SearchIndex.init(schema:reading:)`), then the catalog's
/// (`CatalogSection`), except the field texts' and news records' bytes, checked block by block
/// when an item or hit shows them (`CatalogSearchIndex.snapshotDamage` and
/// `Catalog.storageDamage` then report a failure). Any failure is a reason to rebuild, never a crash.
public struct CatalogSnapshot: Sendable {
    /// Bump when the sections written change.
    public static let formatVersion: UInt32 = 3

    public let search: CatalogSearchIndex
    /// The catalog, its news read from the file when used (see `MappedNewsStorage`).
    public let catalog: Catalog
    /// Warnings the fixtures gave when the snapshot was built.
    public let warningCount: Int

    /// The snapshot of `realFolder` (see `CacheDirectory.realPath`) if one exists and is valid,
    /// else why not.
    public static func open(realFolder: String, cache: CacheDirectory) -> Result<CatalogSnapshot, SnapshotError> {
        Result { () throws(SnapshotError) in
            let (reader, identity) = try validReader(realFolder: realFolder, cache: cache)
            let (search, catalog) = try readSections(reader)
            return CatalogSnapshot(search: search, catalog: catalog, warningCount: identity.warningCount)
        }
    }

    /// Only the search index of the snapshot of `realFolder`, if one exists and is valid, else
    /// why not: the catalog's sections are neither read nor checked (for a command that shows
    /// only what the index holds, such as `search`).
    public static func openSearch(realFolder: String, cache: CacheDirectory) -> Result<(search: CatalogSearchIndex, warningCount: Int), SnapshotError> {
        Result { () throws(SnapshotError) in
            let (reader, identity) = try validReader(realFolder: realFolder, cache: cache)
            return (try readSearchSections(reader), identity.warningCount)
        }
    }

    /// Only the catalog of the snapshot of `realFolder`, if one exists and is valid, else why
    /// not: the sections that only searching needs are neither read nor checked, so this is
    /// much faster than `open` for a command that shows items and does not search.
    public static func openCatalog(realFolder: String, cache: CacheDirectory) -> Result<(catalog: Catalog, warningCount: Int), SnapshotError> {
        Result { () throws(SnapshotError) in
            let (reader, identity) = try validReader(realFolder: realFolder, cache: cache)
            return (try readCatalogSections(reader), identity.warningCount)
        }
    }

    /// The snapshot file of `realFolder`, opened and checked to describe the folder as it is now.
    private static func validReader(realFolder: String, cache: CacheDirectory) throws(SnapshotError) -> (SnapshotReader, SnapshotIdentity) {
        let path = cache.snapshotPath(realFolder: realFolder)
        guard let file = MappedFile(path: path) else { throw SnapshotError("no snapshot at \(path)") }
        let reader = try SnapshotReader(file: file, version: formatVersion)
        let identity = try SnapshotIdentity(decoding: reader.identity)
        if let problem = mismatch(identity, realFolder: realFolder) { throw SnapshotError(problem) }
        return (reader, identity)
    }

    /// The index and catalog a snapshot's sections hold (see `appendSections`), viewed in place.
    static func readSections(_ reader: SnapshotReader) throws(SnapshotError) -> (search: CatalogSearchIndex, catalog: Catalog) {
        var cursor = reader.cursor()
        let search = try CatalogSearchIndex(reading: &cursor)
        let catalog = try CatalogSection.read(&cursor, texts: search.texts)
        guard cursor.isAtEnd else { throw SnapshotError("unexpected sections at the end") }
        return (search, catalog)
    }

    /// The index a snapshot's sections hold, the catalog's passed over.
    static func readSearchSections(_ reader: SnapshotReader) throws(SnapshotError) -> CatalogSearchIndex {
        var cursor = reader.cursor(sectionsRead: CatalogSearchIndex.snapshotSectionCount)
        let search = try CatalogSearchIndex(reading: &cursor)
        try cursor.skip(cursor.sectionsLeft)
        return search
    }

    /// The catalog a snapshot's sections hold, with only the texts of the index read.
    static func readCatalogSections(_ reader: SnapshotReader) throws(SnapshotError) -> Catalog {
        // No second thread checks sections ahead (`AheadChecks`): most of those it would take are
        // the index's, which this reader skips.
        var cursor = reader.cursor(aheadThreshold: .max)
        let texts = try IndexedTexts(reading: &cursor)
        let catalog = try CatalogSection.read(&cursor, texts: texts)
        guard cursor.isAtEnd else { throw SnapshotError("unexpected sections at the end") }
        return catalog
    }

    /// The sections of a snapshot: the index, then the catalog, which reads texts from it.
    /// The catalog's are encoded on another thread (see `CatalogEncoding`): the two need nothing
    /// of each other.
    static func appendSections(catalog: CatalogEncoding, search: CatalogSearchIndex, to writer: inout SnapshotWriter) {
        search.append(to: &writer)
        writer.append(catalog.sections)
    }

    /// Why a snapshot with `identity` does not describe `realFolder` as it is now, or nil.
    static func mismatch(_ identity: SnapshotIdentity, realFolder: String) -> String? {
        guard identity.build == BuildIdentity.current else { return "written by another build of the program" }
        guard identity.folder == realFolder else { return "made for another folder (\(identity.folder))" }
        guard identity.stamps.map(\.name) == FixtureStamp.fileNames() else { return "fixture list differs" }
        for stamp in identity.stamps {
            if let problem = stamp.mismatch(folder: realFolder, stampTime: identity.stampTime) { return problem }
        }
        return nil
    }

    /// Stamps of the fixture files, taken before they are read for a build (see `write`).
    public struct Stamps: Sendable {
        let stamps: [FixtureStamp]
        let time: Int64
        /// Whether the content hashes were taken with the metadata (else `write` takes them).
        let hashed: Bool

        /// Metadata and content hashes, now.
        public init(realFolder: String) {
            time = CatalogSnapshot.now()
            stamps = FixtureStamp.take(folder: realFolder)
            hashed = true
        }

        /// Metadata only (three `stat` calls, for a start-up that cannot wait for hashing);
        /// `write` hashes the files later and refuses files modified moments before this stamp.
        public init(metadataOf realFolder: String) {
            time = CatalogSnapshot.now()
            stamps = FixtureStamp.fileNames().map { FixtureStamp.metadata(folder: realFolder, name: $0) }
            hashed = false
        }

        /// Whether the files still have the metadata they had when stamped (so what was read is what was stamped).
        func unchanged(realFolder: String) -> Bool {
            stamps.allSatisfy { $0.sameMetadata(as: FixtureStamp.metadata(folder: realFolder, name: $0.name)) }
        }

        /// With content hashes. Hashing after the files were read proves what was read only when
        /// no file was modified within the timestamp granularity of the stamp (see `FixtureStamp`).
        func completed(realFolder: String) throws(SnapshotError) -> Stamps {
            guard !hashed else { return self }
            if stamps.contains(where: { $0.isRacy(stampTime: time) }) {
                throw SnapshotError("a fixture file was modified moments ago; the next start writes the snapshot")
            }
            return Stamps(stamps: stamps.map { $0.hashed(folder: realFolder) }, time: time, hashed: true)
        }

        private init(stamps: [FixtureStamp], time: Int64, hashed: Bool) {
            self.stamps = stamps
            self.time = time
            self.hashed = hashed
        }
    }

    /// Writes the snapshot of `realFolder`: the catalog `catalog` encodes and its index `search`,
    /// built from the files `stamps` describes, through a
    /// temporary file and a rename, so concurrent readers see the old file or the whole new one.
    /// Nothing is written when a file changed since it was stamped. Throws when the cache folder
    /// cannot be created or written (read-only, full): the caller then works without a cache.
    public static func write(catalog: CatalogEncoding, search: CatalogSearchIndex, warningCount: Int, stamps: Stamps,
                             realFolder: String, cache: CacheDirectory) throws(SnapshotError) {
        let stamps = try stamps.completed(realFolder: realFolder)
        guard stamps.unchanged(realFolder: realFolder) else { throw SnapshotError("fixtures changed while they were read") }
        if let reason = cache.whyUnwritable() { throw SnapshotError(reason) }
        let identity = SnapshotIdentity(build: BuildIdentity.current, folder: realFolder, stampTime: stamps.time,
                                        warningCount: warningCount, stamps: stamps.stamps)
        var writer = SnapshotWriter(version: formatVersion, identity: identity.encoded())
        appendSections(catalog: catalog, search: search, to: &writer)
        try writer.write(to: cache.snapshotPath(realFolder: realFolder))
    }

    /// Checks the news records' bytes, otherwise checked only when read, for a report on the
    /// whole file; nil when intact.
    func checkNewsRecords() -> String? {
        (catalog.news.storage as? MappedNewsStorage)?.checkRecords()
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// What `itu-browser cache info` shows of a folder's snapshot.
public struct SnapshotStatus: Sendable {
    public let path: String
    /// Bytes, nil when there is no snapshot.
    public let size: Int?
    /// Seconds since it was written.
    public let ageSeconds: Double?
    /// Nil when valid, else why it would be rebuilt.
    public let problem: String?

    public init(realFolder: String, cache: CacheDirectory) {
        path = cache.snapshotPath(realFolder: realFolder)
        var status = stat()
        if stat(path, &status) == 0 {
            size = Int(status.st_size)
            ageSeconds = max(0, Double(CatalogSnapshot.now() - FixtureStamp.modifiedNanoseconds(status)) / 1e9)
        } else {
            size = nil
            ageSeconds = nil
        }
        switch CatalogSnapshot.open(realFolder: realFolder, cache: cache) {
        case .success(let snapshot): problem = snapshot.search.index.checkDeferredParts() ?? snapshot.checkNewsRecords()
        case .failure(let error): problem = error.description
        }
    }

    /// Removes the snapshot (and any temporary file a killed writer left); false when there was none.
    public static func clear(realFolder: String, cache: CacheDirectory) -> Bool {
        let path = cache.snapshotPath(realFolder: realFolder)
        let name = String(path.split(separator: "/").last ?? "")
        for other in FolderListing.names(in: cache.path) where other.hasPrefix(name + ".tmp-") {
            unlink(cache.path + "/" + other)
        }
        return unlink(path) == 0
    }
}

/// Lists a folder's entries with `opendir`.
enum FolderListing {
    static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
