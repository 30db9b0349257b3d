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
        field("directors", sector.directors) { director, json in
            json.beginObject()
            json.field("name", director.name)
            json.field("country", director.country)
            json.field("termStart", director.termStart)
            json.field("termEnd", director.termEnd)
            json.endObject()
        }
        field("studyGroups", sector.studyGroups) { group, json in
            json.beginObject()
            json.field("id", group.id)
            json.field("title", group.title)
            json.endObject()
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
        field("people", organization.people) { person, json in
            json.beginObject()
            json.field("name", person.name)
            json.field("role", person.role)
            json.field("since", person.since)
            json.field("until", person.until)
            json.field("note", person.note)
            json.endObject()
        }
        field("memberStates", organization.memberStates)
        field("memberships", organization.memberships) { membership, json in
            json.beginObject()
            json.field("sector", membership.sector)
            json.field("category", membership.category)
            json.field("since", membership.since)
            json.field("labels", membership.labels)
            json.field("notes", membership.notes)
            json.endObject()
        }
        field("agreements", organization.agreements) { agreement, json in
            json.beginObject()
            json.field("title", agreement.title)
            json.field("kind", agreement.kind)
            json.field("counterpart", agreement.counterpart)
            json.field("date", agreement.date)
            json.field("sector", agreement.sector)
            json.field("organizations", agreement.organizations)
            json.field("source", agreement.source)
            json.field("note", agreement.note)
            json.endObject()
        }
        field("facts", organization.facts) { fact, json in
            json.beginObject()
            json.field("label", fact.label)
            json.field("value", fact.value)
            json.endObject()
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
