import Catalog
import CatalogSearch
import TextSearch

/// The documents both engines hold for one corpus size: the news documents CatalogSearch makes
/// for a generated catalog (title, summary, body, tags, names), nothing else.
struct BenchCorpus {
    let documents: [Document]
    let organizationCount: Int

    init(size: Int) {
        let generator = CorpusGenerator(newsCount: size, organizationCount: BenchCorpus.organizationCount(size), seed: 2026)
        let corpus = generator.makeCorpus()
        let catalog = Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news)
        documents = CatalogSearchIndex.newsDocuments(of: catalog)
        organizationCount = catalog.organizations.count
    }

    static func organizationCount(_ size: Int) -> Int { max(50, size / 50) }

    /// Our engine over the documents, with the catalog's schema (its weights), built in parallel.
    func ourIndex() -> SearchIndex {
        SearchIndex(schema: CatalogSearchIndex.schema, documents: documents)
    }

    /// FTS5 over the same documents, columns and weights.
    func fts5Index(limit: Int) throws -> FTS5Engine {
        let engine = try FTS5Engine(schema: CatalogSearchIndex.schema, limit: limit)
        try engine.insert(documents)
        return engine
    }
}
