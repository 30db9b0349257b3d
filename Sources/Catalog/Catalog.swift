/// The immutable store of Sectors, organizations and news, built once.
///
/// Lookups by id are case-insensitive and also accept an organization's short name and aliases.
/// Relations are precomputed both ways: Sector → members, organization → Sectors and news,
/// news → organizations and Sectors. Listings of news are newest first.
///
/// Sectors and organizations are held in memory; news live in a `NewsStorage`: in memory when
/// the catalog is built from items, or wherever a storage keeps them (a memory-mapped snapshot,
/// whose items are decoded only when read). The answers are the same either way.
///
/// `Catalog` assumes its input is consistent (unique ids, known references); the fixture loader
/// checks that before it builds one. Unknown references met here are skipped, never trapped on.
public struct Catalog: Sendable {
    public let sectors: [Sector]
    /// Organizations in the order of their names (case-insensitive).
    public let organizations: [Organization]
    /// News, newest first; items of the same date keep their order in the input.
    public let news: CatalogNews

    private let sectorIndex: [String: Int]
    private let organizationIndex: [String: Int]
    private let membersBySector: [Int: [Int]]

    public init(sectors: [Sector], organizations: [Organization], news: [NewsItem]) {
        let orgs = Catalog.ordered(organizations)
        let (sectorIndex, organizationIndex) = Catalog.indexes(sectors: sectors, organizations: orgs)
        // Positions are sorted by precomputed keys, then the items are moved into place, so a
        // large catalog is built without copying every item.
        var items = consume news
        let dateKeys = items.map(\.date.sortKey)
        let order = items.indices.sorted { a, b in
            dateKeys[a] == dateKeys[b] ? a < b : dateKeys[a] > dateKeys[b]
        }
        items.arrange(in: order)
        let storage = MemoryNewsStorage(items: items, organization: { organizationIndex[Catalog.key($0)] },
                                        sector: { sectorIndex[Catalog.key($0)] })
        self.init(sectors: sectors, orderedOrganizations: orgs, sectorIndex: sectorIndex,
                  organizationIndex: organizationIndex, newsStorage: storage)
    }

    /// `organizations` in the catalog's order: by name, case ignored, ties in the given order.
    public static func ordered(_ organizations: [Organization]) -> [Organization] {
        organizations.enumerated().sorted { a, b in
            let (x, y) = (a.element.name.lowercased(), b.element.name.lowercased())
            return x == y ? a.offset < b.offset : x < y
        }.map(\.element)
    }

    /// A catalog whose organizations are already in the catalog's order (by name, as `init`
    /// sorts them) and whose news come from `newsStorage`, which numbers organizations and
    /// Sectors by their positions in these arrays.
    public init(sectors: [Sector], orderedOrganizations organizations: [Organization], newsStorage: any NewsStorage) {
        let (sectorIndex, organizationIndex) = Catalog.indexes(sectors: sectors, organizations: organizations)
        self.init(sectors: sectors, orderedOrganizations: organizations, sectorIndex: sectorIndex,
                  organizationIndex: organizationIndex, newsStorage: newsStorage)
    }

    private init(sectors: [Sector], orderedOrganizations organizations: [Organization], sectorIndex: [String: Int],
                 organizationIndex: [String: Int], newsStorage: any NewsStorage) {
        var membersBySector: [Int: [Int]] = [:]
        // Loops over organizations go by position: reading a field of `organizations[i]`
        // copies nothing else.
        for i in organizations.indices {
            for membership in organizations[i].memberships {
                guard let s = sectorIndex[Catalog.key(membership.sector)] else { continue }
                membersBySector[s, default: []].append(i)
            }
        }
        self.sectors = sectors
        self.organizations = organizations
        self.news = CatalogNews(storage: newsStorage)
        self.sectorIndex = sectorIndex
        self.organizationIndex = organizationIndex
        self.membersBySector = membersBySector
    }

    /// Sector id → position; organization id, short name or alias → position (ids win over
    /// other names, the first organization over later ones).
    private static func indexes(sectors: [Sector], organizations: [Organization])
        -> (sectors: [String: Int], organizations: [String: Int]) {
        var sectorIndex: [String: Int] = [:]
        for (i, sector) in sectors.enumerated() { sectorIndex[Catalog.key(sector.id)] = i }
        var organizationIndex: [String: Int] = [:]
        organizationIndex.reserveCapacity(organizations.count * 3)
        // A short name or alias goes to the first organization that has it.
        func add(_ name: String, _ position: Int) {
            let key = Catalog.key(name)
            if organizationIndex[key] == nil { organizationIndex[key] = position }
        }
        for i in organizations.indices {
            if let shortName = organizations[i].shortName { add(shortName, i) }
            for alias in organizations[i].aliases { add(alias, i) }
        }
        for i in organizations.indices { organizationIndex[Catalog.key(organizations[i].id)] = i }
        return (sectorIndex, organizationIndex)
    }

    /// The storage's first damage met while reading news (see `NewsStorage.damage`); nil for a
    /// catalog in memory.
    public var storageDamage: String? { news.storage.damage }

    /// The case-insensitive form of an id; ids already in lower-case ASCII are returned as
    /// they are, without making a new string.
    public static func key(_ id: String) -> String {
        var hasUpperCase = false
        for byte in id.utf8 {
            if byte >= 0x80 { return id.lowercased() }
            if byte >= 0x41 && byte <= 0x5A { hasUpperCase = true }
        }
        guard hasUpperCase else { return id }
        // ASCII: lower-cased byte by byte, as `lowercased()` would, without its Unicode tables.
        return String(unsafeUninitializedCapacity: id.utf8.count) { buffer in
            for (i, byte) in id.utf8.enumerated() { buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return id.utf8.count
        }
    }

    // MARK: Lookups

    public func sector(id: String) -> Sector? { sectorIndex[Catalog.key(id)].map { sectors[$0] } }

    /// Finds an organization by id, short name or alias, ignoring case.
    public func organization(id: String) -> Organization? {
        organizationIndex[Catalog.key(id)].map { organizations[$0] }
    }

    public func newsItem(id: String) -> NewsItem? { news.storage.position(ofKey: Catalog.key(id)).map { news.storage.item(at: $0) } }

    /// Finds any item by id (Sectors first, then organizations, then news).
    public func item(id: String) -> CatalogItem? {
        if let sector = sector(id: id) { return .sector(sector) }
        if let org = organization(id: id) { return .organization(org) }
        if let item = newsItem(id: id) { return .news(item) }
        return nil
    }

    // MARK: Relations

    /// The organizations with a membership in the Sector, by name.
    public func members(of sectorID: String) -> [Organization] {
        guard let s = sectorIndex[Catalog.key(sectorID)] else { return [] }
        return (membersBySector[s] ?? []).map { organizations[$0] }
    }

    /// The members of a Sector grouped by membership category, categories in alphabetical order;
    /// members without a recorded category come last under "Category not recorded".
    public func membersByCategory(of sectorID: String) -> [(category: String, members: [Organization])] {
        var groups: [String: [Organization]] = [:]
        for org in members(of: sectorID) {
            let category = org.membership(in: sectorID)?.category ?? Catalog.categoryNotRecorded
            groups[category, default: []].append(org)
        }
        return groups.keys.sorted { a, b in
            if a == Catalog.categoryNotRecorded { return false }
            if b == Catalog.categoryNotRecorded { return true }
            return a.lowercased() < b.lowercased()
        }.map { ($0, groups[$0]!) }
    }

    public static let categoryNotRecorded = "Category not recorded"

    /// The Sectors an organization is a member of, in the order of `sectors`.
    public func sectors(of organization: Organization) -> [Sector] {
        sectors.filter { organization.membership(in: $0.id) != nil }
    }

    /// The news that concern the organization, newest first.
    public func news(about organizationID: String) -> CatalogNews {
        let o = organizationIndex[Catalog.key(organizationID)]
        return CatalogNews(storage: news.storage, positions: o.map { news.storage.positions(aboutOrganization: $0) } ?? [])
    }

    /// The news that concern the Sector, newest first.
    public func news(inSector sectorID: String) -> CatalogNews {
        let s = sectorIndex[Catalog.key(sectorID)]
        return CatalogNews(storage: news.storage, positions: s.map { news.storage.positions(inSector: $0) } ?? [])
    }

    /// The organizations a news item concerns, in the item's order.
    public func organizations(of item: NewsItem) -> [Organization] {
        item.organizations.compactMap { organization(id: $0) }
    }

    /// The Sectors a news item concerns, in the item's order.
    public func sectors(of item: NewsItem) -> [Sector] {
        item.sectors.compactMap { sector(id: $0) }
    }

    // MARK: Filters

    /// Organizations matching every given condition; nil conditions match all.
    public func organizations(inSector sectorID: String? = nil, kind: String? = nil) -> [Organization] {
        organizations.filter { org in
            (sectorID.map { org.membership(in: $0) != nil } ?? true)
                && (kind.map { org.kind.lowercased() == $0.lowercased() } ?? true)
        }
    }

    /// News matching every given condition, newest first. `since` and `until` are inclusive and
    /// compare by the days a partial date may stand for: `since: 2021` keeps items of 2021-10.
    /// Only the parts of items the conditions ask about are read.
    public func news(inSector sectorID: String? = nil, about organizationID: String? = nil,
                     category: String? = nil, since: PartialDate? = nil, until: PartialDate? = nil) -> CatalogNews {
        let base: CatalogNews
        if let sectorID { base = news(inSector: sectorID) }
        else if let organizationID { base = news(about: organizationID) }
        else { base = news }
        guard organizationID != nil || category != nil || since != nil || until != nil else { return base }
        let storage = news.storage
        let orgKey = organizationID.flatMap { organization(id: $0)?.id }
        let wantedCategory = category?.lowercased()
        return base.selecting { index in
            let position = base.position(of: index)
            if let organizationID {
                guard let orgKey, storage.organizationReferences(at: position).contains(where: { Catalog.key($0) == Catalog.key(orgKey) }) else {
                    return organizationID.isEmpty
                }
            }
            if let wantedCategory, storage.category(at: position).lowercased() != wantedCategory { return false }
            if since != nil || until != nil {
                let date = storage.date(at: position)
                if let since, date.latestKey < since.earliestKey { return false }
                if let until, date.earliestKey > until.latestKey { return false }
            }
            return true
        }
    }

    /// The distinct news categories, alphabetically.
    public var newsCategories: [String] { news.storage.categories.sorted() }

    /// The distinct organization kinds, alphabetically.
    public var organizationKinds: [String] { Set(organizations.map(\.kind)).sorted() }
}

/// Any one item of the catalog.
public enum CatalogItem: Hashable, Sendable {
    case sector(Sector)
    case organization(Organization)
    case news(NewsItem)

    public var id: String {
        switch self {
        case .sector(let s): return s.id
        case .organization(let o): return o.id
        case .news(let n): return n.id
        }
    }
}
