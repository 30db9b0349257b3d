@testable import TextSearch
import Testing

/// The pieces that let making the hits and resolving words read less: a field scope's entries in
/// the hits picked from its kept entries, the kept selection that ranks a field scope in one
/// pass, and lookups narrowed to the run of a string's first two characters. Each is checked
/// against the plain way it replaces.
@Suite struct HitFieldEntriesTests {
    static let index = RankingShortcutTests.index
    static let fieldScopes = ["title:satellite", "title:sat*", "title:orbit*", "summary:spectrum", "body:satelite", "title:cable"]

    /// The planner's units of `query`.
    static func units(_ query: String, prefix: Bool) throws -> (units: [QueryUnit], positive: [Int]) {
        var parser = QueryParser(schema: index.schema)
        parser.lastWordIsPrefix = prefix
        let root = try #require(parser.parse(query).root, "\(query)")
        var planner = QueryPlanner(data: index.data, schema: index.schema)
        var cache = UnitCache()
        _ = planner.plan(root, cache: &cache)
        return (planner.units, planner.positiveUnits)
    }

    /// The rows are the kept entries whose document is a hit, each with the term whose entries
    /// hold it, sorted by document then entry; and `rows(of:)` gives a hit's own.
    @Test func theRowsAreTheKeptEntriesOfTheHits() throws {
        let data = Self.index.data
        var random = SeededGenerator(seed: 51)
        var rowsSeen = 0
        for query in Self.fieldScopes {
            let (units, positive) = try Self.units(query, prefix: false)
            let unit = units[positive[0]]
            guard case .terms(let matcher) = unit.kind else { Issue.record("\(query) is not a word"); continue }
            let kept = try #require(unit.fieldEntries, "\(query)")
            let documents = unit.documents.members
            for round in 0..<20 {
                // Hits in any order, some not holding the word at all; once, every document
                // holding it (so each kept entry, a term's first among them, is a row).
                let hits = round == 0 ? documents.shuffled(using: &random) : (0..<Int.random(in: 0...25, using: &random)).map { _ in
                    Bool.random(using: &random) ? documents.randomElement(using: &random) ?? 0
                        : Int.random(in: 0..<data.documentCount, using: &random)
                }
                let picked = HitFieldEntries(kept, matcher: matcher, hits: Array(Set(hits)), termEntryStart: data.termEntryStart)
                var expected: [HitFieldEntries.Row] = []
                for (entry, document) in zip(kept.entries, kept.documents) where hits.contains(Int(document)) {
                    let term = try #require((0..<data.dictionary.count).first { data.termEntryStart[$0 + 1] > entry })
                    #expect(matcher.typos(of: term) != nil, "\(query): the entry's term is one of the word's")
                    expected.append(HitFieldEntries.Row(document: document, term: UInt32(term), entry: entry))
                }
                expected.sort { ($0.document, $0.entry) < ($1.document, $1.entry) }
                #expect(picked.rows == expected, "\(query), hits \(hits)")
                #expect(picked.field == kept.field)
                for d in Set(hits) {
                    #expect(Array(picked.rows(of: d)) == expected.filter { Int($0.document) == d }, "\(query), document \(d)")
                }
                rowsSeen += expected.count
            }
        }
        #expect(rowsSeen > 100)
    }

    /// Each row's term is the one whose entries hold it, at a term's first entry too: there
    /// "satellites" starts where "satellite" ends.
    @Test func aRowAtATermsFirstEntryHasThatTerm() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("a", title: "Satellites", body: "orbit"),
            Corpus.news("b", title: "Satellite", body: "orbit"),
        ])
        let data = index.data
        let planner = QueryPlanner(data: data, schema: index.schema)
        var cache = UnitCache()
        let unit = try #require(planner.resolve(UnitKey(text: "satellite", isPhrase: false, field: 0, isPrefix: false), cache: &cache))
        guard case .terms(let matcher) = unit.kind else { Issue.record("not a word"); return }
        let picked = HitFieldEntries(try #require(unit.fieldEntries), matcher: matcher, hits: [1, 0], termEntryStart: data.termEntryStart)
        #expect(picked.rows.map { data.dictionary.text(Int($0.term)) } == ["satellites", "satellite"])
        #expect(picked.rows.map(\.document) == [0, 1])
    }

    /// Highlighting a field scope's hits from the picked rows gives what reading each hit's
    /// forward list gives: the same highlights and snippets, guided or reading whole fields.
    @Test func highlightingFromTheRowsEqualsHighlightingFromTheForwardLists() throws {
        let data = Self.index.data
        var compared = 0
        for query in Self.fieldScopes + ["title:satellite orbit", "title:sat* -orbit", "\"orbit radio\" title:beam"] {
            for prefix in [false, true] {
                let (units, positive) = try Self.units(query, prefix: prefix)
                let hits = Self.index.search(query, options: SearchOptions(limit: 30, lastWordIsPrefix: prefix)).hits.map(\.document)
                let picked = HitFieldEntries.ofUnits(units, positive: positive, hits: hits, termEntryStart: data.termEntryStart)
                #expect(picked.contains { $0 != nil } == positive.contains { units[$0].fieldEntries != nil }, "\(query)")
                for whole in [false, true] {
                    let fromRows = Highlighter(data: data, schema: Self.index.schema, units: units, positiveUnits: positive,
                                               hitEntries: picked, readsWholeFields: whole)
                    let fromLists = Highlighter(data: data, schema: Self.index.schema, units: units, positiveUnits: positive,
                                                readsWholeFields: whole)
                    var rowScratch = fromRows.makeScratch(), listScratch = fromLists.makeScratch()
                    for d in hits {
                        let a = fromRows.highlightsAndSnippet(document: d, fields: nil, scratch: &rowScratch)
                        let b = fromLists.highlightsAndSnippet(document: d, fields: nil, scratch: &listScratch)
                        #expect(a.highlights == b.highlights, "\(query), document \(d)")
                        #expect(a.snippet == b.snippet, "\(query), document \(d)")
                        compared += a.highlights.isEmpty ? 0 : 1
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    /// The kept selection returns the best `limit` of each document's best offer (fewer typos,
    /// or as few and a strictly higher score, the first on a tie) with that offer's term, as
    /// choosing each document's best first and then selecting does.
    @Test func theKeptSelectionKeepsEachDocumentsBestOffer() {
        var random = SeededGenerator(seed: 52)
        for _ in 0..<300 {
            let limit = Int.random(in: 1...12, using: &random)
            var selection = KeptWordSelection(limit: limit)
            var best: [Int: (ranked: RankedDocument, term: UInt32)] = [:]
            let offers = Int.random(in: 0...80, using: &random)
            for term in 0..<offers {
                let d = Int.random(in: 0..<30, using: &random)
                // Few distinct scores and dates: ties abound.
                let offer = RankedDocument(document: d, matched: 1, typos: Int.random(in: 0...2, using: &random),
                                           score: Double(Int.random(in: 1...4, using: &random)), date: 20200101 + d % 3)
                selection.offer(offer, term: UInt32(term))
                if let held = best[d]?.ranked,
                   !(offer.typos < held.typos || (offer.typos == held.typos && offer.score > held.score)) { continue }
                best[d] = (offer, UInt32(term))
            }
            let expected = best.values.sorted { RankedDocument.precedesIgnoringProximity($0.ranked, $1.ranked) }.prefix(limit)
            #expect(selection.elements.map(\.document) == expected.map(\.ranked.document))
            #expect(selection.elements.map(\.score) == expected.map(\.ranked.score))
            #expect(selection.elements.map(\.typos) == expected.map(\.ranked.typos))
            #expect(selection.terms == expected.map(\.term))
            #expect(selection.seen == offers)
        }
    }

    /// Lookups through the character runs find what a scan of every term finds: the term that
    /// is a string, and the terms that start with it, for strings of every length.
    @Test func lookupsFindWhatAScanOfEveryTermFinds() {
        var random = SeededGenerator(seed: 54)
        let alphabet: [UInt32] = [0x61, 0x62, 0x7A, 0xE9, 0x4E9A]
        func word(_ length: ClosedRange<Int>) -> [UInt32] {
            (0..<Int.random(in: length, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
        }
        var found = 0
        for _ in 0..<60 {
            let terms = Set((0..<Int.random(in: 0...80, using: &random)).map { _ in word(0...5) })
                .sorted { $0.lexicographicallyPrecedes($1) }
            let dictionary = TermDictionary(sortedTerms: terms)
            for _ in 0..<40 {
                let string = Bool.random(using: &random) ? (terms.randomElement(using: &random) ?? []) : word(0...4)
                let exact = terms.firstIndex(of: string)
                #expect(dictionary.lookup(string) == exact, "\(terms), \(string)")
                let starting = terms.indices.filter { terms[$0].starts(with: string) }
                #expect(Array(dictionary.prefixRange(string)) == starting, "\(terms), \(string)")
                #expect(Array(dictionary.terms(startingWith: string, exactly: true)) == (exact.map { [$0] } ?? []))
                found += starting.count
            }
        }
        #expect(found > 500)
    }
}
