@testable import TextSearch
import Testing

/// Two-word phrases (`TwoWordPhrase`) against a plain reading of the texts: the same documents,
/// with both words' first entries, in an index built here and in one read from a snapshot.
@Suite struct TwoWordPhraseTests {
    /// Few words, so that most pairs follow each other somewhere and most documents hold both
    /// words of a pair in some field without the phrase.
    static let vocabulary = ["sat", "orbit", "radio", "band", "beam", "cable", "mobile", "signal"]

    static let documents: [Document] = {
        var generator = SeededGenerator(seed: 11)
        func text(_ length: Int) -> String {
            (0..<length).map { _ in vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)] }.joined(separator: " ")
        }
        return (0..<1_000).map { i in
            Corpus.news("d\(i)", title: text(i % 5), body: text(i % 17), summary: i % 4 == 0 ? text(3) : "")
        }
    }()

    static let fields = ["title", "summary", "body"]

    /// The documents where `second` comes right after `first` in one of `fields`.
    static func referenceDocuments(_ first: String, _ second: String, in fields: [String]) -> [Int] {
        documents.indices.filter { d in
            fields.contains { name in
                let words = (documents[d].fields[name] ?? "").split(separator: " ")
                return words.indices.dropLast().contains { words[$0] == first && words[$0 + 1] == second }
            }
        }
    }

    static let index = SearchIndex(schema: Corpus.newsSchema, documents: documents)

    /// Resolves `"first second"` (in `field` when given) as the planner does.
    static func unit(_ index: SearchIndex, _ first: String, _ second: String, field: Int?) throws -> QueryUnit {
        let planner = QueryPlanner(data: index.data, schema: index.schema)
        var cache = UnitCache()
        return try #require(planner.resolve(UnitKey(text: "\(first) \(second)", isPhrase: true, field: field, isPrefix: false),
                                            cache: &cache))
    }

    @Test(arguments: [false, true])
    func everyPairInEveryFieldFindsTheReferenceDocuments(fromSnapshot: Bool) throws {
        // Read back in the test, not kept in a static: kept until the process exits, the leak
        // checker of the address-sanitizer run reported its texts' block cache as leaked (it is
        // held through an enum's payload), and every leak fails that run.
        let index = fromSnapshot
            ? try SnapshotIndexTests.open(SnapshotIndexTests.snapshotBytes(Self.index), schema: Corpus.newsSchema)
            : Self.index
        let data = index.data
        var phrasesFound = 0
        for first in Self.vocabulary {
            for second in Self.vocabulary {
                for field in [nil] + Self.fields.indices.map(Optional.some) {
                    let expected = Self.referenceDocuments(first, second, in: field.map { [Self.fields[$0]] } ?? Self.fields)
                    let unit = try Self.unit(index, first, second, field: field)
                    let context = "\"\(first) \(second)\" in \(field.map { Self.fields[$0] } ?? "any field")"
                    #expect(unit.documents.members == expected, "\(context)")
                    phrasesFound += expected.count
                    // Each document comes with each word's first entry there.
                    let entries = try #require(unit.phraseEntries, "\(context)")
                    for d in expected {
                        for (k, word) in [first, second].enumerated() {
                            let term = try #require(data.dictionary.lookup(word.unicodeScalars.map(\.value)))
                            let firstEntry = try #require(entries.firstEntry(word: k, document: d), "\(context) d\(d)")
                            #expect(firstEntry == PhraseMatcher(data: data).firstEntry(term: term, document: d), "\(context) d\(d) word \(k)")
                        }
                    }
                }
            }
        }
        // The pairs are common enough that the check above had something to check.
        #expect(phrasesFound > 1_000)
    }

    @Test func aPhraseOfAWordAndAWordNotInTheIndexFindsNothing() throws {
        let results = Self.index.search("\"sat nowhere\"", options: SearchOptions(lastWordIsPrefix: false))
        #expect(results.totalMatches == 0)
        #expect(try Self.unit(Self.index, "nowhere", "sat", field: nil).documents.isEmpty)
    }
}
