import Catalog
import CatalogSearch
import SnapshotFormat

/// The binary form of catalog records in a snapshot: Sectors and organizations whole, and of a
/// news item what the search index does not already hold (see `CatalogSection`).
///
/// Strings are a UInt32 byte count and UTF-8 bytes; an optional string is a flag byte (0 or 1)
/// and the string when 1; a list is a UInt32 count and its elements; an optional date is a
/// `PartialDateCode` (0 for none). Decoding checks every count against the bytes left and every
/// date code, and throws on anything that does not fit, so a damaged record never traps.
enum CatalogRecords {
    static func encode(_ sector: Sector, into writer: inout ByteWriter) {
        writer.putString(sector.id)
        writer.putString(sector.name)
        writer.putString(sector.bureau.name)
        writer.putString(sector.bureau.abbreviation)
        writer.putString(sector.mandate)
        writer.putOptional(sector.predecessor)
        writer.putList(sector.directors) { director, writer in
            writer.putString(director.name)
            writer.putOptional(director.country)
            writer.putDate(director.termStart)
            writer.putDate(director.termEnd)
        }
        writer.putList(sector.studyGroups) { group, writer in
            writer.putString(group.id)
            writer.putString(group.title)
        }
        writer.putOptional(sector.website)
        writer.putStrings(sector.sources)
    }

    static func decodeSector(_ reader: inout ByteReader) throws(SnapshotError) -> Sector {
        let id = try reader.readString(), name = try reader.readString()
        let bureau = Sector.Bureau(name: try reader.readString(), abbreviation: try reader.readString())
        let mandate = try reader.readString()
        let predecessor = try reader.readOptional()
        let directors = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Sector.Director(name: try reader.readString(), country: try reader.readOptional(),
                            termStart: try reader.readDate(), termEnd: try reader.readDate())
        }
        let studyGroups = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Sector.StudyGroup(id: try reader.readString(), title: try reader.readString())
        }
        return Sector(id: id, name: name, bureau: bureau, mandate: mandate, predecessor: predecessor, directors: directors,
                      studyGroups: studyGroups, website: try reader.readOptional(), sources: try reader.readStrings())
    }

    static func encode(_ organization: Organization, into writer: inout ByteWriter) {
        writer.putString(organization.id)
        writer.putString(organization.name)
        writer.putOptional(organization.shortName)
        writer.putStrings(organization.aliases)
        writer.putString(organization.kind)
        writer.putList(organization.headquarters.map { [$0] } ?? []) { place, writer in
            writer.putOptional(place.city)
            writer.putString(place.country)
        }
        writer.putDate(organization.founded)
        writer.putOptional(organization.website)
        writer.putOptional(organization.summary)
        writer.putList(organization.people) { person, writer in
            writer.putString(person.name)
            writer.putString(person.role)
            writer.putDate(person.since)
            writer.putDate(person.until)
            writer.putOptional(person.note)
        }
        writer.putStrings(organization.memberStates)
        writer.putList(organization.memberships) { membership, writer in
            writer.putString(membership.sector)
            writer.putOptional(membership.category)
            writer.putDate(membership.since)
            writer.putStrings(membership.labels)
            writer.putOptional(membership.notes)
        }
        writer.putList(organization.agreements) { agreement, writer in
            writer.putString(agreement.title)
            writer.putString(agreement.kind)
            writer.putString(agreement.counterpart)
            writer.putDate(agreement.date)
            writer.putOptional(agreement.sector)
            writer.putStrings(agreement.organizations)
            writer.putOptional(agreement.source)
            writer.putOptional(agreement.note)
        }
        writer.putList(organization.facts) { fact, writer in
            writer.putString(fact.label)
            writer.putString(fact.value)
        }
        writer.putStrings(organization.sources)
    }

    static func decodeOrganization(_ reader: inout ByteReader) throws(SnapshotError) -> Organization {
        let id = try reader.readString(), name = try reader.readString()
        let shortName = try reader.readOptional()
        let aliases = try reader.readStrings()
        let kind = try reader.readString()
        let places = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Organization.Place(city: try reader.readOptional(), country: try reader.readString())
        }
        guard places.count <= 1 else { throw SnapshotError("catalog: an organization with several headquarters") }
        let founded = try reader.readDate()
        let website = try reader.readOptional(), summary = try reader.readOptional()
        let people = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Organization.Person(name: try reader.readString(), role: try reader.readString(), since: try reader.readDate(),
                                until: try reader.readDate(), note: try reader.readOptional())
        }
        let memberStates = try reader.readStrings()
        let memberships = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Organization.Membership(sector: try reader.readString(), category: try reader.readOptional(),
                                    since: try reader.readDate(), labels: try reader.readStrings(), notes: try reader.readOptional())
        }
        let agreements = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Organization.Agreement(title: try reader.readString(), kind: try reader.readString(),
                                   counterpart: try reader.readString(), date: try reader.readDate(),
                                   sector: try reader.readOptional(), organizations: try reader.readStrings(),
                                   source: try reader.readOptional(), note: try reader.readOptional())
        }
        let facts = try reader.readList { (reader: inout ByteReader) throws(SnapshotError) in
            Organization.Fact(label: try reader.readString(), value: try reader.readString())
        }
        return Organization(id: id, name: name, shortName: shortName, aliases: aliases, kind: kind, headquarters: places.first,
                            founded: founded, website: website, summary: summary, people: people, memberStates: memberStates,
                            memberships: memberships, agreements: agreements, facts: facts, sources: try reader.readStrings())
    }

    /// What a news record holds: the item's references, tags and source (its id, date,
    /// category and texts are kept in other columns, see `CatalogSection`).
    struct NewsExtras {
        var organizations: [String]
        var sectors: [String]
        var tags: [String]
        var source: String?
    }

    static func encodeNewsExtras(of item: NewsItem, into writer: inout ByteWriter) {
        writer.putStrings(item.organizations)
        writer.putStrings(item.sectors)
        writer.putStrings(item.tags)
        writer.putOptional(item.source)
    }

    static func decodeNewsExtras(_ reader: inout ByteReader) throws(SnapshotError) -> NewsExtras {
        NewsExtras(organizations: try reader.readStrings(), sectors: try reader.readStrings(), tags: try reader.readStrings(),
                   source: try reader.readOptional())
    }
}

extension ByteWriter {
    mutating func putString(_ string: String) { put(string.utf8) }

    mutating func putOptional(_ string: String?) {
        put(UInt8(string == nil ? 0 : 1))
        if let string { putString(string) }
    }

    mutating func putDate(_ date: PartialDate?) { put(PartialDateCode.encode(date)) }

    mutating func putList<Element>(_ elements: [Element], _ putElement: (Element, inout ByteWriter) -> Void) {
        put(UInt32(elements.count))
        for element in elements { putElement(element, &self) }
    }

    mutating func putStrings(_ strings: [String]) { putList(strings) { string, writer in writer.putString(string) } }
}

extension ByteReader {
    mutating func readOptional() throws(SnapshotError) -> String? {
        switch try read(UInt8.self) {
        case 0: return nil
        case 1: return try readString()
        default: throw SnapshotError("catalog: a record's optional flag is neither 0 nor 1")
        }
    }

    mutating func readDate() throws(SnapshotError) -> PartialDate? {
        let code = try read(Int32.self)
        guard code != 0 else { return nil }
        guard let date = PartialDateCode.decode(code) else { throw SnapshotError("catalog: \(code) is not a date") }
        return date
    }

    /// A count and that many elements; every element takes at least one byte, so a count larger
    /// than the bytes left is refused before anything is read or reserved.
    mutating func readList<Element>(_ readElement: (inout ByteReader) throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        let count = Int(try read(UInt32.self))
        guard count <= remainingCount else { throw SnapshotError("catalog: a list longer than its record") }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try readElement(&self)) }
        return elements
    }

    mutating func readStrings() throws(SnapshotError) -> [String] {
        try readList { (reader: inout ByteReader) throws(SnapshotError) in try reader.readString() }
    }
}
