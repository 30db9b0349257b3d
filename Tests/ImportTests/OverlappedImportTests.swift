import Catalog
import Foundation
import Testing
@testable import Import

/// Sources given as bytes are parsed and linked on another thread while the fixtures' news are
/// decoded: the result must be the one of reading them first, and a bad source must still stop
/// everything.
@Suite("Reading sources beside the load")
struct OverlappedImportTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Overlap</title>
        <item><title>Intersputnik and Eutelsat S.A. sign a memorandum on WRC-23</title>
          <link>https://news.example.org/1</link><pubDate>Tue, 15 Mar 2022 09:00:00 GMT</pubDate>
          <description>&lt;p&gt;Intersputnik and Eutelsat S.A. signed a memorandum. Director General Ksenia Drozdova said ITU-R work matters.&lt;/p&gt;</description></item>
        <item><title>Intelsat US LLC joins a Telecommunication Development Sector study</title>
          <link>https://news.example.org/2</link><pubDate>Wed, 16 Mar 2022 09:00:00 GMT</pubDate>
          <description>&lt;p&gt;Intelsat US LLC and EUTELSAT IGO take part in the ITU-D work on rural connectivity.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    static func source(_ text: String, name: String) -> FetchedSource {
        FetchedSource(bytes: Array(text.utf8), name: name, fileName: name)
    }

    @Test("sources parsed and linked beside the load write the same news.json, with the same outcomes, as sources read first")
    func sameAsReadingFirst() throws {
        let beside = try Support.fixturesCopy()
        let first = try Support.fixturesCopy()
        defer {
            Support.remove(beside)
            Support.remove(first)
        }
        let source = Self.source(Self.feed, name: "feed.xml")
        let reader = SourceReader()
        let overlapped = try NewsImport.run(reading: [source], with: reader, into: beside, options: ImportOptions(),
                                            dryRun: false).get()
        let articles = try reader.articles(of: source)
        let sequential = try NewsImport.run(articles, into: first, options: ImportOptions(), dryRun: false).get()
        #expect(overlapped.written && sequential.written)
        #expect(overlapped.plan.outcomes.map(\.news) == sequential.plan.outcomes.map(\.news))
        #expect(overlapped.plan.outcomes.map(\.action) == [.added, .added])
        #expect(overlapped.plan.outcomes[1].news.item.organizations.contains("intelsat"))
        #expect(try Support.snapshot(beside) == Support.snapshot(first))
    }

    @Test("a source that cannot be read stops the import: every bad source is named, in order, and nothing is written")
    func badSourceWritesNothing() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let before = try Support.snapshot(folder)
        let sources = [Self.source("<rss version=\"2.0\"><channel><item>", name: "broken.xml"),
                       Self.source(Self.feed, name: "good.xml"),
                       Self.source("\n \n", name: "empty.txt")]
        let result = NewsImport.run(reading: sources, with: SourceReader(), into: folder, options: ImportOptions(), dryRun: false)
        guard case .failure(.sources(let failures)) = result else {
            Issue.record("expected the sources' failures, got \(result)")
            return
        }
        #expect(failures.map(\.source) == ["broken.xml", "empty.txt"])
        #expect(try Support.snapshot(folder) == before)
    }

    @Test("a bad source is reported even when the fixtures are invalid too, and the linking thread has ended")
    func badSourceBeforeBadFixtures() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        try Data("{\"schemaVersion\": 1, \"news\": [".utf8).write(to: URL(fileURLWithPath: folder + "/news.json"))
        let result = NewsImport.run(reading: [Self.source("not a feed\n", name: "bad.txt")], with: SourceReader(),
                                    into: folder, options: ImportOptions(), dryRun: false)
        guard case .failure(.sources(let failures)) = result else {
            Issue.record("expected the source's failure, got \(result)")
            return
        }
        #expect(failures.map(\.source) == ["bad.txt"])
        let valid = NewsImport.run(reading: [Self.source(Self.feed, name: "feed.xml")], with: SourceReader(),
                                   into: folder, options: ImportOptions(), dryRun: false)
        guard case .failure(.fixtures(let failure)) = valid else {
            Issue.record("expected the fixtures' failure, got \(valid)")
            return
        }
        #expect(failure.message.contains("invalid"))
    }

    @Test("a linker made from the files' organizations links as the catalog's does, whatever their order")
    func linkerOrderIsTheCatalogs() {
        let zeta = Organization(id: "zeta", name: "Zeta Networks", aliases: ["Orbitnet"], kind: "company",
                                people: [Organization.Person(name: "Mara Quill", role: "Chair")])
        let alpha = Organization(id: "alpha", name: "Alpha Networks", aliases: ["Orbitnet"], kind: "company",
                                 people: [Organization.Person(name: "Mara Quill", role: "Adviser")])
        let text = "Orbitnet said so, and Mara Quill agreed."
        let fromCatalog = EntityLinker(catalog: Catalog(sectors: [], organizations: [zeta, alpha], news: [])).links(in: text)
        let fromFiles = EntityLinker(sectors: [], organizations: [zeta, alpha]).links(in: text)
        #expect(fromCatalog.organizations == ["alpha", "zeta"])
        #expect(fromFiles == fromCatalog)
    }
}
