import Catalog
import TextSearch

/// Finds the organizations, Sectors and people of the catalog named in a text.
///
/// - Names are an organization's id, name, short name and aliases; a Sector's code, name and
///   its bureau's name; the names of the people the catalog records (which also link their
///   organizations).
/// - Text and names are split and folded by the search analyzer (`TextFolding`), so case and
///   diacritics are ignored and any script works.
/// - Whole words only: a name matches a run of whole words, never part of a word, and never
///   part of a compound joined by `-` ("ITU" does not match inside "ITU-R").
/// - The longest name wins where names overlap, so legal forms tell organizations apart:
///   "Eutelsat S.A." is `eutelsat`, "EUTELSAT IGO" is `eutelsat-igo`.
/// - A name of one word shorter than 5 letters (APT, SES, ESA) matches only when written in
///   capitals, so the word "apt" links nothing.
public struct EntityLinker: Sendable {
    /// What a name stands for.
    enum Target: Hashable, Sendable {
        case organization(String)
        case sector(String)
        case person(String, organizations: [String])
    }

    struct Name: Sendable {
        var terms: [String]
        var target: Target
        var requiresCapitals: Bool
    }

    /// The names, by their first term, longest first.
    private let namesByFirstTerm: [String: [Name]]
    /// The first bytes and lengths of the first terms, for passing over most words of a text
    /// without looking them up.
    private let firstTermShapes: TermShapes

    public init(catalog: Catalog) {
        self.init(sectors: catalog.sectors, orderedOrganizations: catalog.organizations)
    }

    /// The linker of a catalog of these Sectors and organizations (in any order: they are put
    /// in the catalog's, which decides between names two organizations share), before its news
    /// are loaded.
    public init(sectors: [Sector], organizations: [Organization]) {
        self.init(sectors: sectors, orderedOrganizations: Catalog.ordered(organizations))
    }

    private init(sectors: [Sector], orderedOrganizations organizations: [Organization]) {
        var names: [Name] = []
        func add(_ text: String, _ target: Target) {
            let terms = TextFolding.terms(of: text)
            guard !terms.isEmpty else { return }
            let requiresCapitals = terms.count == 1 && terms[0].count < 5
            names.append(Name(terms: terms, target: target, requiresCapitals: requiresCapitals))
        }
        var people: [String: (name: String, organizations: [String])] = [:]
        for organization in organizations {
            let target = Target.organization(organization.id)
            for name in [organization.id, organization.name] + [organization.shortName].compactMap({ $0 }) + organization.aliases {
                add(name, target)
            }
            for person in organization.people {
                let key = TextFolding.terms(of: person.name).joined(separator: " ")
                people[key, default: (person.name, [])].organizations.append(organization.id)
            }
        }
        for (_, person) in people.sorted(by: { $0.key < $1.key }) {
            add(person.name, .person(person.name, organizations: person.organizations))
        }
        for sector in sectors {
            for name in [sector.id, sector.name, sector.bureau.name] { add(name, .sector(sector.id)) }
        }
        var byFirst: [String: [Name]] = [:]
        for name in names { byFirst[name.terms[0], default: []].append(name) }
        namesByFirstTerm = byFirst.mapValues { $0.sorted { $0.terms.count > $1.terms.count } }
        firstTermShapes = TermShapes(byFirst.keys)
    }

    /// What a text names.
    public struct Links: Hashable, Sendable {
        /// Organization ids, in order of first mention (people's organizations included).
        public var organizations: [String] = []
        /// Sector ids, in order of first mention.
        public var sectors: [String] = []
        /// People's names as the catalog spells them, in order of first mention.
        public var people: [String] = []
        /// UTF-8 byte ranges of the names found, for telling unlinked names apart.
        var spans: [Range<Int>] = []
    }

    /// The organizations, Sectors and people named in `text`.
    public func links(in text: String) -> Links {
        let words = TextFolding.words(in: text)
        let utf8 = Array(text.utf8)
        var links = Links()
        var index = 0
        while index < words.count {
            guard !words[index].continuesCompound, firstTermShapes.mayContain(words[index].term),
                  let candidates = namesByFirstTerm[words[index].term],
                  let name = candidates.first(where: { matches($0, words: words, at: index, utf8: utf8) }) else {
                index += 1
                continue
            }
            let last = index + name.terms.count - 1
            links.spans.append(words[index].byteRange.lowerBound..<words[last].byteRange.upperBound)
            switch name.target {
            case .organization(let id): links.organizations.appendOnce(id)
            case .sector(let id): links.sectors.appendOnce(id)
            case .person(let person, let organizations):
                links.people.appendOnce(person)
                for id in organizations { links.organizations.appendOnce(id) }
            }
            index = last + 1
        }
        return links
    }

    private func matches(_ name: Name, words: [FoldedWord], at start: Int, utf8: [UInt8]) -> Bool {
        let end = start + name.terms.count
        guard end <= words.count, !words[end - 1].continuedByCompound else { return false }
        for (offset, term) in name.terms.enumerated() where words[start + offset].term != term { return false }
        if name.requiresCapitals {
            let range = words[start].byteRange
            let written = String(decoding: utf8[range], as: UTF8.self)
            return written == written.uppercased()
        }
        return true
    }
}

extension Array where Element: Equatable {
    mutating func appendOnce(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
