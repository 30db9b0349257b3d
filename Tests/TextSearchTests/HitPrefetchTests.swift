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
    /// reads only what the index holds (a hostile number would stop the test).
    @Test func prefetchingAnyDocumentOfAnIndexReadsWithinIt() {
        let schema = IndexSchema(fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
                                 facets: [], snippetField: "body")
        let index = SearchIndex(schema: schema, documents: [
            Document(id: "a", fields: ["title": "Satellite spectrum", "body": "Orbit slots"]),
            Document(id: "b", fields: ["title": "", "body": ""]),
        ])
        for reads in [false, true] {
            HitPrefetch(data: index.data, readsForwardLists: reads).prefetch([0, 1, 1, 0])
        }
        #expect(index.search("satellite", options: SearchOptions(limit: 20)).hits.map(\.id) == ["a"])
    }
}
