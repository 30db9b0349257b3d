/// Reads the three fixture files, checks them, and builds a `Catalog`, or reports every
/// problem found.
///
/// Files are read in the order sectors, organizations, news, so that each can be checked
/// against the ones before it (memberships name Sectors; news name organizations and Sectors).
/// Loading never writes anything and never traps, whatever the bytes.
public enum FixtureLoader {
    /// The version of the fixture format this code reads.
    public static let schemaVersion = 1

    /// Loads `sectors.json`, `organizations.json` and `news.json` from a folder. Problems name
    /// each file as the folder was given joined with the file name (`fixtures/news.json`).
    public static func load(directory: String) -> FixtureLoadResult {
        load(directory: directory, releaseInterval: FixtureLoadSession.defaultReleaseInterval)
    }

    /// `load(directory:)`, giving the bytes read back to the system every `releaseInterval` bytes.
    static func load(directory: String, releaseInterval: Int) -> FixtureLoadResult {
        let folderName = directory.isEmpty ? "." : directory
        switch FileSystem.kind(of: folderName) {
        case .missing:
            return failure(file: folderName, "folder not found")
        case .regularFile, .other:
            return failure(file: folderName, "not a folder")
        case .directory:
            break
        }
        if case .failure(let failure) = FileSystem.contentsOfDirectory(folderName) {
            return self.failure(file: folderName, failure.message)
        }
        let paths = FixtureFile.Kind.allCases.map { (kind: $0, path: FileSystem.join(directory, $0.fileName)) }
        guard paths.contains(where: { FileSystem.kind(of: $0.path) != .missing }) else {
            return failure(file: folderName, "no fixture files (expected sectors.json, organizations.json and news.json)")
        }
        var session = FixtureLoadSession()
        session.releaseInterval = releaseInterval
        for (kind, path) in paths {
            let failure = FileSystem.withContents(of: path) { bytes, release in
                session.read(kind: kind, name: path, bytes: bytes, release: release)
            }
            if let failure { session.problems.append(FixtureProblem(file: path, message: failure.message)) }
        }
        return session.result()
    }

    /// Loads fixture files given in memory. A kind with no file is reported as not found.
    public static func load(files: [FixtureFile]) -> FixtureLoadResult {
        var session = FixtureLoadSession()
        session.read(files)
        return session.result()
    }

    private static func failure(file: String, _ message: String) -> FixtureLoadResult {
        FixtureLoadResult(catalog: nil, problems: [FixtureProblem(file: file, message: message)])
    }
}
