import Catalog
import CatalogSearch
@testable import TextSearch

/// Fuzzes the query parser, planner and ranker: the first byte chooses the options (bit 0: the
/// last word is a prefix; bit 1: news only), the rest is the query, decoded as UTF-8 with
/// invalid bytes replaced. A search must never trap, its pruned top-k must equal the
/// exhaustive ranking, a search session must return what a plain search returns, and every
/// snippet highlight must lie inside its snippet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let flags = data[0]
    let query = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    var options = SearchOptions(limit: 20, lastWordIsPrefix: flags & 1 != 0)
    if flags & 2 != 0 { options.filters["type"] = ["news"] }

    let index = fuzzIndex.index
    let pruned = index.search(query, options: options)
    var exhaustiveOptions = options
    exhaustiveOptions.exhaustiveRanking = true
    let exhaustive = index.search(query, options: exhaustiveOptions)
    if pruned.hits.map(\.id) != exhaustive.hits.map(\.id) || pruned.totalMatches != exhaustive.totalMatches {
        fatalError("pruned and exhaustive ranking differ for \(query.debugDescription)")
    }
    var session = SearchSession(index: index)
    _ = session.search(String(query.prefix(query.count / 2)), options: options)
    if session.search(query, options: options) != pruned {
        fatalError("a session's results differ from a plain search for \(query.debugDescription)")
    }
    for hit in pruned.hits {
        guard let snippet = hit.snippet else { continue }
        let length = snippet.text.utf8.count
        if snippet.highlights.contains(where: { $0.lowerBound < 0 || $0.upperBound > length }) {
            fatalError("a snippet highlight lies outside its snippet for \(query.debugDescription)")
        }
    }
    _ = fuzzIndex.search(query, types: [.organization, .sector], limit: 5)
    return 0
}

/// A small generated catalog, indexed once for every input.
private let fuzzIndex: CatalogSearchIndex = {
    let corpus = CorpusGenerator(newsCount: 400, organizationCount: 40, seed: 1).makeCorpus()
    return CatalogSearchIndex(catalog: Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news))
}()
