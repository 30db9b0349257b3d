import Testing
@testable import TextSearch

/// `HitPrefetch` changes no result, so what can be checked is which memory it asks for.
@Suite struct HitPrefetchTests {
    static func lineIndices(_ range: Range<Int>, count: Int, stride: Int) -> [Int] {
        var found: [Int] = []
        HitPrefetch.forEachLineIndex(range, count: count, stride: stride) { found.append($0) }
        return found
    }

    /// Every cache line a range of a buffer touches gets a hint: one a line's size apart from
    /// the first element, and the last element too unless a step landed on it (where lines
    /// start depends on the buffer's address). Nothing outside the buffer does.
    @Test func everyCacheLineOfTheRangeAndNothingOutsideTheBuffer() {
        // 4-byte elements: 16 to a line.
        #expect(Self.lineIndices(0..<40, count: 100, stride: 4) == [0, 16, 32, 39])
        #expect(Self.lineIndices(0..<33, count: 100, stride: 4) == [0, 16, 32])
        #expect(Self.lineIndices(10..<40, count: 100, stride: 4) == [10, 26, 39])
        #expect(Self.lineIndices(5..<6, count: 100, stride: 4) == [5])
        // Bytes, cut to the buffer.
        #expect(Self.lineIndices(100..<300, count: 200, stride: 1) == [100, 164, 199])
        // Elements longer than a line: each of them.
        #expect(Self.lineIndices(0..<3, count: 3, stride: 128) == [0, 1, 2])
        // Empty, outside, or partly before the buffer.
        #expect(Self.lineIndices(10..<10, count: 100, stride: 4).isEmpty)
        #expect(Self.lineIndices(90..<200, count: 50, stride: 4).isEmpty)
        #expect(Self.lineIndices(-50..<10, count: 100, stride: 4) == [0, 9])
        #expect(Self.lineIndices(0..<0, count: 0, stride: 0).isEmpty)
    }

    /// Asking for the hits of every document of a built index, with and without forward lists,
    /// for some fields or all (one that is not a field among them), with a field scope's
    /// picked entries, reads only what the index holds (a hostile number would stop the test).
    @Test func prefetchingAnyDocumentOfAnIndexReadsWithinIt() {
        let schema = IndexSchema(fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
                                 facets: [], snippetField: "body")
        let index = SearchIndex(schema: schema, documents: [
            Document(id: "a", fields: ["title": "Satellite spectrum", "body": "Orbit slots"]),
            Document(id: "b", fields: ["title": "", "body": ""]),
        ])
        let planner = QueryPlanner(data: index.data, schema: schema)
        var cache = UnitCache()
        let unit = planner.resolve(UnitKey(text: "satellite", isPhrase: false, field: 0, isPrefix: false), cache: &cache)
        guard let unit, case .terms(let matcher) = unit.kind, let kept = unit.fieldEntries else {
            Issue.record("title:satellite keeps its entries")
            return
        }
        let picked = HitFieldEntries(kept, matcher: matcher, hits: [0, 1], termEntryStart: index.data.termEntryStart)
        #expect(picked.rows.count == 1)
        for reads in [false, true] {
            for fields in [nil, [0], [1, 0], [2, -1, 1]] as [[Int]?] {
                HitPrefetch(data: index.data, readsForwardLists: reads, fields: fields).prefetch([0, 1, 1, 0], entries: picked.rows.map { Int($0.entry) } + [-1, 0, 1_000_000])
            }
        }
        #expect(index.search("satellite", options: SearchOptions(limit: 20)).hits.map(\.id) == ["a"])
    }

    /// What is asked for follows what highlighting reads: no forward list for a word whose
    /// entries in the hits were picked, and the texts of the highlighted fields a word may be
    /// in, with the first snippet field.
    @Test func theHintsFollowWhatHighlightingReads() throws {
        let schema = IndexSchema(fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "summary", weight: 2),
                                          FieldDefinition(name: "body", weight: 1)], facets: [], snippetField: "body")
        let index = SearchIndex(schema: schema, documents: [
            Document(id: "a", fields: ["title": "Satellite spectrum", "summary": "Orbit", "body": "Orbit slots satellite"]),
        ])
        func plan(_ query: String, highlighted: Set<Int>?) throws -> HitPrefetch {
            var parser = QueryParser(schema: schema)
            parser.lastWordIsPrefix = false
            var planner = QueryPlanner(data: index.data, schema: schema)
            var cache = UnitCache()
            _ = planner.plan(try #require(parser.parse(query).root), cache: &cache)
            let picked = HitFieldEntries.ofUnits(planner.units, positive: planner.positiveUnits, hits: [0],
                                                 termEntryStart: index.data.termEntryStart)
            return HitPrefetch(data: index.data, units: planner.units, positiveUnits: planner.positiveUnits, hitEntries: picked,
                               highlightedFields: highlighted, firstSnippetField: 2)
        }
        let scoped = try plan("title:satellite", highlighted: [0])
        #expect(!scoped.readsForwardLists)
        #expect(scoped.fields == [0, 2])
        let scopedElsewhere = try plan("summary:orbit", highlighted: [0])
        #expect(scopedElsewhere.fields == [2])
        let word = try plan("satellite", highlighted: [0])
        #expect(word.readsForwardLists)
        #expect(word.fields == [0, 2])
        let everyField = try plan("satellite title:spectrum", highlighted: nil)
        #expect(everyField.readsForwardLists)
        #expect(everyField.fields == [0, 1, 2])
        let phrase = try plan("\"orbit slots\"", highlighted: [0, 1])
        #expect(!phrase.readsForwardLists)
        #expect(phrase.fields == [0, 1, 2])
    }
}
