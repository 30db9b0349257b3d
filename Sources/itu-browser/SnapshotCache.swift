import CatalogCache
import CatalogSearch
import Foundation

/// The search index of the fixtures folder a command reads: viewed in the folder's snapshot
/// when a valid one exists, else built from the fixtures and saved as the new snapshot. A
/// missing, stale or damaged snapshot, or a cache folder that cannot be written, only costs
/// the build (with a note under `--verbose`).
struct SnapshotCache {
    let catalogOptions: CatalogOptions
    let cacheOptions: CacheOptions

    static var directory: CacheDirectory? { CacheDirectory(environment: ProcessInfo.processInfo.environment) }

    func searchIndex() throws(CommandFailure) -> CatalogSearchIndex {
        let location = try catalogOptions.location()
        guard !cacheOptions.noCache, let cache = SnapshotCache.directory,
              let realFolder = CacheDirectory.realPath(location.path) else {
            return CatalogSearchIndex(catalog: try catalogOptions.loadCatalog())
        }
        switch CatalogSnapshot.open(realFolder: realFolder, cache: cache) {
        case .success(let snapshot):
            CatalogOptions.noteWarnings(snapshot.warningCount, location: location)
            note("using the snapshot \(cache.snapshotPath(realFolder: realFolder))")
            return snapshot.search
        case .failure(let reason):
            note("rebuilding the snapshot: \(reason)")
        }
        let stamps = CatalogSnapshot.Stamps(realFolder: realFolder)
        let (catalog, warningCount) = try catalogOptions.loadCatalogCountingWarnings()
        let index = CatalogSearchIndex(catalog: catalog)
        do {
            try CatalogSnapshot.write(search: index, warningCount: warningCount, stamps: stamps, realFolder: realFolder, cache: cache)
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
