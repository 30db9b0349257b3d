import Catalog

/// Imports read articles into a fixtures folder: under the writer's lock, links them to the
/// catalog as it is then, plans each item against it (see `ImportPlanner`), and writes the
/// change through `FixtureWriter`.
public enum NewsImport {
    /// What an import did: each item's outcome, and whether `news.json` was written.
    public struct Result: Sendable {
        public var plan: ImportPlan
        public var written: Bool
    }

    /// The steps of an import, reported as each one ends (a benchmark times them).
    public enum Step: Sendable {
        /// The fixtures were read and loaded.
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

    public static func run(_ articles: [SourceArticle], into directory: String, options: ImportOptions,
                           dryRun: Bool, progress: (Step) -> Void = { _ in }) -> Swift.Result<Result, FixtureWriter.Failure> {
        var plan = ImportPlan()
        let outcome = FixtureWriter.changeNews(in: directory, dryRun: dryRun, progress: { step in
            switch step {
            case .loaded: progress(.loaded)
            case .changed: progress(.planned)
            case .checked: progress(.checked)
            case .written: progress(.written)
            }
        }) { catalog in
            let linker = EntityLinker(catalog: catalog)
            let imported = articles.parallelMap { ImportedNews($0, linker: linker) }
            progress(.linked)
            plan = ImportPlanner.plan(imported, against: catalog, options: options)
            return FixtureWriter.NewsChange(added: plan.added, replaced: plan.replaced)
        }
        return outcome.map { Result(plan: plan, written: $0) }
    }
}
