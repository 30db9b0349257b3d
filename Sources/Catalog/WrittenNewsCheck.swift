/// The loader's rules applied to the items `FixtureWriter` writes into a `news.json` it has just
/// loaded, without reading the items it leaves alone again.
///
/// The rest of the file is the loaded file byte for byte, and new items go between whole items,
/// so the edited file is valid when each written item is: each is decoded from the text written
/// for it, as the loader decodes items, with the ids and names the loader met (the ids of
/// replaced items freed first). Any doubt (a problem, or an item that does not read back as
/// itself) is answered by loading the whole edited file again, for the loader's own verdict and
/// messages.
struct WrittenNewsCheck {
    /// The ids and names met while loading the file before the edit.
    var identifiers: FixtureIdentifiers

    /// Whether every written item reads back as itself with no error. `replaced` are the ids of
    /// the items the change replaces.
    mutating func passes(_ edited: NewsFileEditor.Edited, replaced: [String]) -> Bool {
        for id in replaced { identifiers.unregisterNews(id: id) }
        for (edit, range, item) in edited.items {
            let readsBack = edited.edits[edit].text.withUnsafeBufferPointer { text in
                var decoder = FixtureDecoder(reader: JSONReader(bytes: text, offset: range.lowerBound))
                do {
                    guard let decoded = try decoder.newsItem(index: 0, identifiers: &identifiers) else { return false }
                    return decoded == item && decoder.reader.offset == range.upperBound
                        && !decoder.problems.contains(where: { $0.severity == .error })
                } catch {
                    return false
                }
            }
            guard readsBack else { return false }
        }
        return true
    }
}
