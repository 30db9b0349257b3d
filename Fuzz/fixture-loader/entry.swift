import Catalog

/// Fuzzes the fixture loader: the input is up to three files, sectors, organizations and news,
/// separated by the byte 0x1E (a missing one is reported as not found). Loading must never
/// trap, and a catalog it accepts must survive a round trip: written back in the fixture format,
/// it loads again to equal values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size)
        .split(separator: 0x1E, maxSplits: 2, omittingEmptySubsequences: false)
    let files = zip(FixtureFile.Kind.allCases, parts).map { FixtureFile(kind: $0, bytes: Array($1)) }
    let result = FixtureLoader.load(files: files)
    guard let catalog = result.catalog else { return 0 }
    let reloaded = FixtureLoader.load(files: written(catalog))
    guard let again = reloaded.catalog else {
        fatalError("a loaded catalog, written back, does not load: \(reloaded.problems)")
    }
    if again.sectors != catalog.sectors || again.organizations != catalog.organizations || again.news != catalog.news {
        fatalError("a loaded catalog, written back, loads to different values")
    }
    return 0
}

private func written(_ catalog: Catalog) -> [FixtureFile] {
    func file(_ kind: FixtureFile.Kind, _ writeRecords: (inout JSONWriter) -> Void) -> FixtureFile {
        var writer = JSONWriter(prettyPrinted: true)
        writer.beginFixtureFile(kind)
        writeRecords(&writer)
        writer.endFixtureFile()
        return FixtureFile(kind: kind, bytes: writer.takeBytes())
    }
    return [
        file(.sectors) { writer in catalog.sectors.forEach { writer.write($0) } },
        file(.organizations) { writer in catalog.organizations.forEach { writer.write($0) } },
        file(.news) { writer in catalog.news.forEach { writer.write($0) } },
    ]
}
