import Catalog
import Import

/// What `import` prints: a line or two per item for people, the documented JSON for scripts.
enum ImportReport {
    /// `{"schemaVersion":1,"items":[…],"problems":[…]}`, as documented under "Importing news".
    static func writeJSON(outcomes: [ImportOutcome], problems: [String]) {
        JSONOutput.write { json in
            json.beginObject()
            json.field("schemaVersion", 1)
            json.field("items", outcomes, omitEmpty: false) { outcome, json in
                let item = outcome.news.item
                json.beginObject()
                json.field("action", outcome.action.rawValue)
                json.field("id", item.id)
                json.field("date", item.date.description)
                json.field("title", item.title)
                json.field("category", item.category)
                json.field("organizations", item.organizations, omitEmpty: false)
                json.field("sectors", item.sectors, omitEmpty: false)
                json.field("people", outcome.news.people, omitEmpty: false)
                json.field("unlinked", outcome.news.unlinked, omitEmpty: false)
                json.key("duplicateOf")
                if let original = outcome.duplicateOf { json.string(original) } else { json.null() }
                json.key("source")
                if let source = item.source { json.string(source) } else { json.null() }
                json.endObject()
            }
            json.field("problems", problems, omitEmpty: false)
            json.endObject()
            json.finishLine()
        }
    }

    /// Per item: the action, the id and the title, then what it is linked to.
    static func text(_ outcomes: [ImportOutcome]) -> [String] {
        var lines: [String] = []
        for outcome in outcomes {
            let item = outcome.news.item
            let action = outcome.action.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("\(action)\(item.id)  \(item.title)")
            var details: [String] = []
            if let original = outcome.duplicateOf, outcome.action == .duplicate { details.append("duplicate of \(original)") }
            if !item.organizations.isEmpty { details.append("organizations: " + item.organizations.joined(separator: ", ")) }
            if !item.sectors.isEmpty { details.append("Sectors: " + item.sectors.joined(separator: ", ")) }
            if !outcome.news.people.isEmpty { details.append("people: " + outcome.news.people.joined(separator: ", ")) }
            if !outcome.news.unlinked.isEmpty { details.append("unlinked: " + outcome.news.unlinked.joined(separator: ", ")) }
            if !details.isEmpty { lines.append(String(repeating: " ", count: 10) + details.joined(separator: "; ")) }
        }
        return lines
    }

    /// "2 added, 1 unchanged — written to fixtures/news.json".
    static func summary(_ outcomes: [ImportOutcome], written: Bool, dryRun: Bool, file: String) -> String {
        let counts = [ImportAction.added, .updated, .unchanged, .duplicate].compactMap { action -> String? in
            let count = outcomes.filter { $0.action == action }.count
            return count == 0 ? nil : "\(count) \(action.rawValue)"
        }
        var summary = counts.isEmpty ? "nothing to import" : counts.joined(separator: ", ")
        if outcomes.contains(where: { $0.action == .duplicate }) { summary += " (duplicates are added with --force)" }
        if dryRun { return summary + " — dry run, nothing written" }
        return summary + (written ? " — written to \(file)" : " — \(file) unchanged")
    }
}
