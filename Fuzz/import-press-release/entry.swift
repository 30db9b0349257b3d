import Catalog
import Import

/// Reads any bytes as a plain-text press release, then makes an item of it when it can: the
/// parser, the date forms and the boilerplate rules must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let articles = try? ArticleReader.read(bytes, format: .pressRelease, source: "fuzz.txt") else { return 0 }
    for article in articles {
        _ = Slug.make(article.title)
        _ = try? SourceArticle(article, sourceName: "fuzz.txt", address: nil, fileName: "fuzz.txt")
    }
    return 0
}
