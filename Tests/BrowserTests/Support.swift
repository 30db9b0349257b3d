import Foundation
@testable import Browser
import Catalog
import CatalogSearch
import Screen

/// Builds a state over `catalog` with a search index, at the given size.
func makeState(_ catalog: Catalog = TestCatalog.small, width: Int = 140, height: Int = 40,
               withSearch: Bool = true, openItem: String? = nil, query: String? = nil) -> BrowserState {
    BrowserState(catalog: catalog, search: withSearch ? CatalogSearchIndex(catalog: catalog) : nil,
                 width: width, height: height, openItem: openItem, query: query)
}

extension BrowserState {
    mutating func send(_ keys: Key...) {
        for key in keys { Browser.update(&self, .key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { Browser.update(&self, .key(.character(character))) }
    }

    mutating func click(x: Int, y: Int) { Browser.update(&self, .mouse(MouseEvent(kind: .press, x: x, y: y))) }

    var screen: String { Browser.render(self).text }
}

/// Where `text` first appears in `frame` (searching rows from column `minX`).
func find(_ text: String, in frame: Frame, fromColumn minX: Int = 0) -> (x: Int, y: Int)? {
    for y in 0..<frame.height {
        var line: [(Int, String)] = []
        for x in min(minX, frame.width)..<frame.width where !frame[x, y].isContinuation {
            line.append((x, frame[x, y].grapheme))
        }
        let joined = line.map(\.1).joined()
        guard let range = joined.range(of: text) else { continue }
        let offset = joined[joined.startIndex..<range.lowerBound].count
        return (line[offset].0, y)
    }
    return nil
}
