/// Where a catalog's news items are kept and how they are found: in memory (`MemoryNewsStorage`,
/// what loading the fixtures builds) or elsewhere, e.g. in a memory-mapped snapshot whose
/// items are decoded only when read. `Catalog` answers every question about news through this.
///
/// Positions are the catalog's order of news: newest first, items of the same date in the
/// order of the input. Organization and Sector numbers are positions in `Catalog.organizations`
/// and `Catalog.sectors`. A position out of range is a programming error (it traps, like an
/// array's subscript); nothing read from a file can make one.
public protocol NewsStorage: Sendable {
    /// How many news items there are.
    var count: Int { get }
    /// The whole item at `position`.
    func item(at position: Int) -> NewsItem
    /// Parts of the item at `position`, each read without decoding the rest.
    func id(at position: Int) -> String
    func date(at position: Int) -> PartialDate
    func category(at position: Int) -> String
    func organizationReferences(at position: Int) -> [String]
    /// The position of the item whose id has this `Catalog.key`; with several, the last.
    func position(ofKey key: String) -> Int?
    /// The positions of the news that concern organization number `organization`, in order.
    func positions(aboutOrganization organization: Int) -> [Int]
    /// The positions of the news that concern Sector number `sector`, in order.
    func positions(inSector sector: Int) -> [Int]
    /// The distinct news categories, in any order.
    var categories: [String] { get }
    /// For storage read from a file: the first damage met while reading an item (the item was
    /// then read without the damaged part); the caller should build the catalog again from its
    /// source. Nil while nothing was met, and always for storage in memory.
    var damage: String? { get }
}

/// News items held in memory with the tables that find them. The id index is built with the
/// storage; the lists of news per organization and per Sector, which resolve every reference
/// of every item, are built on their first use (a load for an import never asks for them).
public final class MemoryNewsStorage: NewsStorage {
    /// The items in the catalog's order.
    public let items: [NewsItem]
    private let index: [String: Int]
    private let organization: @Sendable (String) -> Int?
    private let sector: @Sendable (String) -> Int?
    /// The lists of news per organization and per Sector, once built.
    private let references = ProtectedValue<ReferenceLists?>(nil)

    /// The positions of the news that concern each organization and each Sector, in order.
    private struct ReferenceLists {
        var byOrganization: [Int: [Int]] = [:]
        var bySector: [Int: [Int]] = [:]
    }

    /// `items` must be in the catalog's order; `organization` and `sector` resolve a reference
    /// (as written in an item) to a position in the catalog's organizations and Sectors.
    init(items: [NewsItem], organization: @escaping @Sendable (String) -> Int?, sector: @escaping @Sendable (String) -> Int?) {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        // Loops over news go by position: reading a field of `items[i]` copies nothing else.
        for i in items.indices { index[Catalog.key(items[i].id)] = i }
        self.items = items
        self.index = index
        self.organization = organization
        self.sector = sector
    }

    public var count: Int { items.count }
    public func item(at position: Int) -> NewsItem { items[position] }
    public func id(at position: Int) -> String { items[position].id }
    public func date(at position: Int) -> PartialDate { items[position].date }
    public func category(at position: Int) -> String { items[position].category }
    public func organizationReferences(at position: Int) -> [String] { items[position].organizations }
    public func position(ofKey key: String) -> Int? { index[key] }
    public func positions(aboutOrganization organization: Int) -> [Int] { referenceLists.byOrganization[organization] ?? [] }
    public func positions(inSector sector: Int) -> [Int] { referenceLists.bySector[sector] ?? [] }
    public var categories: [String] { Array(Set(items.map(\.category))) }
    public var damage: String? { nil }

    private var referenceLists: ReferenceLists {
        references.withLock { lists in
            if let lists { return lists }
            var built = ReferenceLists()
            // Items cite the same few organizations and Sectors again and again, spelled alike:
            // each spelling is resolved once.
            var organizations: [String: Int?] = [:], sectors: [String: Int?] = [:]
            func resolved(_ reference: String, _ known: inout [String: Int?], _ resolve: (String) -> Int?) -> Int? {
                if let found = known[reference] { return found }
                let found = resolve(reference)
                known[reference] = found
                return found
            }
            for i in items.indices {
                for reference in items[i].organizations {
                    if let o = resolved(reference, &organizations, organization) { built.byOrganization[o, default: []].append(i) }
                }
                for reference in items[i].sectors {
                    if let s = resolved(reference, &sectors, sector) { built.bySector[s, default: []].append(i) }
                }
            }
            lists = built
            return built
        }
    }
}
