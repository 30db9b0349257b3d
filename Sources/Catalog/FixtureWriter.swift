/// The one writer of fixtures: adds and replaces news items in a fixtures folder, safely.
///
/// - Under an exclusive `flock` on the folder, the files are read again, so two writers at once
///   both keep their items.
/// - The whole catalog with the change is checked by the loader's rules before anything is
///   written: the files are loaded once, and the items written are checked against what the
///   load met (see `WrittenNewsCheck`); any doubt loads the whole edited file again.
/// - `news.json` is edited as text: new items are inserted before the first item with a later
///   date (or after the last one), written with the same key order and indentation, and
///   replaced items are rewritten in place. Everything else stays byte for byte, so `git diff`
///   shows only the new items. Where the items lie is what the load recorded, not a second scan.
/// - The new file is written to a temporary file in the same folder, fsynced, renamed over
///   `news.json`, and the folder fsynced: the folder always holds the old file or the new one.
public enum FixtureWriter {
    /// What to change: items to add, and items that replace the ones with their ids.
    public struct NewsChange: Sendable {
        public var added: [NewsItem]
        public var replaced: [NewsItem]

        public init(added: [NewsItem] = [], replaced: [NewsItem] = []) {
            self.added = added
            self.replaced = replaced
        }

        public var isEmpty: Bool { added.isEmpty && replaced.isEmpty }
    }

    /// Why the fixtures were not written; `problems` lists what the loader found.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var problems: [FixtureProblem]

        public var description: String { message }
    }

    /// The steps of `changeNews`, reported as each one ends (a benchmark times them).
    public enum Step: Sendable {
        /// The fixtures were read and loaded.
        case loaded
        /// `change` returned.
        case changed
        /// `news.json` was edited and the result checked.
        case checked
        /// The new `news.json` was written durably.
        case written
    }

    /// Locks the folder, loads its catalog, asks `change` what to do with it, checks the result
    /// and, unless `dryRun`, writes it. Returns whether `news.json` was written. `progress` is
    /// told each step as it ends.
    ///
    /// `beforeNews` is given the Sectors and organizations as soon as their files are decoded,
    /// before `news.json` (by far the largest file) is: work that needs only them can start on
    /// another thread and overlap the decoding of the news. It is called at most once, before
    /// `change`, whether or not the load then succeeds; the organizations are in the file's
    /// order (see `Catalog.ordered` for the catalog's).
    public static func changeNews(in directory: String, dryRun: Bool, progress: (Step) -> Void = { _ in },
                                  beforeNews: ([Sector], [Organization]) -> Void = { _, _ in },
                                  _ change: (Catalog) -> NewsChange) -> Result<Bool, Failure> {
        let folder = directory.isEmpty ? "." : directory
        let lock: FolderLock
        do {
            lock = try FolderLock(path: folder)
        } catch {
            return .failure(Failure(message: error.message, problems: []))
        }
        defer { lock.unlock() }
        FileSystem.removeLeftoverTemporaries(in: directory, for: FixtureFile.Kind.news.fileName)

        var files: [FixtureFile] = []
        for kind in FixtureFile.Kind.allCases {
            let path = FileSystem.join(directory, kind.fileName)
            switch FileSystem.readFile(path) {
            case .success(let bytes): files.append(FixtureFile(kind: kind, name: path, bytes: bytes))
            case .failure(let failure): return .failure(Failure(message: "\(path): \(failure.message)", problems: []))
            }
        }
        var session = FixtureLoadSession()
        session.recordsNewsLayout = true
        session.read(files, kinds: FixtureFile.Kind.allCases.filter { $0 != .news })
        beforeNews(session.sectors, session.organizations)
        session.read(files, kinds: [.news])
        var check = WrittenNewsCheck(identifiers: session.identifiers)
        let newsLayout = session.newsLayout
        let before = session.result()
        guard let catalog = before.catalog, before.errors.isEmpty else {
            return .failure(Failure(message: "the fixtures in \(folder) are invalid; fix them before importing",
                                    problems: before.problems))
        }
        progress(.loaded)
        let newsIndex = files.firstIndex { $0.kind == .news }!
        let newsChange = change(catalog)
        progress(.changed)
        guard !newsChange.isEmpty else { return .success(false) }

        let edited: NewsFileEditor.Edited
        do {
            edited = try files[newsIndex].bytes.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in
                try NewsFileEditor.apply(newsChange, to: bytes, layout: newsLayout)
            }
        } catch {
            return .failure(Failure(message: "\(files[newsIndex].name): cannot be edited: \(error.message)", problems: []))
        }
        if !check.passes(edited, replaced: newsChange.replaced.map(\.id)) {
            var after = files
            after[newsIndex].bytes = files[newsIndex].bytes.withUnsafeBufferPointer { edited.bytes(from: $0) }
            let loaded = FixtureLoader.load(files: after)
            guard loaded.catalog != nil, loaded.errors.isEmpty else {
                return .failure(Failure(message: "the imported items would make the fixtures invalid; nothing was written",
                                        problems: loaded.errors))
            }
        }
        progress(.checked)
        if dryRun { return .success(false) }
        let written = files[newsIndex].bytes.withUnsafeBufferPointer { old in
            FileSystem.replaceDurably(files[newsIndex].name) { sink in edited.forEachPart(of: old) { sink.write($0) } }
        }
        switch written {
        case .success:
            progress(.written)
            return .success(true)
        case .failure(let failure): return .failure(Failure(message: failure.message, problems: []))
        }
    }
}
