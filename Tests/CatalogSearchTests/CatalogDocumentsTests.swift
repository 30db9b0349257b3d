import Catalog
@testable import CatalogSearch
import Testing
import TextSearch

/// The index's documents, made on demand with links resolved once, must equal documents made
/// item by item through the catalog's own lookups.
@Suite struct CatalogDocumentsTests {
    /// A news document as the catalog's lookups describe it.
    static func reference(_ item: NewsItem, catalog: Catalog) -> Document {
        let organizations = catalog.organizations(of: item)
        let sectors = catalog.sectors(of: item)
        let names = organizations.flatMap(CatalogDocuments.names(of:)) + sectors.flatMap { [$0.id, $0.name] }
        return Document(
            id: "news/" + item.id,
            fields: ["title": item.title, "summary": item.summary, "body": item.body,
                     "tags": CatalogDocuments.lines(item.tags + [item.category]), "names": CatalogDocuments.lines(names)],
            facets: ["type": ["news"], "sector": sectors.map(\.id), "org": organizations.map(\.id),
                     "category": [item.category], "year": [String(item.date.year)]],
            date: item.date.earliestKey)
    }

    static func expectEqual(_ a: Document, _ b: Document) {
        #expect(a.id == b.id)
        #expect(a.fields == b.fields)
        #expect(a.facets == b.facets)
        #expect(a.date == b.date)
    }

    @Test func newsDocumentsEqualThoseMadeThroughCatalogLookups() {
        for catalog in [SmallCatalog.make(), CatalogDocumentsTests.generated()] {
            let source = CatalogDocuments.Source(catalog)
            #expect(source.count == catalog.news.count + catalog.organizations.count + catalog.sectors.count)
            for (i, item) in catalog.news.enumerated() {
                CatalogDocumentsTests.expectEqual(source.document(i), CatalogDocumentsTests.reference(item, catalog: catalog))
            }
            for (k, organization) in catalog.organizations.enumerated() {
                CatalogDocumentsTests.expectEqual(source.document(catalog.news.count + k), CatalogDocuments.organization(organization))
            }
        }
    }

    @Test func indexOfACatalogEqualsAnIndexOfItsDocumentsInOrder() {
        let catalog = CatalogDocumentsTests.generated()
        let source = CatalogDocuments.Source(catalog)
        let documents = (0..<source.count).map(source.document)
        let fromDocuments = SearchIndex(schema: CatalogDocuments.schema, documents: documents)
        let index = CatalogSearchIndex(catalog: catalog).index
        for query in ["s", "satellite spectrum", "title:orbit", "sector:ITU-D development", "\"radio regulations\"", "org:"] {
            #expect(index.search(query) == fromDocuments.search(query), "\(query)")
        }
    }

    static func generated() -> Catalog {
        let corpus = CorpusGenerator(newsCount: 2_500, organizationCount: 60, seed: 4).makeCorpus()
        return Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news)
    }
}
