import Catalog
import Dispatch

/// Imports articles into a fixtures folder: under the writer's lock, links them to the
/// catalog as it is then, plans each item against it (see `ImportPlanner`), and writes the
/// change through `FixtureWriter`.
///
/// Sources given as fetched bytes are parsed and linked on other threads while the fixtures'
/// news are decoded (linking needs only the Sectors and organizations, which are decoded
/// first), so that the two largest parts of an import overlap.
public enum NewsImport {
    /// What an import did: each item's outcome, and whether `news.json` was written.
    public struct Result: Sendable {
        public var plan: ImportPlan
        public var written: Bool
    }

    /// Why nothing was imported: sources that could not be read (all of them are reported),
    /// or fixtures that could not be loaded or written.
    public enum Failure: Error, Sendable {
        case sources([ImportFailure])
        case fixtures(FixtureWriter.Failure)
    }

    /// The steps of an import, reported as each one ends (a benchmark times them).
    public enum Step: Sendable {
        /// The fixtures were read and loaded (and the sources read and linked beside them).
        case loaded
        /// The articles were linked to the catalog and made into items.
        case linked
        /// Each item was planned: new, already there or a near duplicate.
        case planned
        /// `news.json` was edited and the result checked by the loader's rules.
        case checked
        /// The new `news.json` was written durably.
        case written
    }

    /// Imports articles already read.
    public static func run(_ articles: [SourceArticle], into directory: String, options: ImportOptions,
                           dryRun: Bool, progress: (Step) -> Void = { _ in }) -> Swift.Result<Result, FixtureWriter.Failure> {
        let outcome = run(articles: { ReadSources(articles: articles, failures: []) }, into: directory, options: options, dryRun: dryRun,
                          progress: progress)
        return outcome.mapError { failure in
            guard case .fixtures(let fixtures) = failure else { preconditionFailure("articles already read cannot fail") }
            return fixtures
        }
    }

    /// Parses `sources` with `reader` and imports their articles; if any source cannot be
    /// parsed, nothing is written and every such source is reported.
    public static func run(reading sources: [FetchedSource], with reader: SourceReader, into directory: String,
                           options: ImportOptions, dryRun: Bool,
                           progress: (Step) -> Void = { _ in }) -> Swift.Result<Result, Failure> {
        run(articles: { read(sources, with: reader) }, into: directory, options: options, dryRun: dryRun,
            progress: progress)
    }

    /// What reading sources gave: the articles of those that could be read, in order, and
    /// the failures of the others.
    public struct ReadSources: Sendable {
        public var articles: [SourceArticle]
        public var failures: [ImportFailure]
    }

    /// Every source's articles, in order, and every source's failure.
    public static func read(_ sources: [FetchedSource], with reader: SourceReader) -> ReadSources {
        var read = ReadSources(articles: [], failures: [])
        for source in sources {
            do {
                read.articles += try reader.articles(of: source)
            } catch {
                read.failures.append(error)
            }
        }
        return read
    }

    /// Articles read and linked, and the sources that could not be read.
    private struct Linked: Sendable {
        var imported: [ImportedNews]
        var failures: [ImportFailure]

        init(_ read: ReadSources, linker: () -> EntityLinker) {
            failures = read.failures
            guard failures.isEmpty else {
                imported = []
                return
            }
            let linker = linker()
            imported = read.articles.parallelMap { ImportedNews($0, linker: linker) }
        }
    }

    private static func run(articles: @escaping @Sendable () -> ReadSources,
                            into directory: String, options: ImportOptions, dryRun: Bool,
                            progress: (Step) -> Void) -> Swift.Result<Result, Failure> {
        var plan = ImportPlan()
        var linking: BackgroundWork<Linked>?
        var failedSources: [ImportFailure] = []
        // The catalog the fixtures load into, kept so that it is freed on another thread.
        var loaded: Catalog?
        let outcome = FixtureWriter.changeNews(in: directory, dryRun: dryRun, progress: { step in
            switch step {
            case .loaded: progress(.loaded)
            case .changed: progress(.planned)
            case .checked: progress(.checked)
            case .written: progress(.written)
            }
        }, beforeNews: { sectors, organizations in
            linking = BackgroundWork { Linked(articles()) { EntityLinker(sectors: sectors, organizations: organizations) } }
        }) { catalog in
            loaded = catalog
            let linked = linking?.value ?? Linked(articles()) { EntityLinker(catalog: catalog) }
            progress(.linked)
            guard linked.failures.isEmpty else {
                failedSources = linked.failures
                return FixtureWriter.NewsChange()
            }
            plan = ImportPlanner.plan(linked.imported, against: catalog, options: options)
            return FixtureWriter.NewsChange(added: plan.added, replaced: plan.replaced)
        }
        // Freeing a large catalog (every item of the fixtures) takes a good part of a second,
        // which the import need not wait for: the last reference goes to another thread.
        if let catalog = loaded {
            loaded = nil
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(catalog) {} }
        }
        // The sources' problems come first, as when they were read before the fixtures, and the
        // linking thread has ended before this returns.
        if let failures = linking?.value.failures, !failures.isEmpty { failedSources = failures }
        if !failedSources.isEmpty { return .failure(.sources(failedSources)) }
        return outcome.map { Result(plan: plan, written: $0) }.mapError { .fixtures($0) }
    }
}
