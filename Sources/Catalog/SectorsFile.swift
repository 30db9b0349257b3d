/// Decoding of `sectors.json`: `{"schemaVersion": 1, "sectors": [ … ]}`.
extension FixtureDecoder {
    enum SectorField: String, FixtureField {
        case id, name, bureau, mandate, predecessor, directors, studyGroups, website, sources
        static let table = FieldTable<SectorField>()
        static let required: [SectorField] = [.id, .name, .bureau, .mandate]
    }

    enum BureauField: String, FixtureField {
        case name, abbreviation
        static let table = FieldTable<BureauField>()
    }

    enum DirectorField: String, FixtureField {
        case name, country, termStart, termEnd
        static let table = FieldTable<DirectorField>()
    }

    enum StudyGroupField: String, FixtureField {
        case id, title
        static let table = FieldTable<StudyGroupField>()
    }

    /// Decodes one Sector, registering its id; nil when it has an error.
    mutating func sector(index: Int, identifiers: inout FixtureIdentifiers) throws(JSONSyntaxError) -> Sector? {
        guard var scope = try beginObject() else { return nil }
        var id: String?, name: String?, bureau: Sector.Bureau?, mandate: String?
        var sector = Sector(id: "", name: "", bureau: Sector.Bureau(name: "", abbreviation: ""), mandate: "")
        while let field = try nextField(&scope, SectorField.table) {
            switch field {
            case .id:
                let start = valueOffset()
                id = try text()
                if let id, let problem = identifiers.registerSector(id: id, index: index) { report(problem, at: start) }
            case .name: name = try text()
            case .bureau: bureau = try self.bureau()
            case .mandate: mandate = try text()
            case .predecessor: sector.predecessor = try text()
            case .directors: sector.directors = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in try d.director() }
            case .studyGroups: sector.studyGroups = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in try d.studyGroup() }
            case .website: sector.website = try text()
            case .sources: sector.sources = try textList()
            }
        }
        requireFields(SectorField.required, in: scope, SectorField.table)
        guard let id, let name, let bureau, let mandate else { return nil }
        sector.id = id
        sector.name = name
        sector.bureau = bureau
        sector.mandate = mandate
        return sector
    }

    private mutating func bureau() throws(JSONSyntaxError) -> Sector.Bureau? {
        guard var scope = try beginObject() else { return nil }
        var name: String?, abbreviation: String?
        while let field = try nextField(&scope, BureauField.table) {
            switch field {
            case .name: name = try text()
            case .abbreviation: abbreviation = try text()
            }
        }
        requireFields([.name, .abbreviation], in: scope, BureauField.table)
        guard let name, let abbreviation else { return nil }
        return Sector.Bureau(name: name, abbreviation: abbreviation)
    }

    private mutating func director() throws(JSONSyntaxError) -> Sector.Director? {
        guard var scope = try beginObject() else { return nil }
        var name: String?
        var director = Sector.Director(name: "")
        while let field = try nextField(&scope, DirectorField.table) {
            switch field {
            case .name: name = try text()
            case .country: director.country = try text()
            case .termStart: director.termStart = try date()
            case .termEnd: director.termEnd = try date()
            }
        }
        requireFields([.name], in: scope, DirectorField.table)
        guard let name else { return nil }
        director.name = name
        return director
    }

    private mutating func studyGroup() throws(JSONSyntaxError) -> Sector.StudyGroup? {
        guard var scope = try beginObject() else { return nil }
        var id: String?, title: String?
        while let field = try nextField(&scope, StudyGroupField.table) {
            switch field {
            case .id: id = try text()
            case .title: title = try text()
            }
        }
        requireFields([.id, .title], in: scope, StudyGroupField.table)
        guard let id, let title else { return nil }
        return Sector.StudyGroup(id: id, title: title)
    }
}
