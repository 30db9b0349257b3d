import Testing
@testable import Catalog

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        var json = JSONWriter()
        json.string("a \"quote\", a \\ backslash, a\ttab, a\nnewline, \u{1B}[31m escape, \u{7F} and «Интерспутник» 国际 🛰")
        #expect(json.text == #""a \"quote\", a \\ backslash, a\ttab, a\nnewline, \u001B[31m escape, "# + "\u{7F}" + #" and «Интерспутник» 国际 🛰""#)
    }

    @Test func compactOutput() {
        var json = JSONWriter()
        json.beginObject()
        json.field("id", "x")
        json.field("missing", nil as String?)
        json.field("list", ["a", "b"])
        json.field("empty", [String]())
        json.key("n"); json.number(3)
        json.key("f"); json.number(0.5)
        json.key("ok"); json.bool(true)
        json.key("none"); json.null()
        json.key("o"); json.beginObject(); json.endObject()
        json.endObject()
        #expect(json.text == #"{"id":"x","list":["a","b"],"n":3,"f":0.5,"ok":true,"none":null,"o":{}}"#)
    }

    @Test func prettyOutput() {
        var json = JSONWriter(prettyPrinted: true)
        json.beginObject()
        json.field("id", "x")
        json.key("tags"); json.beginArray(); json.string("a"); json.endArray()
        json.key("none"); json.beginArray(); json.endArray()
        json.endObject()
        #expect(json.text == "{\n  \"id\": \"x\",\n  \"tags\": [\n    \"a\"\n  ],\n  \"none\": []\n}")
    }

    @Test func takeBytesContinuesTheDocument() {
        var json = JSONWriter()
        json.beginArray()
        json.number(1)
        let first = json.takeBytes()
        json.number(2)
        json.endArray()
        #expect(String(decoding: first + json.bytes, as: UTF8.self) == "[1,2]")
    }

    @Test func everyControlCharacterRoundTripsThroughTheLoader() throws {
        let awkward = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/ «Ω» 🛰"
        var item = NewsItem(id: "n1", date: try #require(PartialDate("2021-11-01")), category: "Membership",
                            title: "A title", summary: awkward, body: "Body", organizations: ["intersputnik"], sectors: ["ITU-R"])
        item.tags = ["x"]
        var json = JSONWriter(prettyPrinted: true)
        json.beginFixtureFile(.news)
        json.write(item)
        json.endFixtureFile()
        let result = TestFixtures.load(news: json.text)
        #expect(result.problems.isEmpty)
        #expect(result.catalog?.newsItem(id: "n1") == item)
    }

    @Test func writtenOrganizationsAndSectorsReadBackEqual() throws {
        let catalog = try #require(TestFixtures.load().catalog)
        var sectors = JSONWriter(prettyPrinted: true)
        sectors.beginFixtureFile(.sectors)
        for sector in catalog.sectors { sectors.write(sector) }
        sectors.endFixtureFile()
        var organizations = JSONWriter()
        organizations.beginFixtureFile(.organizations)
        for organization in catalog.organizations { organizations.write(organization) }
        organizations.endFixtureFile()
        let reloaded = try #require(TestFixtures.load(sectors: sectors.text, organizations: organizations.text).catalog)
        #expect(reloaded.sectors == catalog.sectors)
        #expect(reloaded.organizations == catalog.organizations)
    }

    @Test func agreementsAreWrittenInSchemaOrderAndReadBackEqual() throws {
        var catalog = try #require(TestFixtures.load().catalog)
        var organizations = catalog.organizations
        let index = try #require(organizations.firstIndex { $0.id == "itso" })
        organizations[index].agreements = [
            Organization.Agreement(title: "Tripartite memorandum", kind: "memorandum of understanding", counterpart: "IMSO",
                                   date: PartialDate(year: 2009), sector: "ITU-R", organizations: ["intersputnik"],
                                   source: "https://example.org/mou", note: "Reviewed yearly."),
            Organization.Agreement(title: "Pledge", kind: "pledge", counterpart: "ITU"),
        ]
        catalog = Catalog(sectors: catalog.sectors, organizations: organizations, news: Array(catalog.news))
        var json = JSONWriter(prettyPrinted: true)
        json.beginFixtureFile(.organizations)
        for organization in catalog.organizations { json.write(organization) }
        json.endFixtureFile()
        let keys = ["\"title\"", "\"kind\"", "\"counterpart\"", "\"date\"", "\"sector\"", "\"organizations\"", "\"source\"", "\"note\""]
        let memberships = try #require(json.text.range(of: "\"memberships\""))
        let agreements = try #require(json.text.range(of: "\"agreements\""))
        #expect(memberships.lowerBound < agreements.lowerBound)
        let firstAgreement = json.text[agreements.upperBound...]
        let positions = keys.compactMap { firstAgreement.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        let reloaded = try #require(TestFixtures.load(organizations: json.text).catalog)
        #expect(reloaded.organizations == catalog.organizations)
    }
}
