import Import

/// Reads any bytes as a web page through libxml2's HTML parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ArticleReader.read(bytes, format: .html, source: "fuzz.html")
    return 0
}
