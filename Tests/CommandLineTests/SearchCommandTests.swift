import Foundation
import Testing

/// `itu-browser search`: ranked results, JSON with highlights, batch queries, query problems.
@Suite struct SearchCommandTests {
    private func hits(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["hits"] as? [[String: Any]])
    }

    /// The UTF-8 byte range `[start, end]` of `text`, as the JSON gives it.
    private func slice(_ text: String, _ range: [Int]) -> String? {
        let bytes = Array(text.utf8)
        guard range.count == 2, range[0] >= 0, range[0] <= range[1], range[1] <= bytes.count else { return nil }
        return String(decoding: bytes[range[0]..<range[1]], as: UTF8.self)
    }

    @Test func jsonHasScoresMatchedFieldsAndHighlightsOnTheMatchedWords() throws {
        let output = try ITUBrowserProcess.runOnBundled(["search", "gold sector member", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try output.jsonObject()
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["query"] as? String == "gold sector member")
        #expect(document["problems"] as? [String] == [])
        let hits = try hits(document)
        #expect(hits.contains { $0["id"] as? String == "2021-11-01-intersputnik-gold-sector-member" })
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores.count == hits.count && scores == scores.sorted(by: >))
        for hit in hits {
            for key in ["type", "id", "title", "snippet"] { #expect(hit[key] is String, "\(key)") }
            #expect(hit["matchedFields"] is [String: Any])
            let title = try #require(hit["title"] as? String)
            for range in (hit["titleHighlights"] as? [[Int]]) ?? [] {
                let word = try #require(slice(title, range), "range \(range) outside \(title)")
                #expect(["gold", "sector", "member"].contains { word.lowercased().hasPrefix($0) }, "highlighted \"\(word)\"")
            }
        }
    }

    @Test func tableListsTheItemWithoutStylingWhenPiped() throws {
        let output = try ITUBrowserProcess.runOnBundled(["search", "gold sector member"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("2021-11-01-intersputnik-gold-sector-member"))
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B }, "escape codes in piped output")
        #expect(output.lines.last?.hasSuffix("matches") == true || output.lines.last?.contains("matches,") == true)
    }

    @Test func typeAndLimitNarrowTheResults() throws {
        let document = try ITUBrowserProcess.runOnBundled(["search", "Интерспутник", "--type", "orgs", "--limit", "2", "--format", "json"]).jsonObject()
        let hits = try hits(document)
        #expect(!hits.isEmpty && hits.count <= 2)
        #expect(hits.allSatisfy { $0["type"] as? String == "organization" })
        #expect(hits.first?["id"] as? String == "intersputnik")
    }

    @Test func stdinAnswersOneJSONObjectPerLine() throws {
        let queries = ["gold", "intersputnik", "sector:ITU-D year:2022"]
        let output = try ITUBrowserProcess.runOnBundled(["search", "--stdin", "--format", "json"], stdin: queries.joined(separator: "\n") + "\n\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.lines.count == queries.count)
        for (line, query) in zip(output.lines, queries) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["query"] as? String == query)
        }
    }

    @Test func queryProblemsGoToStandardError() throws {
        let output = try ITUBrowserProcess.runOnBundled(["search", "foo:bar gold", "--format", "json"])
        #expect(output.stderr.hasPrefix("itu-browser: query: unknown field \"foo\""), "\(output.stderr)")
        let document = try output.jsonObject()
        #expect((document["problems"] as? [String])?.isEmpty == false)
    }

    @Test func queryOrStdinIsRequired() throws {
        #expect(try ITUBrowserProcess.runOnBundled(["search"]).status == 1)
        #expect(try ITUBrowserProcess.runOnBundled(["search", "gold", "--stdin"]).status == 1)
    }
}
