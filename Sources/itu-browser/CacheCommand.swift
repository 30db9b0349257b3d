import ArgumentParser
import CatalogCache
import Foundation

/// `itu-browser cache info|clear`: the snapshot of a fixtures folder (its catalog's search index
/// saved for instant start-up; a cache of the JSON files, rebuilt whenever they change).
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or remove the snapshot of a fixtures folder.",
        subcommands: [Info.self, Clear.self]
    )

    /// The cache folder and the real path of the fixtures folder the options name.
    static func locate(_ options: CatalogOptions) throws -> (cache: CacheDirectory, realFolder: String) {
        let location = try options.location()
        let cache = SnapshotCache.directory
        guard let realFolder = CacheDirectory.realPath(location.path) else {
            throw CommandFailure("no folder \(location.path)")
        }
        return (cache, realFolder)
    }

    /// `cache info`: path, size, age and validity of the snapshot.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the snapshot's path, size, age and validity.")

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let (cache, realFolder) = try CacheCommand.locate(catalogOptions)
            let status = SnapshotStatus(realFolder: realFolder, cache: cache)
            Console.write("snapshot: " + status.path)
            Console.write("fixtures: " + realFolder)
            guard let size = status.size else {
                Console.write("status:   none (the next search, list, show or browse writes it)")
                return
            }
            Console.write("size:     " + ByteCountText.megabytes(size))
            Console.write("age:      " + AgeText.describe(seconds: status.ageSeconds ?? 0))
            Console.write("status:   " + (status.problem.map { "invalid, will be rebuilt: " + $0 } ?? "valid"))
        }
    }

    /// `cache clear`: removes the snapshot.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the snapshot (the fixtures are not touched).")

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let (cache, realFolder) = try CacheCommand.locate(catalogOptions)
            let path = cache.snapshotPath(realFolder: realFolder)
            Console.write(SnapshotStatus.clear(realFolder: realFolder, cache: cache) ? "removed " + path : "no snapshot at " + path)
        }
    }
}

/// Sizes for people: "12.3 MB".
enum ByteCountText {
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB (%d bytes)", Double(bytes) / 1_000_000, bytes)
    }
}

/// Ages for people: "42 s", "3 min", "5 h", "2 days".
enum AgeText {
    static func describe(seconds: Double) -> String {
        switch seconds {
        case ..<60: return "\(Int(seconds)) s"
        case ..<3_600: return "\(Int(seconds / 60)) min"
        case ..<172_800: return "\(Int(seconds / 3_600)) h"
        default: return "\(Int(seconds / 86_400)) days"
        }
    }
}
