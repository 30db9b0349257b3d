/// One of the ITU's three Sectors: ITU-R, ITU-T or ITU-D.
public struct Sector: Hashable, Sendable, Identifiable {
    /// The Sector's bureau, e.g. the Radiocommunication Bureau (BR).
    public struct Bureau: Hashable, Sendable {
        public var name: String
        public var abbreviation: String
        public init(name: String, abbreviation: String) {
            self.name = name
            self.abbreviation = abbreviation
        }
    }

    /// A director of the Sector's bureau and the term they served or serve.
    public struct Director: Hashable, Sendable {
        public var name: String
        /// The director's country, where recorded.
        public var country: String?
        public var termStart: PartialDate?
        /// Nil while the term is current or its end is not recorded.
        public var termEnd: PartialDate?
        public init(name: String, country: String? = nil, termStart: PartialDate? = nil, termEnd: PartialDate? = nil) {
            self.name = name
            self.country = country
            self.termStart = termStart
            self.termEnd = termEnd
        }
    }

    /// A study group, e.g. `SG4` "Satellite services".
    public struct StudyGroup: Hashable, Sendable {
        public var id: String
        public var title: String
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// `ITU-R`, `ITU-T` or `ITU-D`.
    public var id: String
    public var name: String
    public var bureau: Bureau
    public var mandate: String
    /// What the Sector grew out of, e.g. "CCIR (1927)", where recorded.
    public var predecessor: String?
    public var directors: [Director]
    public var studyGroups: [StudyGroup]
    public var website: String?
    /// Addresses that support what the record says.
    public var sources: [String]

    public init(id: String, name: String, bureau: Bureau, mandate: String, predecessor: String? = nil,
                directors: [Director] = [], studyGroups: [StudyGroup] = [], website: String? = nil,
                sources: [String] = []) {
        self.id = id
        self.name = name
        self.bureau = bureau
        self.mandate = mandate
        self.predecessor = predecessor
        self.directors = directors
        self.studyGroups = studyGroups
        self.website = website
        self.sources = sources
    }
}
