import Catalog
import SnapshotFormat

/// A catalog's snapshot sections (see `CatalogSection`), encoded on another thread from the
/// moment this is made.
///
/// Made as soon as the catalog is loaded, the encoding runs while the search index is built,
/// whose serial stretches leave a core free, instead of after it: a first run, which builds the
/// index and then writes the snapshot, waits that much less.
public struct CatalogEncoding: Sendable {
    let sections: SectionsInBackground

    /// Starts encoding `catalog`.
    public init(_ catalog: Catalog) {
        sections = SectionsInBackground(sectionCount: CatalogSection.sectionCount) { CatalogSection.append(catalog, to: &$0) }
    }
}
