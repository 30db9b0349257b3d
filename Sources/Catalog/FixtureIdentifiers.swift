/// The ids and names met so far across the three fixture files: it finds duplicates as they are
/// registered and checks the references news and memberships make.
///
/// Organizations are found by id, short name or alias, ignoring case, the way `Catalog` looks
/// them up; so two organizations may not share any of those, and none may take a Sector's id.
/// References are checked only against a file that was read to its end: when
/// `organizations.json` has a syntax error, news are not told their organizations are unknown.
struct FixtureIdentifiers {
    /// Whether the file of that kind was read without a syntax error.
    var sectorsComplete = false
    var organizationsComplete = false

    private var sectors: [String: (id: String, index: Int)] = [:]
    private var sectorIDs: [String] = []
    private var organizationNames: [String: (organization: Int, path: String)] = [:]
    /// The names exactly as written, so most references are found without lowercasing.
    private var exactOrganizationNames: Set<String> = []
    private var organizationIDs: [String] = []
    private var news: [String: Int] = [:]
    private var suggestions: [String: String?] = [:]

    /// What a name is to its organization.
    enum NameRole {
        case id, shortName, alias
    }

    /// Registers a Sector id; returns the problem when it repeats one.
    mutating func registerSector(id: String, index: Int) -> String? {
        let key = id.lowercased()
        if let first = sectors[key] { return "duplicate id \"\(id)\" (first at sectors[\(first.index)])" }
        sectors[key] = (id, index)
        sectorIDs.append(id)
        return nil
    }

    /// Registers an organization's id, short name or alias; returns the problem when another
    /// organization or a Sector already uses it.
    mutating func registerOrganizationName(_ name: String, role: NameRole, organization: Int, path: String) -> String? {
        let key = name.lowercased()
        let noun = role == .id ? "id" : "name"
        if let first = organizationNames[key] {
            return first.organization == organization ? nil : "duplicate \(noun) \"\(name)\" (first at \(first.path))"
        }
        // Registered even when it clashes with a Sector, so references to it are not reported too.
        organizationNames[key] = (organization, path)
        exactOrganizationNames.insert(name)
        if role == .id { organizationIDs.append(name) }
        if let sector = sectors[key] { return "\(noun) \"\(name)\" is already the id of the Sector \"\(sector.id)\"" }
        return nil
    }

    /// Makes room for about `count` news ids, so a large file is not rehashed as it grows.
    mutating func reserveNews(_ count: Int) {
        news.reserveCapacity(count)
    }

    /// Registers a news id; returns the problem when it repeats one.
    mutating func registerNews(id: String, index: Int) -> String? {
        let key = Catalog.key(id)
        if let first = news.updateValue(index, forKey: key) {
            news[key] = first
            return "duplicate id \"\(id)\" (first at news[\(first)])"
        }
        return nil
    }

    /// Forgets a news id, as when its item is replaced.
    mutating func unregisterNews(id: String) {
        news.removeValue(forKey: Catalog.key(id))
    }

    /// The problem with a reference to a Sector, or nil when it is known (or cannot be checked).
    func checkSector(_ id: String) -> String? {
        guard sectorsComplete, sectors[id.lowercased()] == nil else { return nil }
        if let suggestion = EditDistance.closest(to: id, among: sectorIDs) {
            return "unknown Sector \"\(id)\" (did you mean \"\(suggestion)\"?)"
        }
        let known = sectorIDs.isEmpty ? "none are defined" : "known: " + sectorIDs.joined(separator: ", ")
        return "unknown Sector \"\(id)\" (\(known))"
    }

    /// The problem with an agreement's reference to a partner organization: unknown, or the
    /// organization at position `organization` itself; nil when it is fine (or cannot be checked).
    mutating func checkPartner(_ name: String, of organization: Int) -> String? {
        if let problem = checkOrganization(name) { return problem }
        if let named = organizationNames[name.lowercased()], named.organization == organization {
            return "\"\(name)\" is the organization itself; list only the other parties"
        }
        return nil
    }

    /// The problem with a reference to an organization by id, short name or alias, or nil when
    /// it is known (or cannot be checked).
    mutating func checkOrganization(_ id: String) -> String? {
        guard organizationsComplete, !exactOrganizationNames.contains(id),
              organizationNames[id.lowercased()] == nil else { return nil }
        let suggestion: String?
        if let cached = suggestions[id] {
            suggestion = cached
        } else {
            suggestion = EditDistance.closest(to: id, among: organizationIDs)
            suggestions[id] = suggestion
        }
        return "unknown organization \"\(id)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
    }
}
