import Catalog
import CatalogCache
import CatalogSearch
import Foundation

/// The catalog and search index of the fixtures folder a command reads: viewed in the folder's
/// snapshot when a valid one exists, else built from the fixtures and saved as the new
/// snapshot. A missing, stale or damaged snapshot, or a cache folder that cannot be written,
/// only costs the build (with a note under `--verbose`).
struct SnapshotCache {
    let catalogOptions: CatalogOptions
    let cacheOptions: CacheOptions

    static var directory: CacheDirectory { CacheDirectory(environment: ProcessInfo.processInfo.environment) }

    func searchIndex() throws(CommandFailure) -> CatalogSearchIndex {
        let location = try catalogOptions.location()
        guard let (cache, realFolder) = try place() else {
            return CatalogSearchIndex(catalog: try catalogOptions.loadCatalog())
        }
        if let opened = openSearch(cache: cache, realFolder: realFolder) {
            CatalogOptions.noteWarnings(opened.warningCount, location: location)
            return opened.search
        }
        return try buildFromFixtures(cache: cache, realFolder: realFolder)
    }

    /// The index rebuilt from the fixtures (and saved as a new snapshot) after a search met
    /// `damage` in the snapshot's index, which opening could not see (see `CatalogSearchIndex.snapshotDamage`).
    func rebuilt(after damage: String) throws(CommandFailure) -> CatalogSearchIndex {
        note("rebuilding the snapshot: \(damage)")
        guard let (cache, realFolder) = try place() else { return CatalogSearchIndex(catalog: try catalogOptions.loadCatalog()) }
        return try buildFromFixtures(cache: cache, realFolder: realFolder)
    }

    /// The index built from the fixtures, stamped before they are read, and saved as the snapshot.
    private func buildFromFixtures(cache: CacheDirectory, realFolder: String) throws(CommandFailure) -> CatalogSearchIndex {
        let stamps = CatalogSnapshot.Stamps(realFolder: realFolder)
        let (catalog, warningCount) = try catalogOptions.loadCatalogCountingWarnings()
        return build(catalog: catalog, warningCount: warningCount, stamps: stamps, cache: cache, realFolder: realFolder)
    }

    /// Answers a command that needs the catalog alone (`list`, `show`): `make` makes the output
    /// from the snapshot's catalog when valid, and again from the fixtures if reading it met
    /// damage that opening could not see (see `Catalog.storageDamage`); the output is printed,
    /// then a snapshot is saved when the catalog came from the fixtures.
    func answer(with make: (Catalog) throws -> () -> Void) throws {
        var loaded = try loadCatalog()
        var output = try make(loaded.catalog)
        if let damage = loaded.catalog.storageDamage {
            loaded = try reloadedCatalog(after: damage)
            output = try make(loaded.catalog)
        }
        output()
        loaded.saveSnapshot()
    }

    /// A catalog for a command that answers from the catalog alone.
    struct LoadedCatalog {
        let catalog: Catalog
        /// Saves the snapshot when the catalog was loaded from the fixtures (building its search
        /// index): called after the answer is out, so the answer comes as soon as without a cache.
        let saveSnapshot: () -> Void
    }

    /// The catalog viewed in the folder's valid snapshot (its warnings noted as a load would),
    /// else loaded from the fixtures, with the snapshot saved by `saveSnapshot`.
    private func loadCatalog() throws(CommandFailure) -> LoadedCatalog {
        if let opened = try openedCatalog() { return LoadedCatalog(catalog: opened.catalog) {} }
        guard let (cache, realFolder) = try place() else { return LoadedCatalog(catalog: try catalogOptions.loadCatalog()) {} }
        return try loadFromFixtures(cache: cache, realFolder: realFolder, notingWarnings: true)
    }

    /// The catalog of the folder's snapshot when it is valid (and the cache is used), its
    /// warnings noted as a load of the fixtures would note them; nil otherwise. Only what the
    /// catalog needs of the file is read (see `CatalogSnapshot.openCatalog`).
    func openedCatalog() throws(CommandFailure) -> (catalog: Catalog, warningCount: Int)? {
        guard let (cache, realFolder) = try place(),
              let opened = noting(CatalogSnapshot.openCatalog(realFolder: realFolder, cache: cache), cache: cache, realFolder: realFolder)
        else { return nil }
        CatalogOptions.noteWarnings(opened.warningCount, location: try catalogOptions.location())
        return opened
    }

    /// The catalog loaded from the fixtures (and the snapshot to save) after an answer from the
    /// snapshot's catalog met `damage` that opening could not see (see `Catalog.storageDamage`).
    /// Warnings were noted when the snapshot was opened, so they are not noted again.
    private func reloadedCatalog(after damage: String) throws(CommandFailure) -> LoadedCatalog {
        note("rebuilding the snapshot: \(damage)")
        guard let (cache, realFolder) = try place() else {
            return LoadedCatalog(catalog: try catalogOptions.loadCatalogCountingWarnings(notingWarnings: false).catalog) {}
        }
        return try loadFromFixtures(cache: cache, realFolder: realFolder, notingWarnings: false)
    }

    private func loadFromFixtures(cache: CacheDirectory, realFolder: String, notingWarnings: Bool) throws(CommandFailure) -> LoadedCatalog {
        let stamps = CatalogSnapshot.Stamps(realFolder: realFolder)
        let (catalog, warningCount) = try catalogOptions.loadCatalogCountingWarnings(notingWarnings: notingWarnings)
        return LoadedCatalog(catalog: catalog) {
            _ = build(catalog: catalog, warningCount: warningCount, stamps: stamps, cache: cache, realFolder: realFolder)
        }
    }

    /// The browser's way: the catalog is loaded first (for the first frame) with only the files'
    /// metadata stamped before, and the index comes from this call on a background thread.
    struct Deferred: Sendable {
        let cache: SnapshotCache
        let place: (cache: CacheDirectory, realFolder: String)?
        let stamps: CatalogSnapshot.Stamps?

        /// The index of `catalog` (loaded from the fixtures after the stamps): the snapshot's when
        /// valid, unless `rebuilding` (the snapshot met damage), else built and saved as the snapshot.
        func searchIndex(catalog: Catalog, warningCount: Int, rebuilding: Bool = false) -> CatalogSearchIndex {
            guard let place, let stamps else { return CatalogSearchIndex(catalog: catalog) }
            if !rebuilding, let opened = cache.openSearch(cache: place.cache, realFolder: place.realFolder) { return opened.search }
            return cache.build(catalog: catalog, warningCount: warningCount, stamps: stamps, cache: place.cache, realFolder: place.realFolder)
        }

        /// The same cache and folder with the fixtures' metadata stamped now, before they are read again.
        func restamped() -> Deferred {
            Deferred(cache: cache, place: place, stamps: place.map { CatalogSnapshot.Stamps(metadataOf: $0.realFolder) })
        }
    }

    /// Stamps the fixtures' metadata now, before the catalog is loaded; see `Deferred`.
    func deferred() throws(CommandFailure) -> Deferred {
        Deferred(cache: self, place: try place(), stamps: nil).restamped()
    }

    /// The cache folder and the fixtures folder's real path, nil when the cache is not used.
    private func place() throws(CommandFailure) -> (cache: CacheDirectory, realFolder: String)? {
        let location = try catalogOptions.location()
        guard !cacheOptions.noCache,
              let realFolder = CacheDirectory.realPath(location.path) else { return nil }
        return (SnapshotCache.directory, realFolder)
    }

    /// The snapshot's search index, its catalog left unread (`list`, `show` and the browser's
    /// first frame read that through `openedCatalog`).
    private func openSearch(cache: CacheDirectory, realFolder: String) -> (search: CatalogSearchIndex, warningCount: Int)? {
        noting(CatalogSnapshot.openSearch(realFolder: realFolder, cache: cache), cache: cache, realFolder: realFolder)
    }

    /// What opening the snapshot gave, with a note on whether it is used or why not.
    private func noting<Opened, Failure: Error>(_ result: Result<Opened, Failure>, cache: CacheDirectory, realFolder: String) -> Opened? {
        switch result {
        case .success(let opened):
            note("using the snapshot \(cache.snapshotPath(realFolder: realFolder))")
            return opened
        case .failure(let reason):
            note("rebuilding the snapshot: \(reason)")
            return nil
        }
    }

    private func build(catalog: Catalog, warningCount: Int, stamps: CatalogSnapshot.Stamps, cache: CacheDirectory,
                       realFolder: String) -> CatalogSearchIndex {
        // Checked first: the catalog's encoding starts now, beside the index build, and is
        // wasted work when it cannot be written.
        if let reason = cache.whyUnwritable() {
            note("working without a snapshot: \(reason)")
            return CatalogSearchIndex(catalog: catalog)
        }
        let encoding = CatalogEncoding(catalog)
        let index = CatalogSearchIndex(catalog: catalog, preparingSnapshot: true)
        do {
            try CatalogSnapshot.write(catalog: encoding, search: index, warningCount: warningCount, stamps: stamps, realFolder: realFolder, cache: cache)
            note("wrote \(cache.snapshotPath(realFolder: realFolder))")
        } catch {
            note("working without a snapshot: \(error)")
        }
        return index
    }

    private func note(_ text: String) {
        if cacheOptions.verbose { Console.error("itu-browser: snapshot: " + text) }
    }
}
