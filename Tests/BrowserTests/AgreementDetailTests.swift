@testable import Browser
import Catalog
import Testing

/// The "Agreements (N)" section of an organization's detail.
@Suite struct AgreementDetailTests {
    static let etsi = Organization(
        id: "etsi", name: "European Telecommunications Standards Institute", shortName: "ETSI", kind: "non-governmental organization",
        agreements: [
            .init(title: "Memorandum of understanding with ITU-T", kind: "memorandum of understanding", counterpart: "ITU-T",
                  date: TestCatalog.date("2000"), sector: "ITU-T", organizations: ["IMSO"],
                  source: "https://example.org/mou", note: "Later replaced by one memorandum with ITU as a whole."),
            .init(title: "Undated pledge", kind: "pledge", counterpart: "ITU"),
        ])

    static let catalog = Catalog(sectors: TestCatalog.sectors, organizations: TestCatalog.organizations + [etsi], news: [])

    static func document(_ id: String, width: Int = 100) -> DetailDocument {
        DetailBuilder.document(for: .organization(id), catalog: catalog, sectorNews: nil, width: width)
    }

    static func text(_ document: DetailDocument) -> [String] {
        document.lines.map { $0.map(\.text).joined() }
    }

    @Test func eachAgreementShowsTitleKindCounterpartDateNoteAndSource() {
        let lines = AgreementDetailTests.text(AgreementDetailTests.document("etsi"))
        let start = lines.firstIndex(of: "Agreements (2)")
        #expect(start != nil)
        let section = Array(lines[(start ?? 0)...].prefix(12))
        #expect(section.contains("Memorandum of understanding with ITU-T"))
        #expect(section.contains("  memorandum of understanding · with ITU-T"))
        #expect(section.contains("  2000"))
        #expect(section.contains("  Later replaced by one memorandum with ITU as a whole."))
        #expect(section.contains("  https://example.org/mou"))
        #expect(section.contains("Undated pledge"))
        #expect(section.contains("  date: not recorded"))
    }

    @Test func theSectorAndThePartiesAreLinks() throws {
        let document = AgreementDetailTests.document("etsi")
        let lines = AgreementDetailTests.text(document)
        let sectorLink = try #require(document.links.first { $0.target == .sector("ITU-T") })
        #expect(lines[sectorLink.line] == "  Sector  ITU-T  Telecommunication Standardization Sector")
        let partyLink = try #require(document.links.first { $0.target == .organization("imso") })
        #expect(lines[partyLink.line] == "  Party   International Mobile Satellite Organization")
    }

    @Test func followingThePartyLinkOpensIt() throws {
        var state = makeState(AgreementDetailTests.catalog, openItem: "etsi")
        for _ in 0..<2 { state.send(.tab) }
        state.send(.enter)
        #expect(state.screen.contains("International Mobile Satellite Organization"))
        #expect(state.screen.contains("Agreements (0)"))
    }

    @Test func noAgreementsReadsNotRecorded() {
        let lines = AgreementDetailTests.text(AgreementDetailTests.document("imso"))
        let start = lines.firstIndex(of: "Agreements (0)")
        #expect(start.map { lines[$0 + 1] } == "not recorded")
    }
}
