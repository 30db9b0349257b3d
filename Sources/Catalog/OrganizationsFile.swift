/// Decoding of `organizations.json`: `{"schemaVersion": 1, "organizations": [ … ]}`.
extension FixtureDecoder {
    enum OrganizationField: String, FixtureField {
        case id, name, shortName, aliases, kind, headquarters, founded, website, summary, people, memberStates,
             memberships, agreements, facts, sources
        static let table = FieldTable<OrganizationField>()
        static let required: [OrganizationField] = [.id, .name, .kind]
    }

    enum PlaceField: String, FixtureField {
        case city, country
        static let table = FieldTable<PlaceField>()
    }

    enum PersonField: String, FixtureField {
        case name, role, since, until, note
        static let table = FieldTable<PersonField>()
    }

    enum MembershipField: String, FixtureField {
        case sector, category, since, labels, notes
        static let table = FieldTable<MembershipField>()
    }

    enum AgreementField: String, FixtureField {
        case title, kind, counterpart, date, sector, organizations, source, note
        static let table = FieldTable<AgreementField>()
        static let required: [AgreementField] = [.title, .kind, .counterpart]
    }

    enum FactField: String, FixtureField {
        case label, value
        static let table = FieldTable<FactField>()
    }

    /// Decodes one organization, registering its id, short name and aliases; nil when a
    /// required field is missing or wrong.
    mutating func organization(index: Int, identifiers: inout FixtureIdentifiers) throws(JSONSyntaxError) -> Organization? {
        guard var scope = try beginObject() else { return nil }
        var id: String?, name: String?, kind: String?
        var organization = Organization(id: "", name: "", kind: "")
        while let field = try nextField(&scope, OrganizationField.table) {
            switch field {
            case .id:
                let start = valueOffset()
                id = try text()
                if let id {
                    register(id, .id, index, "organizations[\(index)]", start, &identifiers)
                }
            case .name: name = try text()
            case .shortName:
                let start = valueOffset()
                organization.shortName = try text()
                if let shortName = organization.shortName {
                    register(shortName, .shortName, index, pathText, start, &identifiers)
                }
            case .aliases:
                organization.aliases = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in
                    let start = d.valueOffset()
                    guard let alias = try d.text() else { return nil }
                    d.register(alias, .alias, index, d.pathText, start, &identifiers)
                    return alias
                }
            case .kind: kind = try text()
            case .headquarters: organization.headquarters = try place()
            case .founded: organization.founded = try date()
            case .website: organization.website = try text()
            case .summary: organization.summary = try text()
            case .people: organization.people = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in try d.person() }
            case .memberStates: organization.memberStates = try textList()
            case .memberships: organization.memberships = try memberships(identifiers: identifiers)
            case .agreements:
                organization.agreements = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in
                    try d.agreement(organization: index, identifiers: identifiers)
                }
            case .facts: organization.facts = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in try d.fact() }
            case .sources: organization.sources = try textList()
            }
        }
        requireFields(OrganizationField.required, in: scope, OrganizationField.table)
        guard let id, let name, let kind else { return nil }
        organization.id = id
        organization.name = name
        organization.kind = kind
        return organization
    }

    private mutating func register(_ name: String, _ role: FixtureIdentifiers.NameRole, _ organization: Int, _ path: String,
                                   _ offset: Int, _ identifiers: inout FixtureIdentifiers) {
        if let problem = identifiers.registerOrganizationName(name, role: role, organization: organization, path: path) {
            report(problem, at: offset)
        }
    }

    private mutating func place() throws(JSONSyntaxError) -> Organization.Place? {
        guard var scope = try beginObject() else { return nil }
        var city: String?, country: String?
        while let field = try nextField(&scope, PlaceField.table) {
            switch field {
            case .city: city = try text()
            case .country: country = try text()
            }
        }
        requireFields([.country], in: scope, PlaceField.table)
        guard let country else { return nil }
        return Organization.Place(city: city, country: country)
    }

    private mutating func person() throws(JSONSyntaxError) -> Organization.Person? {
        guard var scope = try beginObject() else { return nil }
        var name: String?, role: String?
        var person = Organization.Person(name: "", role: "")
        while let field = try nextField(&scope, PersonField.table) {
            switch field {
            case .name: name = try text()
            case .role: role = try text()
            case .since: person.since = try date()
            case .until: person.until = try date()
            case .note: person.note = try text()
            }
        }
        requireFields([.name, .role], in: scope, PersonField.table)
        guard let name, let role else { return nil }
        person.name = name
        person.role = role
        return person
    }

    /// Decodes the memberships, checking that each names a known Sector, at most once.
    private mutating func memberships(identifiers: FixtureIdentifiers) throws(JSONSyntaxError) -> [Organization.Membership] {
        var firstBySector: [String: String] = [:]
        return try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) -> Organization.Membership? in
            guard var scope = try d.beginObject() else { return nil }
            let position = d.pathText
            var sector: String?
            var membership = Organization.Membership(sector: "")
            while let field = try d.nextField(&scope, MembershipField.table) {
                switch field {
                case .sector:
                    let start = d.valueOffset()
                    sector = try d.text()
                    if let sector {
                        if let problem = identifiers.checkSector(sector) {
                            d.report(problem, at: start)
                        } else if let first = firstBySector[sector.lowercased()] {
                            d.report("duplicate membership of \"\(sector)\" (first at \(first))", at: start)
                        } else {
                            firstBySector[sector.lowercased()] = position
                        }
                    }
                case .category: membership.category = try d.text()
                case .since: membership.since = try d.date()
                case .labels: membership.labels = try d.textList()
                case .notes: membership.notes = try d.text()
                }
            }
            d.requireFields([.sector], in: scope, MembershipField.table)
            guard let sector else { return nil }
            membership.sector = sector
            return membership
        }
    }

    /// Decodes one agreement, checking its Sector now and leaving its organizations to be
    /// checked when the whole file is read (they may come later in it).
    private mutating func agreement(organization: Int, identifiers: FixtureIdentifiers) throws(JSONSyntaxError) -> Organization.Agreement? {
        guard var scope = try beginObject() else { return nil }
        var title: String?, kind: String?, counterpart: String?
        var agreement = Organization.Agreement(title: "", kind: "", counterpart: "")
        while let field = try nextField(&scope, AgreementField.table) {
            switch field {
            case .title: title = try text()
            case .kind: kind = try text()
            case .counterpart: counterpart = try text()
            case .date: agreement.date = try date()
            case .sector:
                let start = valueOffset()
                agreement.sector = try text()
                if let sector = agreement.sector, let problem = identifiers.checkSector(sector) { report(problem, at: start) }
            case .organizations:
                agreement.organizations = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in
                    let start = d.valueOffset()
                    guard let reference = try d.text() else { return nil }
                    d.partnerReferences.append(PartnerReference(name: reference, organization: organization, offset: start, path: d.pathText))
                    return reference
                }
            case .source: agreement.source = try text()
            case .note: agreement.note = try text()
            }
        }
        requireFields(AgreementField.required, in: scope, AgreementField.table)
        guard let title, let kind, let counterpart else { return nil }
        agreement.title = title
        agreement.kind = kind
        agreement.counterpart = counterpart
        return agreement
    }

    /// Reports each agreement partner that is not a known organization or is the organization
    /// itself; called once the whole organizations file is read.
    mutating func checkPartnerReferences(_ identifiers: inout FixtureIdentifiers) {
        for reference in partnerReferences {
            if let problem = identifiers.checkPartner(reference.name, of: reference.organization) {
                report(problem, at: reference.offset, path: reference.path)
            }
        }
        partnerReferences = []
    }

    private mutating func fact() throws(JSONSyntaxError) -> Organization.Fact? {
        guard var scope = try beginObject() else { return nil }
        var label: String?, value: String?
        while let field = try nextField(&scope, FactField.table) {
            switch field {
            case .label: label = try text()
            case .value: value = try text()
            }
        }
        requireFields([.label, .value], in: scope, FactField.table)
        guard let label, let value else { return nil }
        return Organization.Fact(label: label, value: value)
    }
}
