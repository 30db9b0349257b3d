/// Generates a synthetic but plausible catalog of any size, for benchmarks and tests at scale.
///
/// The same parameters always give the same values and the same bytes: every random choice
/// comes from `SplitMix64`, seeded from `seed` (each news item from its own stream, so items can
/// be made one at a time). The output passes `FixtureLoader`'s checks with no problem: the
/// three real Sectors, organizations whose ids, short names and aliases (some Cyrillic, some
/// CJK) are all distinct, and news that name only those. News text is drawn word by word from
/// a Zipf-like distribution over `CorpusVocabulary`.
public struct CorpusGenerator: Sendable {
    public var newsCount: Int
    public var organizationCount: Int
    public var seed: UInt64

    public init(newsCount: Int, organizationCount: Int, seed: UInt64) {
        self.newsCount = max(0, newsCount)
        self.organizationCount = max(0, organizationCount)
        self.seed = seed
    }

    /// Why a corpus could not be written.
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// All three kinds of values at once.
    public func makeCorpus() -> (sectors: [Sector], organizations: [Organization], news: [NewsItem]) {
        let organizations = makeOrganizations()
        let context = NewsContext(organizations: organizations)
        let news = (0..<newsCount).map { makeNewsItem(at: $0, context: context) }
        return (CorpusGenerator.sectors, organizations, news)
    }

    /// The most news items `write` accepts: about 1.5 GB of JSON.
    public static let maximumNewsCount = 1_000_000
    /// The most organizations `write` accepts: about 80 MB of JSON.
    public static let maximumOrganizationCount = 100_000

    /// The reason the counts are out of bounds, or nil when `write` accepts them.
    public var countsProblem: String? {
        if newsCount > CorpusGenerator.maximumNewsCount {
            return "at most \(CorpusGenerator.maximumNewsCount) news items, not \(newsCount)"
        }
        if organizationCount > CorpusGenerator.maximumOrganizationCount {
            return "at most \(CorpusGenerator.maximumOrganizationCount) organizations, not \(organizationCount)"
        }
        return nil
    }

    /// Writes `sectors.json`, `organizations.json` and `news.json` into a folder, creating it.
    ///
    /// Refuses counts above the maximums and a folder that holds anything but those three
    /// files, before writing anything, so it never overwrites other data. The files are written
    /// (news a chunk at a time) and flushed to the disk in a temporary folder beside `directory`,
    /// then renamed into place: the folder when it was missing, else each file. When a write
    /// fails (a full disk included), the temporary folder and any folder this call created are
    /// removed, so `directory` is either complete or as it was.
    public func write(to directory: String) throws(WriteError) {
        guard !directory.isEmpty else { throw WriteError(description: "no folder given to write the corpus into") }
        if let countsProblem { throw WriteError(description: countsProblem) }
        let exists = try checkDestination(directory)
        var created: [String] = []
        let parent = FileSystem.parent(of: directory)
        switch FileSystem.createDirectory(parent) {
        case .failure(let failure): throw WriteError(description: failure.message)
        case .success(let folders): created = folders
        }
        let temporary: String
        switch FileSystem.makeTemporaryDirectory(in: parent, prefix: ".itu-browser-generate-") {
        case .failure(let failure):
            FileSystem.removeFolders(created.reversed())
            throw WriteError(description: failure.message)
        case .success(let path): temporary = path
        }
        do {
            try writeFiles(into: temporary)
            if exists {
                for kind in FixtureFile.Kind.allCases {
                    try moved(FileSystem.rename(FileSystem.join(temporary, kind.fileName), to: FileSystem.join(directory, kind.fileName)))
                }
                FileSystem.removeFolder(temporary)
            } else {
                try moved(FileSystem.rename(temporary, to: directory))
            }
        } catch {
            FileSystem.removeFolder(temporary)
            FileSystem.removeFolders(created.reversed())
            let outcome = exists ? "\"\(directory)\" was left as it was" : "nothing was written"
            throw WriteError(description: error.description + "; " + outcome)
        }
    }

    /// Checks that `directory` is missing or a folder of fixture files only; returns whether it
    /// exists.
    private func checkDestination(_ directory: String) throws(WriteError) -> Bool {
        switch FileSystem.kind(of: directory) {
        case .missing:
            return false
        case .directory:
            let fixtureNames = Set(FixtureFile.Kind.allCases.map(\.fileName))
            switch FileSystem.contentsOfDirectory(directory) {
            case .failure(let failure):
                throw WriteError(description: "cannot read the folder \"\(directory)\": \(failure.message)")
            case .success(let names):
                let others = names.filter { !fixtureNames.contains($0) }
                guard others.isEmpty else {
                    throw WriteError(description: "refusing to write into \"\(directory)\": it holds files other than fixtures (\(others.prefix(5).joined(separator: ", ")))")
                }
                for name in names where FileSystem.kind(of: FileSystem.join(directory, name)) != .regularFile {
                    throw WriteError(description: "refusing to write into \"\(directory)\": \"\(name)\" is not a regular file")
                }
            }
            return true
        case .regularFile, .other:
            throw WriteError(description: "cannot write into \"\(directory)\": it is not a folder")
        }
    }

    private func moved(_ result: Result<Void, FileSystem.Failure>) throws(WriteError) {
        if case .failure(let failure) = result { throw WriteError(description: failure.message) }
    }

    /// Writes the three files into a folder; stops at the first failed write.
    private func writeFiles(into folder: String) throws(WriteError) {
        let organizations = makeOrganizations()
        try writeFile(folder, .sectors) { json, _ in
            for sector in CorpusGenerator.sectors { json.write(sector) }
        }
        try writeFile(folder, .organizations) { json, flush in
            for organization in organizations {
                json.write(organization)
                if json.bytes.count >= 1 << 20, !flush(&json) { return }
            }
        }
        let context = NewsContext(organizations: organizations)
        try writeFile(folder, .news) { json, flush in
            for index in 0..<newsCount {
                json.write(makeNewsItem(at: index, context: context))
                if json.bytes.count >= 1 << 20, !flush(&json) { return }
            }
        }
    }

    /// Writes one file; `records` gets the writer and a flush that returns false once a write
    /// has failed (it should then stop).
    private func writeFile(_ folder: String, _ kind: FixtureFile.Kind,
                           records: (inout JSONWriter, (inout JSONWriter) -> Bool) -> Void) throws(WriteError) {
        let result = FileSystem.writeFile(FileSystem.join(folder, kind.fileName)) { sink in
            var json = JSONWriter(prettyPrinted: true, reservingCapacity: 1 << 20 + 65_536)
            json.beginFixtureFile(kind)
            records(&json) { json in
                sink.write(json.takeBytes())
                return sink.error == nil
            }
            json.endFixtureFile()
            sink.write(json.takeBytes())
        }
        if case .failure(let failure) = result {
            let reason = failure.isDiskFull ? "the disk is full" : "cannot write"
            let detail = failure.code.map(FileSystem.errorText) ?? failure.message
            throw WriteError(description: "\(reason): \(kind.fileName) could not be written (\(detail))")
        }
    }

    // MARK: Sectors

    /// The three ITU Sectors, as the real ones are.
    public static let sectors: [Sector] = [
        Sector(
            id: "ITU-R", name: "Radiocommunication Sector",
            bureau: .init(name: "Radiocommunication Bureau", abbreviation: "BR"),
            mandate: "Ensures the rational, equitable, efficient and economical use of the radio-frequency spectrum and satellite orbits by all radiocommunication services.",
            predecessor: "CCIR (1927)",
            directors: [.init(name: "Mario Maniewicz", country: "Uruguay", termStart: PartialDate(year: 2019, month: 1))],
            studyGroups: [
                .init(id: "SG1", title: "Spectrum management"), .init(id: "SG3", title: "Radiowave propagation"),
                .init(id: "SG4", title: "Satellite services"), .init(id: "SG5", title: "Terrestrial services"),
                .init(id: "SG6", title: "Broadcasting service"), .init(id: "SG7", title: "Science services"),
            ],
            website: "https://www.itu.int/en/ITU-R"),
        Sector(
            id: "ITU-T", name: "Telecommunication Standardization Sector",
            bureau: .init(name: "Telecommunication Standardization Bureau", abbreviation: "TSB"),
            mandate: "Develops international standards, the ITU-T Recommendations, for telecommunication networks and services.",
            predecessor: "CCITT (1956)",
            directors: [.init(name: "Seizo Onoe", country: "Japan", termStart: PartialDate(year: 2023, month: 1))],
            studyGroups: [
                .init(id: "SG5", title: "Environment, EMF and circular economy"),
                .init(id: "SG13", title: "Future networks"), .init(id: "SG15", title: "Networks, technologies and infrastructures for transport, access and home"),
                .init(id: "SG17", title: "Security"),
            ],
            website: "https://www.itu.int/en/ITU-T"),
        Sector(
            id: "ITU-D", name: "Telecommunication Development Sector",
            bureau: .init(name: "Telecommunication Development Bureau", abbreviation: "BDT"),
            mandate: "Fosters international cooperation and solidarity in delivering technical assistance and in creating, developing and improving telecommunication and ICT equipment and networks in developing countries.",
            directors: [.init(name: "Cosmas Luckyson Zavazava", country: "Zimbabwe", termStart: PartialDate(year: 2023, month: 1))],
            studyGroups: [
                .init(id: "SG1", title: "Enabling environment for meaningful connectivity"),
                .init(id: "SG2", title: "Digital transformation"),
            ],
            website: "https://www.itu.int/en/ITU-D"),
    ]

    // MARK: Organizations

    /// The organizations, each with distinct names in every script.
    public func makeOrganizations() -> [Organization] {
        var random = SplitMix64(seed: seed ^ 0x0A6A_7E5E_ED00_0001)
        var usedNames: Set<String> = Set(CorpusGenerator.sectors.map { $0.id.lowercased() })
        func unique(_ candidate: String, separator: String = " ") -> String {
            var name = candidate
            var number = 2
            while !usedNames.insert(name.lowercased()).inserted {
                name = candidate + separator + String(number)
                number += 1
            }
            return name
        }
        let kinds = OrganizationKind.known
        let sectorIDs = CorpusGenerator.sectors.map(\.id)
        var organizations: [Organization] = []
        organizations.reserveCapacity(organizationCount)
        for _ in 0..<organizationCount {
            let kind = random.pick(kinds) ?? "company"
            let words = [random.pick(CorpusVocabulary.nameAdjectives) ?? "", random.pick(CorpusVocabulary.nameCores) ?? "",
                         random.pick(CorpusVocabulary.nameEndings[kind] ?? ["Organization"]) ?? ""]
            let name = unique(words.joined(separator: " "))
            let id = unique(CorpusGenerator.slug(name), separator: "-")
            var organization = Organization(id: id, name: name, kind: kind)
            if random.chance(0.7) {
                let acronym = name.split(separator: " ").compactMap { $0.first(where: \.isLetter)?.uppercased() }.joined()
                organization.shortName = unique(acronym, separator: "-")
            }
            if random.chance(0.3) {
                let cyrillic = (random.pick(CorpusVocabulary.cyrillicAdjectives) ?? "") + " " + (random.pick(CorpusVocabulary.cyrillicNouns) ?? "")
                organization.aliases.append(unique(cyrillic))
            }
            if random.chance(0.2) {
                organization.aliases.append(unique((random.pick(CorpusVocabulary.cjkPrefixes) ?? "") + (random.pick(CorpusVocabulary.cjkSuffixes) ?? "")))
            }
            if let (city, country) = random.pick(CorpusVocabulary.cities) {
                organization.headquarters = Organization.Place(city: random.chance(0.8) ? city : nil, country: country)
            }
            if random.chance(0.6) { organization.founded = PartialDate(year: random.between(1865, 2020)) }
            organization.website = "https://www.example.org/\(id)"
            let article = "aeiou".contains(kind.first ?? "x") ? "an" : "a"
            organization.summary = "\(name) is \(article) \(kind) working on \(random.pick(CorpusVocabulary.tags) ?? "connectivity")."
            if random.chance(0.5), let person = random.pick(CorpusVocabulary.personNames) {
                organization.people.append(Organization.Person(name: person, role: random.pick(CorpusVocabulary.roles) ?? "Chair",
                                                               since: PartialDate(year: random.between(2005, 2023))))
            }
            for sectorID in sectorIDs.shuffledPrefix(random.between(0, 3), using: &random) {
                var membership = Organization.Membership(sector: sectorID, category: random.pick(CorpusVocabulary.membershipCategories))
                membership.since = PartialDate(year: random.between(1990, 2024), month: random.between(1, 12))
                if random.chance(0.1), let label = random.pick(CorpusVocabulary.membershipLabels) { membership.labels = [label] }
                organization.memberships.append(membership)
            }
            if random.chance(0.3) {
                organization.facts.append(Organization.Fact(label: "Employees", value: String(random.between(20, 20_000))))
            }
            organizations.append(organization)
        }
        return organizations
    }

    /// A lower-case ASCII slug: `Global Space S.A.` → `global-space-s-a`.
    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "organization" : slug
    }

    // MARK: News

    /// What every news item draws from: the organizations (popular ones more often) and the
    /// word distribution.
    struct NewsContext {
        let organizations: [Organization]
        let organizationPopularity: ZipfSampler
        let words: [String]
        let wordFrequency: ZipfSampler

        init(organizations: [Organization]) {
            self.organizations = organizations
            organizationPopularity = ZipfSampler(count: organizations.count, exponent: 0.8)
            words = CorpusVocabulary.rankedWords
            wordFrequency = ZipfSampler(count: words.count, exponent: 1.0)
        }
    }

    /// The news item at a position; made from its own random stream, so any item can be made
    /// alone and always comes out the same.
    public func makeNewsItem(at index: Int, organizations: [Organization]) -> NewsItem {
        makeNewsItem(at: index, context: NewsContext(organizations: organizations))
    }

    func makeNewsItem(at index: Int, context: NewsContext) -> NewsItem {
        var random = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = random.next()
        let year = random.between(2019, 2024)
        let month = random.between(1, 12)
        let day = random.chance(0.05) ? nil : random.between(1, PartialDate.daysIn(month: month, year: year))
        let itemDate = PartialDate(checkedYear: year, month: month, day: day)
        var organizationIDs: [String] = []
        var firstName: String?
        let wanted = min(random.between(1, 3), context.organizations.count)
        var attempts = 0
        while organizationIDs.count < wanted && attempts < 20 {
            attempts += 1
            let organization = context.organizations[context.organizationPopularity.sample(using: &random)]
            guard !organizationIDs.contains(organization.id) else { continue }
            organizationIDs.append(organization.id)
            if firstName == nil { firstName = organization.displayName }
        }
        let sectors = CorpusGenerator.sectors.map(\.id).shuffledPrefix(random.between(1, 2), using: &random)
        let tags = CorpusVocabulary.tags.shuffledPrefix(random.between(1, 4), using: &random)
        let category = random.pick(CorpusVocabulary.categories) ?? "Events"
        var title = words(random.between(6, 9), context, &random, sentences: false)
        if let firstName, random.chance(0.5) { title = firstName + " " + title }
        let summary = words(random.between(20, 30), context, &random, sentences: true)
        let body = words(random.between(130, 170), context, &random, sentences: true)
        let id = "\(itemDate)-item-\(index)"
        return NewsItem(id: id, date: itemDate, category: category, title: title, summary: summary, body: body,
                        organizations: organizationIDs, sectors: sectors, tags: tags,
                        source: "https://news.example.org/\(id)")
    }

    /// Words drawn from the vocabulary; as sentences, with capitals and full stops.
    private func words(_ count: Int, _ context: NewsContext, _ random: inout SplitMix64, sentences: Bool) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(count * 8)
        var sentenceLength = 0
        var sentenceTarget = random.between(8, 18)
        for position in 0..<count {
            let word = context.words[context.wordFrequency.sample(using: &random)]
            if position > 0 { text.append(UInt8(ascii: " ")) }
            let capitalize = position == 0 || (sentences && sentenceLength == 0)
            var first = true
            for byte in word.utf8 {
                text.append(capitalize && first && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
                first = false
            }
            sentenceLength += 1
            if sentences && (sentenceLength == sentenceTarget || position == count - 1) {
                text.append(UInt8(ascii: "."))
                sentenceLength = 0
                sentenceTarget = random.between(8, 18)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

private extension Array {
    /// The first `count` elements of a seeded shuffle, in a stable order across toolchains.
    func shuffledPrefix(_ count: Int, using random: inout SplitMix64) -> [Element] {
        var elements = self
        let wanted = Swift.min(Swift.max(count, 0), elements.count)
        for index in 0..<wanted {
            elements.swapAt(index, index + random.below(elements.count - index))
        }
        return Array(elements.prefix(wanted))
    }
}
