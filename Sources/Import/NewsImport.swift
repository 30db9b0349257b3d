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

    public static func run(_ articles: [SourceArticle], into directory: String, options: ImportOptions,
                           dryRun: Bool) -> Swift.Result<Result, FixtureWriter.Failure> {
        var plan = ImportPlan()
        let outcome = FixtureWriter.changeNews(in: directory, dryRun: dryRun) { catalog in
            let linker = EntityLinker(catalog: catalog)
            plan = ImportPlanner.plan(articles.map { ImportedNews($0, linker: linker) }, against: catalog, options: options)
            return FixtureWriter.NewsChange(added: plan.added, replaced: plan.replaced)
        }
        return outcome.map { Result(plan: plan, written: $0) }
    }
}
