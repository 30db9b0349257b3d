/// Writing model values in the fixture format (schemaVersion 1): camelCase keys, optional
/// values omitted rather than null, dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// What this writes, `FixtureLoader` reads back to equal values.
extension JSONWriter {
    public mutating func field(_ key: String, _ date: PartialDate?) {
        guard let date else { return }
        field(key, date.description)
    }

    public mutating func write(_ sector: Sector) {
        beginObject()
        field("id", sector.id)
        field("name", sector.name)
        key("bureau")
        beginObject()
        field("name", sector.bureau.name)
        field("abbreviation", sector.bureau.abbreviation)
        endObject()
        field("mandate", sector.mandate)
        field("predecessor", sector.predecessor)
        if !sector.directors.isEmpty {
            key("directors")
            beginArray()
            for director in sector.directors {
                beginObject()
                field("name", director.name)
                field("country", director.country)
                field("termStart", director.termStart)
                field("termEnd", director.termEnd)
                endObject()
            }
            endArray()
        }
        if !sector.studyGroups.isEmpty {
            key("studyGroups")
            beginArray()
            for group in sector.studyGroups {
                beginObject()
                field("id", group.id)
                field("title", group.title)
                endObject()
            }
            endArray()
        }
        field("website", sector.website)
        field("sources", sector.sources)
        endObject()
    }

    public mutating func write(_ organization: Organization) {
        beginObject()
        field("id", organization.id)
        field("name", organization.name)
        field("shortName", organization.shortName)
        field("aliases", organization.aliases)
        field("kind", organization.kind)
        if let place = organization.headquarters {
            key("headquarters")
            beginObject()
            field("city", place.city)
            field("country", place.country)
            endObject()
        }
        field("founded", organization.founded)
        field("website", organization.website)
        field("summary", organization.summary)
        if !organization.people.isEmpty {
            key("people")
            beginArray()
            for person in organization.people {
                beginObject()
                field("name", person.name)
                field("role", person.role)
                field("since", person.since)
                field("until", person.until)
                field("note", person.note)
                endObject()
            }
            endArray()
        }
        field("memberStates", organization.memberStates)
        if !organization.memberships.isEmpty {
            key("memberships")
            beginArray()
            for membership in organization.memberships {
                beginObject()
                field("sector", membership.sector)
                field("category", membership.category)
                field("since", membership.since)
                field("labels", membership.labels)
                field("notes", membership.notes)
                endObject()
            }
            endArray()
        }
        if !organization.facts.isEmpty {
            key("facts")
            beginArray()
            for fact in organization.facts {
                beginObject()
                field("label", fact.label)
                field("value", fact.value)
                endObject()
            }
            endArray()
        }
        field("sources", organization.sources)
        endObject()
    }

    public mutating func write(_ item: NewsItem) {
        beginObject()
        field("id", item.id)
        field("date", item.date.description)
        field("category", item.category)
        field("title", item.title)
        field("summary", item.summary)
        field("body", item.body)
        field("organizations", item.organizations)
        field("sectors", item.sectors)
        field("tags", item.tags)
        field("source", item.source)
        endObject()
    }

    /// Starts a fixture file: `{"schemaVersion": 1, "<kind>": [`; write the records, then call
    /// `endFixtureFile()`.
    public mutating func beginFixtureFile(_ kind: FixtureFile.Kind) {
        beginObject()
        field("schemaVersion", FixtureLoader.schemaVersion)
        key(kind.rawValue)
        beginArray()
    }

    /// Ends a fixture file begun with `beginFixtureFile(_:)`, with a final line break.
    public mutating func endFixtureFile() {
        endArray()
        endObject()
        finishLine()
    }
}
