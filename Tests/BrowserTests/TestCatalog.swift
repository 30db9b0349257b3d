import Catalog

/// Small catalogs built in code, so Browser tests do not depend on the bundled fixtures.
enum TestCatalog {
    static func date(_ text: String) -> PartialDate { PartialDate(text) ?? PartialDate(year: 2000)! }

    static let sectors = [
        Sector(id: "ITU-R", name: "Radiocommunication Sector",
               bureau: .init(name: "Radiocommunication Bureau", abbreviation: "BR"),
               mandate: "Coordinates the shared use of the radio-frequency spectrum and satellite orbits.",
               predecessor: "CCIR (1927)",
               directors: [.init(name: "Mario Maniewicz", country: "Uruguay", termStart: date("2019-01-01"))],
               studyGroups: [.init(id: "SG4", title: "Satellite services")]),
        Sector(id: "ITU-T", name: "Telecommunication Standardization Sector",
               bureau: .init(name: "Telecommunication Standardization Bureau", abbreviation: "TSB"),
               mandate: "Develops ITU-T Recommendations."),
        Sector(id: "ITU-D", name: "Telecommunication Development Sector",
               bureau: .init(name: "Telecommunication Development Bureau", abbreviation: "BDT"),
               mandate: "Fosters ICT development in developing countries."),
    ]

    static let intersputnik = Organization(
        id: "intersputnik", name: "Intersputnik International Organization of Space Communications",
        shortName: "Intersputnik", aliases: ["Интерспутник"], kind: "intergovernmental satellite organization",
        headquarters: .init(city: "Moscow", country: "Russia"), founded: date("1971-11-15"),
        website: "https://intersputnik.int/",
        summary: "An intergovernmental satellite organization set up in Moscow in 1971.",
        people: [.init(name: "Ksenia Drozdova", role: "Director General", since: date("2021"))],
        memberStates: ["Afghanistan", "Azerbaijan", "Belarus", "Bulgaria", "Cuba", "Czech Republic"],
        memberships: [
            .init(sector: "ITU-R", category: "Intergovernmental organization operating satellite systems",
                  since: date("2021-11"), labels: ["Gold Sector Member"]),
            .init(sector: "ITU-D", category: "Intergovernmental organization operating satellite systems",
                  since: date("2021-10")),
        ],
        facts: [.init(label: "Member states", value: "26 (2021)")],
        sources: ["https://intersputnik.int/"])

    static let organizations: [Organization] = [
        intersputnik,
        Organization(id: "eutelsat-igo", name: "EUTELSAT IGO", kind: "intergovernmental satellite organization",
                     memberships: [.init(sector: "ITU-R", category: "Intergovernmental organization operating satellite systems")]),
        Organization(id: "apple", name: "Apple Inc.", kind: "company",
                     memberships: [.init(sector: "ITU-T", category: "Sector Member", labels: ["Gold Sector Member"])]),
        Organization(id: "esa", name: "European Space Agency", shortName: "ESA", kind: "space agency",
                     memberships: [.init(sector: "ITU-R", category: "Sector Member")]),
        Organization(id: "apt", name: "Asia-Pacific Telecommunity", shortName: "APT", kind: "regional telecommunication organization",
                     memberships: [.init(sector: "ITU-D", category: "Regional telecommunication organization"),
                                   .init(sector: "ITU-T", category: "Regional telecommunication organization")]),
        Organization(id: "imso", name: "International Mobile Satellite Organization", shortName: "IMSO",
                     kind: "intergovernmental satellite organization"),
    ]

    static let news: [NewsItem] = [
        NewsItem(id: "2021-11-01-intersputnik-gold", date: date("2021-11-01"), category: "International Cooperation",
                 title: "Intersputnik becomes an ITU Gold Sector Member",
                 summary: "Intersputnik is now a Gold Sector Member of ITU-R.",
                 body: "On 1 November 2021 Intersputnik announced that it had become a Gold Sector Member of the ITU. In October it had joined ITU-D, so it now takes part in ITU-D and ITU-R.",
                 organizations: ["intersputnik"], sectors: ["ITU-R", "ITU-D"], tags: ["membership", "gold"],
                 source: "https://intersputnik.int/news/"),
        NewsItem(id: "2021-10-01-intersputnik-joins-itu-d", date: date("2021-10"), category: "Membership",
                 title: "Intersputnik joins the Development Sector", summary: "Intersputnik joins ITU-D.",
                 body: "Intersputnik joined ITU-D in October 2021.", organizations: ["intersputnik"], sectors: ["ITU-D"]),
        NewsItem(id: "2022-03-10-apt-workshop", date: date("2022-03-10"), category: "Events",
                 title: "APT and ITU hold a workshop on rural connectivity", summary: "A workshop on rural connectivity.",
                 body: "The workshop covered satellite spectrum for rural areas.", organizations: ["apt"], sectors: ["ITU-D"]),
        NewsItem(id: "2020-06-15-esa-spectrum", date: date("2020-06-15"), category: "Spectrum",
                 title: "ESA and ITU-R on spectrum for science missions", summary: "Spectrum for science.",
                 body: "Science services need protected spectrum.", organizations: ["esa"], sectors: ["ITU-R"]),
        NewsItem(id: "2019-02-01-apple-standards", date: date("2019-02-01"), category: "Standards",
                 title: "Apple joins ITU-T study groups", summary: "Apple joins.",
                 body: "Apple took part in ITU-T work.", organizations: ["apple"], sectors: ["ITU-T"]),
    ]

    static let small = Catalog(sectors: sectors, organizations: organizations, news: news)

    /// A catalog with `count` generated news items, to test long lists.
    static func large(newsCount count: Int) -> Catalog {
        let items = (0..<count).map { i in
            NewsItem(id: "news-\(i)", date: date("2020-01-01"), category: "Generated", title: "Generated item \(i)",
                     summary: "", body: "Body \(i)", organizations: ["apple"], sectors: ["ITU-T"])
        }
        return Catalog(sectors: sectors, organizations: organizations, news: items)
    }

    /// Text a hostile source might contain: escape sequences, C0 and C1 controls, DEL, a
    /// carriage return, bidirectional overrides, a very long word, and empty strings.
    static let hostileText = "Evil\u{1B}[2J\u{1B}]0;owned\u{07}\r\u{7F}\u{85}\u{9B}31m\u{202E}desrever\u{202C}\t" + String(repeating: "W", count: 300)

    static let hostile: Catalog = {
        let org = Organization(id: "evil", name: hostileText, shortName: "", aliases: ["", hostileText], kind: "\u{1B}[31mkind",
                               headquarters: .init(city: "\r\n", country: hostileText), website: "\u{1B}]8;;http://x\u{1B}\\",
                               summary: hostileText, people: [.init(name: hostileText, role: "\u{9D}role")],
                               memberStates: [hostileText, ""],
                               memberships: [.init(sector: "ITU-R", category: hostileText, labels: [hostileText])],
                               facts: [.init(label: hostileText, value: hostileText)], sources: [hostileText])
        let item = NewsItem(id: "evil-news", date: date("2021-01-01"), category: hostileText, title: hostileText,
                            summary: hostileText, body: hostileText + "\n\n" + hostileText, organizations: ["evil"],
                            sectors: ["ITU-R"], tags: [hostileText], source: hostileText)
        let empty = NewsItem(id: "empty-news", date: date("2021"), category: "", title: "", summary: "", body: "")
        let sector = Sector(id: "ITU-R", name: hostileText, bureau: .init(name: hostileText, abbreviation: "\u{1B}"),
                            mandate: hostileText, directors: [.init(name: hostileText)])
        return Catalog(sectors: [sector], organizations: [org], news: [item, empty])
    }()
}
