/// An organization that takes part in the ITU's work or is mentioned in its news.
public struct Organization: Hashable, Sendable, Identifiable {
    /// Where an organization is based.
    public struct Place: Hashable, Sendable {
        public var city: String?
        public var country: String
        public init(city: String? = nil, country: String) {
            self.city = city
            self.country = country
        }
    }

    /// A person with a role in the organization, e.g. its Director General.
    public struct Person: Hashable, Sendable {
        public var name: String
        public var role: String
        public var since: PartialDate?
        public var until: PartialDate?
        public var note: String?
        public init(name: String, role: String, since: PartialDate? = nil, until: PartialDate? = nil, note: String? = nil) {
            self.name = name
            self.role = role
            self.since = since
            self.until = until
            self.note = note
        }
    }

    /// The organization's membership of one ITU Sector.
    public struct Membership: Hashable, Sendable {
        /// The Sector's id (`ITU-R`, `ITU-T`, `ITU-D`).
        public var sector: String
        /// The membership category, e.g. "Intergovernmental organization operating satellite systems".
        public var category: String?
        public var since: PartialDate?
        /// Labels such as "Gold Sector Member".
        public var labels: [String]
        public var notes: String?
        public init(sector: String, category: String? = nil, since: PartialDate? = nil, labels: [String] = [], notes: String? = nil) {
            self.sector = sector
            self.category = category
            self.since = since
            self.labels = labels
            self.notes = notes
        }
    }

    /// An agreement the organization made with ITU, one of its Sectors or another organization:
    /// a memorandum of understanding, a cooperation or partnership agreement, a pledge.
    public struct Agreement: Hashable, Sendable {
        /// What a person calls it, e.g. "ITU–ETSI memorandum of understanding".
        public var title: String
        /// E.g. "memorandum of understanding", "cooperation agreement", "partnership".
        public var kind: String
        /// The other party as a person reads it: "ITU", "ITU-T", "ITU Secretary-General".
        public var counterpart: String
        /// When it was signed or announced, as precisely as the source says.
        public var date: PartialDate?
        /// The id of the Sector it was made with or concerns, where there is one.
        public var sector: String?
        /// Other catalogued organizations that are party to it, by id, short name or alias.
        public var organizations: [String]
        /// The address that supports it.
        public var source: String?
        public var note: String?
        public init(title: String, kind: String, counterpart: String, date: PartialDate? = nil, sector: String? = nil,
                    organizations: [String] = [], source: String? = nil, note: String? = nil) {
            self.title = title
            self.kind = kind
            self.counterpart = counterpart
            self.date = date
            self.sector = sector
            self.organizations = organizations
            self.source = source
            self.note = note
        }
    }

    /// A further fact worth showing, e.g. "Member states" → "26 (2021)".
    public struct Fact: Hashable, Sendable {
        public var label: String
        public var value: String
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A stable slug such as `intersputnik`.
    public var id: String
    public var name: String
    public var shortName: String?
    /// Other names, in any script (Intersputnik is also «Интерспутник»).
    public var aliases: [String]
    /// A kind such as `company` or `intergovernmental satellite organization`; see `OrganizationKind`.
    public var kind: String
    public var headquarters: Place?
    public var founded: PartialDate?
    public var website: String?
    public var summary: String?
    public var people: [Person]
    /// Member states or signatories, where the organization has them.
    public var memberStates: [String]
    public var memberships: [Membership]
    /// Agreements with ITU, its Sectors or other organizations, oldest first as written.
    public var agreements: [Agreement]
    public var facts: [Fact]
    /// Addresses that support what the record says.
    public var sources: [String]

    public init(id: String, name: String, shortName: String? = nil, aliases: [String] = [], kind: String,
                headquarters: Place? = nil, founded: PartialDate? = nil, website: String? = nil,
                summary: String? = nil, people: [Person] = [], memberStates: [String] = [],
                memberships: [Membership] = [], agreements: [Agreement] = [], facts: [Fact] = [], sources: [String] = []) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.aliases = aliases
        self.kind = kind
        self.headquarters = headquarters
        self.founded = founded
        self.website = website
        self.summary = summary
        self.people = people
        self.memberStates = memberStates
        self.memberships = memberships
        self.agreements = agreements
        self.facts = facts
        self.sources = sources
    }

    /// The short name where there is one, else the full name.
    public var displayName: String { shortName ?? name }

    /// The membership of the given Sector, if any (Sector ids compare case-insensitively).
    public func membership(in sectorID: String) -> Membership? {
        memberships.first { $0.sector.lowercased() == sectorID.lowercased() }
    }
}

/// The organization kinds the fixtures use. Kinds are open text; these are the known ones,
/// listed so filters and help can offer them.
public enum OrganizationKind {
    public static let known: [String] = [
        "company",
        "intergovernmental satellite organization",
        "intergovernmental organization",
        "regional telecommunication organization",
        "space agency",
        "state-owned company",
        "academia",
        "international organization",
        "non-governmental organization",
    ]
}
