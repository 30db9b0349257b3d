/// The loader's rules applied to the items `FixtureWriter` writes into a `news.json` it has just
/// loaded, without reading the items it leaves alone again.
///
/// The rest of the file is the loaded file byte for byte, and new items go between whole items,
/// so the edited file is valid when each written item is: each is decoded from the edited bytes,
/// at the place it was written, as the loader decodes items, with the ids and names the loader
/// met (the ids of replaced items freed first). Any doubt (a problem, or an item that does not
/// read back as itself) is answered by loading the whole edited file again, for the loader's own
/// verdict and messages.
struct WrittenNewsCheck {
    /// The ids and names met while loading the file before the edit.
    var identifiers: FixtureIdentifiers

    /// Whether every written item reads back as itself with no error. `replaced` are the ids of
    /// the items the change replaces.
    mutating func passes(_ written: [(range: Range<Int>, item: NewsItem)], replaced: [String],
                         in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for id in replaced { identifiers.unregisterNews(id: id) }
        for (range, item) in written {
            var decoder = FixtureDecoder(reader: JSONReader(bytes: bytes, offset: range.lowerBound))
            do {
                guard let decoded = try decoder.newsItem(index: 0, identifiers: &identifiers),
                      decoded == item, decoder.reader.offset == range.upperBound,
                      !decoder.problems.contains(where: { $0.severity == .error }) else { return false }
            } catch {
                return false
            }
        }
        return true
    }
}
