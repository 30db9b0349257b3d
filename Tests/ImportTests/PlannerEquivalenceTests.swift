import Catalog
import Testing
@testable import Import

/// The planner finds its near duplicates through an index, several threads and a filter; these
/// tests hold it to the rule as written: every earlier candidate compared in order, one by one.
@Suite("Planner against the rule compared item by item")
struct PlannerEquivalenceTests {
    static let vocabulary = ["orbit", "spectrum", "gold", "member", "sector", "union", "satellite", "band",
                             "treaty", "Intersputnik", "ESA", "radio", "the", "of", "a", "Genève", "GENEVE", "ITU-R"]

    /// Words picked from a small vocabulary, so that texts often share most of their words.
    static func words(_ random: inout SplitMix64, _ range: ClosedRange<Int>) -> String {
        let count = range.lowerBound + Int(random.next() % UInt64(range.count))
        return (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
    }

    /// Either new words, or the words of an earlier text with one word changed or added.
    static func text(_ random: inout SplitMix64, _ range: ClosedRange<Int>, like earlier: [String]) -> String {
        guard !earlier.isEmpty, random.next() % 2 == 0 else { return words(&random, range) }
        var parts = earlier[Int(random.next() % UInt64(earlier.count))].split(separator: " ").map(String.init)
        let word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
        if random.next() % 2 == 0 || parts.isEmpty { parts.append(word) } else { parts[Int(random.next() % UInt64(parts.count))] = word }
        return parts.joined(separator: " ")
    }

    static func date(_ random: inout SplitMix64) -> PartialDate {
        random.next() % 10 == 0 ? PartialDate("2021-11")! : PartialDate("2021-11-0\(1 + random.next() % 6)")!
    }

    /// An outcome told by position: `c3` is the catalog's fourth item, `i2` the import's third.
    enum Outcome: Equatable, CustomStringConvertible {
        case added
        case unchanged(String)
        case duplicate(String)

        var description: String {
            switch self {
            case .added: return "added"
            case .unchanged(let key): return "unchanged \(key)"
            case .duplicate(let key): return "duplicate \(key)"
            }
        }
    }

    /// The rule, item by item: the same source is unchanged; else the first item, in the order
    /// of the day before, the same day and the day after (on each day the catalog's items before
    /// this import's), whose title shares 60 % of the words or whose body shares 70 %.
    static func expected(_ imported: [ImportedNews], catalog: [NewsItem], force: Bool) -> [Outcome] {
        var bySource: [String: String] = [:]
        for (index, item) in catalog.enumerated() where item.source.map({ bySource[$0] == nil }) == true {
            bySource[item.source!] = "c\(index)"
        }
        var candidates: [(key: String, item: NewsItem, fromCatalog: Bool)] = catalog.enumerated().map { ("c\($0.offset)", $0.element, true) }
        var outcomes: [Outcome] = []
        for (index, news) in imported.enumerated() {
            if let key = news.identities.compactMap({ bySource[$0] }).first {
                outcomes.append(.unchanged(key))
                continue
            }
            let day = Similarity.dayNumber(news.item.date)
            var match: String?
            search: for offset in -1...1 {
                for fromCatalog in [true, false] {
                    for candidate in candidates where candidate.fromCatalog == fromCatalog && candidate.item.date.day != nil
                        && Similarity.dayNumber(candidate.item.date) == day + offset
                        && (Similarity.words(news.item.title, candidate.item.title) >= Similarity.titleThreshold
                            || Similarity.words(news.item.body, candidate.item.body) >= Similarity.bodyThreshold) {
                        match = candidate.key
                        break search
                    }
                }
            }
            if let match, !force {
                outcomes.append(.duplicate(match))
                continue
            }
            outcomes.append(.added)
            candidates.append(("i\(index)", news.item, false))
            for identity in news.identities + [news.item.source].compactMap({ $0 }) where bySource[identity] == nil {
                bySource[identity] = "i\(index)"
            }
        }
        return outcomes
    }

    static func outcomes(of plan: ImportPlan, catalog: [NewsItem]) -> [Outcome] {
        var keys: [String: String] = [:]
        for (index, item) in catalog.enumerated() { keys[item.id] = "c\(index)" }
        for (index, outcome) in plan.outcomes.enumerated() where outcome.action == .added { keys[outcome.news.item.id] = "i\(index)" }
        return plan.outcomes.map { outcome in
            switch outcome.action {
            case .added: return .added
            case .unchanged, .updated: return .unchanged(keys[outcome.duplicateOf ?? ""] ?? "?")
            case .duplicate: return .duplicate(keys[outcome.duplicateOf ?? ""] ?? "?")
            }
        }
    }

    @Test("random catalogs and imports: the same outcomes and originals as the rule item by item", arguments: [false, true])
    func randomImports(force: Bool) throws {
        var random = SplitMix64(seed: force ? 29 : 17)
        var duplicatesSeen = 0
        for round in 0..<60 {
            var titles: [String] = []
            var bodies: [String] = []
            var catalogNews: [NewsItem] = []
            for index in 0..<Int(random.next() % 40) {
                let title = Self.text(&random, 1...6, like: titles)
                let body = Self.text(&random, 0...14, like: bodies)
                titles.append(title)
                bodies.append(body)
                catalogNews.append(NewsItem(id: "c-\(round)-\(index)", date: Self.date(&random), category: "News", title: title,
                                            summary: "s", body: body, source: "https://example.org/c/\(index)"))
            }
            let catalog = Catalog(sectors: Support.catalog.sectors, organizations: Support.catalog.organizations, news: catalogNews)
            var imported: [ImportedNews] = []
            for index in 0..<Int(1 + random.next() % 40) {
                let title = Self.text(&random, 1...6, like: titles)
                let body = Self.text(&random, 1...14, like: bodies)
                titles.append(title)
                bodies.append(body)
                var day = Self.date(&random)
                if day.day == nil { day = PartialDate("2021-11-03")! }
                let link = random.next() % 8 == 0 ? "https://example.org/c/\(random.next() % 40)" : "https://example.org/i/\(index % 30)"
                let article = Article(title: title, date: day, paragraphs: [body], link: link)
                imported.append(ImportedNews(try SourceArticle(article, sourceName: "t", address: nil, fileName: nil),
                                             linker: Support.linker))
            }
            let plan = ImportPlanner.plan(imported, against: catalog, options: ImportOptions(force: force))
            let wanted = Self.expected(imported, catalog: catalogNews, force: force)
            #expect(Self.outcomes(of: plan, catalog: catalogNews) == wanted, "round \(round)")
            duplicatesSeen += wanted.filter { if case .duplicate = $0 { return true } else { return false } }.count
        }
        // The inputs must make the rule do its work: many near duplicates, of both kinds of original.
        #expect(force || duplicatesSeen > 200)
    }
}
