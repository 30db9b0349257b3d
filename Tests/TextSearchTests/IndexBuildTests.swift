@testable import TextSearch
import Testing

/// The index must not depend on how its building was split across threads, nor on whether
/// documents were given as an array or made on demand.
@Suite struct IndexBuildTests {
    static let words = ["satellite", "Satellites", "spectrum", "ITU-D", "wrc-23", "orbit", "Réseau", "国际电信联盟",
                        "radio", "member", "gold", "ITU's", "development", "5G", "broadband"]

    static func documents(count: Int, seed: UInt64) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        func text(_ length: Int) -> String {
            (0..<length).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ")
        }
        return (0..<count).map { i in
            var fields = ["title": text(1 + i % 5), "body": text(i % 17)]
            if i % 3 == 0 { fields["summary"] = text(4) }
            return Document(id: "d\(i)", fields: fields,
                            facets: ["sector": [["ITU-R", "itu-r", "ITU-D"][i % 3]], "type": ["news"], "unknown": ["x"]],
                            date: i % 7 == 0 ? nil : 20200101 + i)
        }
    }

    /// Every stored text, document by document, field by field.
    static func allTexts(_ texts: StoredTexts) -> [String] {
        (0..<texts.documentCount).flatMap { d in (0..<texts.fieldCount).map { texts.text(document: d, field: $0) } }
    }

    static func expectSame(_ a: IndexData, _ b: IndexData) {
        #expect(a.documentCount == b.documentCount)
        #expect(a.ids == b.ids)
        #expect(allTexts(a.storedTexts) == allTexts(b.storedTexts))
        #expect(a.dates == b.dates)
        #expect(a.fieldNorms == b.fieldNorms)
        #expect(a.dictionary.scalars == b.dictionary.scalars)
        #expect(a.dictionary.starts == b.dictionary.starts)
        #expect(a.dictionary.stemGroups == b.dictionary.stemGroups)
        #expect(a.documentFrequency == b.documentFrequency)
        #expect(a.inverseDocumentFrequency == b.inverseDocumentFrequency)
        #expect(a.termEntryStart == b.termEntryStart)
        #expect(a.entryDocument == b.entryDocument)
        #expect(a.entryField == b.entryField)
        #expect(a.entryPositionStart == b.entryPositionStart)
        #expect(a.positions == b.positions)
        #expect(a.forwardStart == b.forwardStart)
        #expect(a.forwardTerm == b.forwardTerm)
        #expect(a.forwardEntry == nil || b.forwardEntry == nil || a.forwardEntry == b.forwardEntry)
        // A snapshot stores no first entries: those it finds are the ones recorded.
        let firstEntriesAgree = (0..<a.documentCount).allSatisfy { d in
            (Int(a.forwardStart[d])..<Int(a.forwardStart[d + 1])).allSatisfy { slot in
                let term = Int(a.forwardTerm[slot])
                return a.firstEntry(term: term, document: d, forwardSlot: slot) == b.firstEntry(term: term, document: d, forwardSlot: slot)
            }
        }
        #expect(firstEntriesAgree)
        #expect(a.facets == b.facets)
    }

    @Test(arguments: [2, 3, 7])
    func shardedBuildEqualsOneShard(shards: Int) {
        let documents = IndexBuildTests.documents(count: 700, seed: UInt64(shards))
        let one = IndexBuilder.build(schema: Corpus.newsSchema, documentCount: documents.count, shards: 1) { documents[$0] }
        let many = IndexBuilder.build(schema: Corpus.newsSchema, documentCount: documents.count, shards: shards) { documents[$0] }
        IndexBuildTests.expectSame(one, many)
    }

    /// The builder's arrays are emptied as they become columns (so a build never holds the
    /// index twice), and the columns hold what the arrays held.
    @Test func turningArraysIntoColumnsEmptiesTheArrays() {
        var arrays = IndexArrays()
        arrays.fieldCount = 2
        arrays.documentCount = 2
        arrays.ids = ["a", "b"]
        arrays.fieldTexts = ["t0", "", "t1", "body"]
        arrays.dates = [20240101, 0]
        arrays.fieldNorms = [1, 1, 1, 0.5]
        arrays.dictionary = TermDictionary(sortedTerms: [[116, 48]])
        arrays.documentFrequency = [1]
        arrays.inverseDocumentFrequency = [0.5]
        arrays.termEntryStart = [0, 1]
        arrays.entryDocument = [0]
        arrays.entryField = [0]
        arrays.entryPositionStart = [0, 1]
        arrays.positions = [0]
        arrays.forwardStart = [0, 1, 1]
        arrays.forwardTerm = [0]
        arrays.forwardEntry = [0]
        let data = IndexData(taking: &arrays)
        #expect(arrays.ids.isEmpty && arrays.fieldTexts.isEmpty && arrays.dates.isEmpty && arrays.fieldNorms.isEmpty)
        #expect(arrays.documentFrequency.isEmpty && arrays.inverseDocumentFrequency.isEmpty && arrays.termEntryStart.isEmpty)
        #expect(arrays.entryDocument.isEmpty && arrays.entryField.isEmpty && arrays.entryPositionStart.isEmpty && arrays.positions.isEmpty)
        #expect(arrays.forwardStart.isEmpty && arrays.forwardTerm.isEmpty && arrays.forwardEntry.isEmpty)
        #expect(Array(data.ids) == ["a", "b"])
        #expect(IndexBuildTests.allTexts(data.storedTexts) == ["t0", "", "t1", "body"])
        #expect(data.dates.array == [20240101, 0] && data.fieldNorms.array == [1, 1, 1, 0.5])
        #expect(data.termEntryStart.array == [0, 1] && data.entryPositionStart.plainStarts?.array == [0, 1])
        #expect(data.forwardStart.array == [0, 1, 1] && data.forwardTerm.array == [0] && data.forwardEntry?.array == [0])
    }

    @Test func documentsMadeOnDemandGiveTheSameIndex() {
        let documents = IndexBuildTests.documents(count: 2_500, seed: 5)
        let fromArray = SearchIndex(schema: Corpus.newsSchema, documents: documents)
        let onDemand = SearchIndex(schema: Corpus.newsSchema, documentCount: documents.count) { documents[$0] }
        IndexBuildTests.expectSame(fromArray.data, onDemand.data)
        for query in ["s", "satellite spectrum", "\"itu-d wrc-23\"", "title:orbit", "sector:ITU-R radio"] {
            #expect(fromArray.search(query) == onDemand.search(query), "\(query)")
        }
    }

    @Test func frequentFacetValuesGetReadySetsEqualToTheirLists() {
        let documents = IndexBuildTests.documents(count: 3_000, seed: 9)
        let index = SearchIndex(schema: Corpus.newsSchema, documents: documents)
        let sector = Corpus.newsSchema.facets.firstIndex(of: "sector") ?? 0
        let threshold = IndexData.facetSetThreshold(documentCount: index.documentCount)
        #expect(index.data.facets[sector].setSlot.contains { $0 != FacetTable.noSet })
        for table in index.data.facets {
            for value in table.keys {
                let list = table.documents(for: value).map(Array.init) ?? []
                guard let set = table.documentSet(for: value) else {
                    #expect(list.count < threshold)
                    continue
                }
                #expect(list.count >= threshold)
                #expect(set.members == list.map { Int($0) })
            }
        }
        let filtered = index.search("radio", options: SearchOptions(limit: 5_000, filters: ["sector": ["itu-r"]]))
        #expect(filtered.totalMatches == documents.indices.filter { $0 % 3 != 2 && documents[$0].fields.values.contains { $0.contains("radio") } }.count)
    }
}
