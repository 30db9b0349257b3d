import Catalog

/// Turns the filter values people type into catalog values, or into a one-line error that
/// names the problem and lists the valid values.
struct FilterValues {
    let catalog: Catalog

    /// The Sector's canonical id (`itu-r` → `ITU-R`).
    func sectorID(_ text: String) throws(CommandFailure) -> String {
        guard let sector = catalog.sector(id: text) else {
            throw CommandFailure("unknown Sector \"\(text)\"; valid Sectors: " + catalog.sectors.map(\.id).joined(separator: ", "))
        }
        return sector.id
    }

    /// The organization's canonical id, found by id, short name or alias.
    func organizationID(_ text: String) throws(CommandFailure) -> String {
        guard let organization = catalog.organization(id: text) else {
            let ids = catalog.organizations.map(\.id)
            var message = "unknown organization \"\(text)\""
            if let suggestion = Suggestions.closest(to: text, in: ids) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            throw CommandFailure(message + "; valid organizations: " + ValidValues.listed(ids.sorted(), command: "itu-browser list orgs"))
        }
        return organization.id
    }

    /// The organization kind as the data spells it.
    func kind(_ text: String) throws(CommandFailure) -> String {
        try oneOf(catalog.organizationKinds, text, noun: "organization kind", plural: "kinds")
    }

    /// The news category as the data spells it.
    func category(_ text: String) throws(CommandFailure) -> String {
        try oneOf(catalog.newsCategories, text, noun: "news category", plural: "categories")
    }

    /// A date of any precision: `2021`, `2021-10` or `2021-10-01`.
    static func date(_ text: String, option: String) throws(CommandFailure) -> PartialDate {
        guard let date = PartialDate(text) else {
            throw CommandFailure("\(option): \"\(text)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        return date
    }

    /// One value of `valid`, whatever its case, or an error listing them all.
    private func oneOf(_ valid: [String], _ text: String, noun: String, plural: String) throws(CommandFailure) -> String {
        if let match = valid.first(where: { $0.lowercased() == text.lowercased() }) { return match }
        let listed = valid.isEmpty ? "(none in this data)" : valid.map { "\"\($0)\"" }.joined(separator: ", ")
        throw CommandFailure("unknown \(noun) \"\(text)\"; valid \(plural): \(listed)")
    }
}

/// The valid values an error message lists: all of them when they are few, else the first ones
/// and the command that shows the rest.
enum ValidValues {
    /// How many values are listed at most.
    static let maximumListed = 40

    /// `a, b, c`, or `a, b, … (1234 in all; COMMAND shows them all)`; `(none in this data)`
    /// when there are none.
    static func listed(_ values: [String], command: String) -> String {
        guard !values.isEmpty else { return "(none in this data)" }
        guard values.count > maximumListed else { return values.joined(separator: ", ") }
        return values.prefix(maximumListed).joined(separator: ", ") + ", … (\(values.count) in all; \(command) shows them all)"
    }
}
