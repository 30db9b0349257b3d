import Foundation
@testable import Catalog

/// Small, valid fixtures in memory, and ways to break them one rule at a time.
///
/// Objects are written one key per line with no indentation, so in a file made by `file` the
/// first object's `{` is on line 2 and its key number k (from 0) is on line 3 + k, its value
/// starting at column `key.count + 5` (after `"key": `). In `newsFile` the three items open on
/// lines 2, 13 and 23; in `organizationsFile` on lines 2, 10 and 17; in `sectorsFile` on 2, 8, 14.
enum TestFixtures {
    typealias Pairs = [(key: String, value: String)]

    static let sectorPairs: [Pairs] = [
        [("id", #""ITU-R""#), ("name", #""Radiocommunication Sector""#),
         ("bureau", #"{"name": "Radiocommunication Bureau", "abbreviation": "BR"}"#), ("mandate", #""Spectrum and orbits.""#)],
        [("id", #""ITU-T""#), ("name", #""Telecommunication Standardization Sector""#),
         ("bureau", #"{"name": "Telecommunication Standardization Bureau", "abbreviation": "TSB"}"#), ("mandate", #""Standards.""#)],
        [("id", #""ITU-D""#), ("name", #""Telecommunication Development Sector""#),
         ("bureau", #"{"name": "Telecommunication Development Bureau", "abbreviation": "BDT"}"#), ("mandate", #""Development.""#)],
    ]

    static let organizationPairs: [Pairs] = [
        [("id", #""intersputnik""#), ("name", #""Intersputnik International Organization of Space Communications""#),
         ("shortName", #""Intersputnik""#), ("aliases", #"["Интерспутник"]"#), ("kind", #""intergovernmental satellite organization""#),
         ("memberships", #"[{"sector": "ITU-R", "category": "Intergovernmental organization operating satellite systems", "labels": ["Gold Sector Member"]}, {"sector": "ITU-D", "since": "2021-10"}]"#)],
        [("id", #""itso""#), ("name", #""International Telecommunications Satellite Organization""#), ("shortName", #""ITSO""#),
         ("kind", #""intergovernmental satellite organization""#), ("memberships", #"[{"sector": "ITU-R"}]"#)],
        [("id", #""apple""#), ("name", #""Apple Inc.""#), ("kind", #""company""#), ("memberships", #"[{"sector": "ITU-T", "category": "Sector Member"}]"#)],
    ]

    static let newsPairs: [Pairs] = [
        [("id", #""n1""#), ("date", #""2021-11-01""#), ("category", #""Membership""#),
         ("title", #""Intersputnik becomes a Gold Sector Member""#), ("summary", #""Gold status.""#),
         ("body", #""Intersputnik announced its new status.""#), ("organizations", #"["intersputnik"]"#),
         ("sectors", #"["ITU-R", "ITU-D"]"#), ("tags", #"["membership"]"#)],
        [("id", #""n2""#), ("date", #""2021-10""#), ("category", #""Membership""#), ("title", #""Intersputnik joins ITU-D""#),
         ("summary", #""A new Sector.""#), ("body", #""It joined the Development Sector.""#),
         ("organizations", #"["Интерспутник"]"#), ("sectors", #"["ITU-D"]"#)],
        [("id", #""n3""#), ("date", #""2023""#), ("category", #""Standardization""#), ("title", #""Two members meet""#),
         ("summary", #""A meeting.""#), ("body", #""They met.""#), ("organizations", #"["apple", "ITSO"]"#), ("sectors", #"["ITU-T"]"#)],
    ]

    /// An object with one key per line.
    static func object(_ pairs: Pairs) -> String {
        "{\n" + pairs.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ",\n") + "\n}"
    }

    /// A file of the given kind: a first line opening the list, then the objects.
    static func file(_ kind: FixtureFile.Kind, _ objects: [Pairs]) -> String {
        "{\"schemaVersion\": 1, \"\(kind.rawValue)\": [\n" + objects.map(object).joined(separator: ",\n") + "\n]}\n"
    }

    static var sectorsFile: String { file(.sectors, sectorPairs) }
    static var organizationsFile: String { file(.organizations, organizationPairs) }
    static var newsFile: String { file(.news, newsPairs) }

    /// Loads the three files from memory, named as in a folder called `fixtures`.
    static func load(sectors: String = sectorsFile, organizations: String = organizationsFile,
                     news: String = newsFile) -> FixtureLoadResult {
        FixtureLoader.load(files: [
            FixtureFile(kind: .sectors, name: "fixtures/sectors.json", text: sectors),
            FixtureFile(kind: .organizations, name: "fixtures/organizations.json", text: organizations),
            FixtureFile(kind: .news, name: "fixtures/news.json", text: news),
        ])
    }

    /// The valid objects with one value of the first one replaced (or the key removed when
    /// `value` is nil, or added at the end when it is new).
    static func changing(_ objects: [Pairs], key: String, to value: String?, at index: Int = 0) -> [Pairs] {
        var objects = objects
        var pairs = objects[index]
        if let position = pairs.firstIndex(where: { $0.key == key }) {
            if let value { pairs[position].value = value } else { pairs.remove(at: position) }
        } else if let value {
            pairs.append((key, value))
        }
        objects[index] = pairs
        return objects
    }

    /// Loads the valid fixtures with one news value changed.
    static func loadChangingNews(_ key: String, to value: String?, at index: Int = 0) -> FixtureLoadResult {
        load(news: file(.news, changing(newsPairs, key: key, to: value, at: index)))
    }

    /// Loads the valid fixtures with one organization value changed.
    static func loadChangingOrganization(_ key: String, to value: String?, at index: Int = 0) -> FixtureLoadResult {
        load(organizations: file(.organizations, changing(organizationPairs, key: key, to: value, at: index)))
    }

}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
