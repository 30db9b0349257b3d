@testable import SnapshotFormat
@testable import TextSearch

/// Fuzzes the snapshot reader as a hostile file would meet it: checksums are not checked (an
/// attacker recomputes them), so every mutation reaches the structural checks of the header,
/// the sections and the index. Opening must refuse or succeed without trapping, and a snapshot
/// it accepts must answer searches (ranking, highlights, snippets, facets) without trapping.
/// The seed is a small valid index snapshot of `schema` (see `SnapshotIndexTests`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = MappedFile(copying: UnsafeRawBufferPointer(start: data, count: size))
    guard let reader = try? SnapshotReader(file: file, version: 1, checkingChecksums: false) else { return 0 }
    var cursor = reader.cursor()
    guard let index = try? SearchIndex(schema: schema, reading: &cursor) else { return 0 }
    for query in ["s", "radio gold", "\"gold radio\"", "sector:itu-r radio", "satelite~", "title:orbit -gold", "year:2020"] {
        _ = index.search(query)
        _ = index.search(query, options: SearchOptions(limit: 3, lastWordIsPrefix: false, filters: ["type": ["news"]]))
    }
    return 0
}

/// The schema of the seed snapshots.
private let schema = IndexSchema(
    fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "summary", weight: 1.5),
             FieldDefinition(name: "body", weight: 1)],
    facets: ["sector", "org", "category", "type"],
    facetAliases: ["organization": "org"],
    snippetField: "body")
