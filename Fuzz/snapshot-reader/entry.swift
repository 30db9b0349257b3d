import Catalog
@testable import CatalogCache
@testable import SnapshotFormat
@testable import TextSearch

/// Fuzzes the snapshot reader as a hostile file would meet it: checksums are not checked (an
/// attacker recomputes them), so every mutation reaches the structural checks of the header,
/// the sections, the index and the catalog. Opening must refuse or succeed without trapping; an
/// index it accepts must answer searches (ranking, highlights, snippets, facets), and a catalog
/// it accepts must read every item and answer every lookup, without trapping. The seeds are a
/// small index snapshot of `schema` (see `SnapshotIndexTests`) and a small catalog snapshot
/// (see `CatalogSectionTests`), each read as both.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = MappedFile(copying: UnsafeRawBufferPointer(start: data, count: size))
    if let reader = try? SnapshotReader(file: file, version: 1, checkingChecksums: false) {
        var cursor = reader.cursor()
        if let index = try? SearchIndex(schema: schema, reading: &cursor) {
            for query in ["s", "radio gold", "\"gold radio\"", "sector:itu-r radio", "satelite~", "title:orbit -gold", "year:2020"] {
                _ = index.search(query)
                _ = index.search(query, options: SearchOptions(limit: 3, lastWordIsPrefix: false, filters: ["type": ["news"]]))
            }
        }
    }
    guard let reader = try? SnapshotReader(file: file, version: CatalogSnapshot.formatVersion, checkingChecksums: false) else { return 0 }
    if let catalog = try? CatalogSnapshot.readCatalogSections(reader) { useEverything(catalog) }
    if let (search, catalog) = try? CatalogSnapshot.readSections(reader) {
        useEverything(catalog)
        _ = search.search("gold radio")
    }
    return 0
}

/// Reads every news item and asks every lookup and relation of `catalog`.
private func useEverything(_ catalog: Catalog) {
    for item in catalog.news {
        _ = catalog.item(id: item.id)
        _ = catalog.organizations(of: item)
    }
    for organization in catalog.organizations { _ = Array(catalog.news(about: organization.id, category: "membership")) }
    for sector in catalog.sectors { _ = (catalog.members(of: sector.id), Array(catalog.news(inSector: sector.id))) }
    _ = (catalog.newsCategories, catalog.newsItem(id: "gold"))
}

/// The schema of the index seed snapshots.
private let schema = IndexSchema(
    fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "summary", weight: 1.5),
             FieldDefinition(name: "body", weight: 1)],
    facets: ["sector", "org", "category", "type"],
    facetAliases: ["organization": "org"],
    snippetField: "body")
