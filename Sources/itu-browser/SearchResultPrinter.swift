import Catalog
import CatalogSearch
import Screen

/// Prints search results: as a ranked list for people, or as one JSON object per query.
struct SearchResultPrinter {
    let format: TableFormat
    /// Whether matched words are shown in bold (only on a terminal).
    let bold: Bool
    let width: Int

    func print(_ results: CatalogSearchResults, for query: String, batch: Bool) {
        for problem in results.problems { Console.error("itu-browser: query: " + problem) }
        switch format {
        case .json:
            if batch { JSONOutput.writeLine { write(results, for: query, into: &$0) } }
            else { JSONOutput.write { write(results, for: query, into: &$0) } }
        case .table:
            printList(results, for: query, batch: batch)
        }
    }

    /// Each hit as: kind, date and title; then its id; then its snippet, wrapped.
    private func printList(_ results: CatalogSearchResults, for query: String, batch: Bool) {
        if batch { Console.write("== " + query) }
        let indent = 18
        let margin = String(repeating: " ", count: indent)
        for hit in results.hits {
            let kind = TextLayout.pad(Self.label(hit.type), to: 6)
            let date = TextLayout.pad(hit.date?.description ?? "", to: 10)
            let title = HighlightedText(hit.title, highlights: hit.titleHighlights).truncated(to: max(10, width - indent))
            Console.writePreformatted(kind + date + "  " + title.rendered(bold: bold))
            Console.write(margin + hit.id)
            let snippet = HighlightedText(hit.snippet, highlights: hit.snippetHighlights)
            if !snippet.plain.isEmpty {
                for line in snippet.wrapped(to: max(10, width - indent)) {
                    Console.writePreformatted(margin + line.rendered(bold: bold))
                }
            }
        }
        var summary = "\(Plural.count(results.totalMatches, "match", "matches"))"
        if results.hits.count < results.totalMatches { summary += ", showing the first \(results.hits.count)" }
        if results.isPartial { summary += " (partial: no item holds every word; these hold the most)" }
        Console.write(summary)
        if batch { Console.write("") }
    }

    static func label(_ type: SearchItemType) -> String {
        switch type {
        case .news: return "news"
        case .organization: return "org"
        case .sector: return "sector"
        }
    }

    /// `{"schemaVersion", "query", "totalMatches", "partial", "problems", "hits"}`; see the README.
    private func write(_ results: CatalogSearchResults, for query: String, into json: inout JSONWriter) {
        json.beginObject()
        json.field("schemaVersion", CatalogJSON.schemaVersion)
        json.field("query", query)
        json.field("totalMatches", results.totalMatches)
        json.key("partial")
        json.bool(results.isPartial)
        json.field("problems", results.problems, omitEmpty: false)
        json.key("hits")
        json.beginArray()
        for hit in results.hits {
            json.beginObject()
            json.field("type", hit.type.rawValue)
            json.field("id", hit.id)
            json.field("title", hit.title)
            json.field("date", hit.date?.description)
            json.key("score")
            json.number(hit.score)
            json.field("typos", hit.typos)
            writeRanges("titleHighlights", hit.titleHighlights, into: &json)
            json.field("snippet", hit.snippet)
            writeRanges("snippetHighlights", hit.snippetHighlights, into: &json)
            json.key("matchedFields")
            json.beginObject()
            for field in hit.matchedFields.keys.sorted() {
                writeRanges(field, hit.matchedFields[field] ?? [], into: &json)
            }
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// `"key": [[start, end], …]`: UTF-8 byte offsets, end exclusive.
    private func writeRanges(_ key: String, _ ranges: [Range<Int>], into json: inout JSONWriter) {
        json.key(key)
        json.beginArray()
        for range in ranges {
            json.beginArray()
            json.number(range.lowerBound)
            json.number(range.upperBound)
            json.endArray()
        }
        json.endArray()
    }
}
