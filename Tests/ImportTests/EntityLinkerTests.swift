import Catalog
import Testing
@testable import Import

@Suite("Entity linking")
struct EntityLinkerTests {
    func links(_ text: String) -> EntityLinker.Links { Support.linker.links(in: text) }

    @Test("legal forms tell organizations apart")
    func legalForms() {
        #expect(links("Intelsat US LLC signed it.").organizations == ["intelsat"])
        #expect(links("Eutelsat S.A. signed it.").organizations == ["eutelsat"])
        #expect(links("EUTELSAT IGO signed it.").organizations == ["eutelsat-igo"])
        #expect(links("EUTELSAT IGO and Eutelsat S.A. met.").organizations == ["eutelsat-igo", "eutelsat"])
    }

    @Test("whole words only: Apple links apple, pineapple does not, ITU alone links nothing")
    func wholeWords() {
        #expect(links("Apple joined ITU-T.").organizations == ["apple"])
        #expect(links("A pineapple and apples.").organizations.isEmpty)
        #expect(links("ITU welcomed the delegates.").organizations.isEmpty)
        #expect(links("ITU welcomed the delegates.").sectors.isEmpty)
    }

    @Test("by id, name, short name or alias, in any script, ignoring case and diacritics")
    func names() {
        #expect(links("Интерспутник объявил").organizations == ["intersputnik"])
        #expect(links("INTERSPUTNIK INTERNATIONAL ORGANIZATION OF SPACE COMMUNICATIONS").organizations == ["intersputnik"])
        #expect(links("Societe Europeenne des Satellites").organizations == ["ses"])
        #expect(links("AZƏRKOSMOS launched").organizations == ["azercosmos"])
        #expect(links("the bharti-enterprises group").organizations == ["bharti-enterprises"])
    }

    @Test("short acronyms link only in capitals: APT links, the word apt does not")
    func acronyms() {
        #expect(links("APT members met.").organizations == ["apt"])
        #expect(links("an apt remark about esa and ses").organizations.isEmpty)
        #expect(links("ESA and SES").organizations == ["esa", "ses"])
    }

    @Test("Sectors by code or by name, not inside longer compounds")
    func sectors() {
        #expect(links("ITU-R and ITU-D").sectors == ["ITU-R", "ITU-D"])
        #expect(links("the Telecommunication Development Sector").sectors == ["ITU-D"])
        #expect(links("the Radiocommunication Bureau").sectors == ["ITU-R"])
        #expect(links("ITU-R-2020 is not a Sector code").sectors.isEmpty)
    }

    @Test("known people are linked, with their organizations")
    func people() {
        let found = links("Ksenia Drozdova spoke.")
        #expect(found.people == ["Ksenia Drozdova"])
        #expect(found.organizations == ["intersputnik"])
        #expect(links("Ksenia Smith spoke.").people.isEmpty)
    }

    @Test("organization-like names not in the catalog are listed as unlinked, never linked ones")
    func unlinked() {
        let text = "The Acme Orbital Holdings Inc. and Eutelsat S.A. met the Pan-African Broadcasting Union and Intelsat US LLC. "
            + "The International Telecommunication Union hosted them."
        let found = links(text)
        let names = UnlinkedNames.find(in: text, linkedSpans: found.spans)
        #expect(names == ["Acme Orbital Holdings Inc.", "Pan-African Broadcasting Union"])
    }
}
