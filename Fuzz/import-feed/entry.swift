import Import

/// Reads any bytes as a feed: format detection, then libxml2's XML parser with the import's
/// limits (no external entities, capped expansion and depth).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = ImportFormat.detect(bytes)
    _ = try? ArticleReader.read(bytes, format: .rss, source: "fuzz.xml")
    return 0
}
