import Testing
@testable import Catalog

@Suite("Case-insensitive keys")
struct CatalogKeyTests {
    @Test("a key is the lower-cased text, by the ASCII fast path or by Unicode's rules", arguments: [
        "itu-r", "ITU-R", "Intelsat US LLC", "EUTELSAT IGO", "mixed-Case_123 @[`{", "", "ÉCOLE", "İstanbul",
        "ΟΔΥΣΣΕΥΣ", "Ксения Дроздова", "ASCII then é",
    ])
    func keyIsLowercased(_ text: String) {
        #expect(Catalog.key(text) == text.lowercased())
    }

    @Test("organizations are found by id, short name and alias whatever their case")
    func lookupIgnoresCase() throws {
        let organization = Organization(id: "acme-sat", name: "Acme Satellites", shortName: "ACME", aliases: ["Acme Sat Co"],
                                        kind: "company")
        let catalog = Catalog(sectors: [], organizations: [organization], news: [])
        for name in ["ACME-SAT", "acme", "ACME SAT CO", "acme sat co"] {
            #expect(catalog.organization(id: name)?.id == "acme-sat", "\(name)")
        }
    }
}
