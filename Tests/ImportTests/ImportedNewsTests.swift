import Catalog
import Testing
@testable import Import

@Suite("Fields of an imported item")
struct ImportedNewsTests {
    func news(_ title: String, _ paragraphs: [String], date: String = "2022-03-15", link: String? = nil) throws -> ImportedNews {
        let article = Article(title: title, date: PartialDate(date), paragraphs: paragraphs, link: link)
        return ImportedNews(try SourceArticle(article, sourceName: "x.txt", address: nil, fileName: "x.txt"), linker: Support.linker)
    }

    @Test("the id is the date and a slug of the title, Cyrillic transliterated")
    func id() throws {
        #expect(try news("Интерспутник стал членом МСЭ", ["Текст."]).item.id == "2022-03-15-intersputnik-stal-chlenom-mse")
        #expect(try news("Société & Co: WRC-23 opens!", ["Text."]).item.id == "2022-03-15-societe-co-wrc-23-opens")
        #expect(Slug.make("国际电信联盟") == "news")
    }

    @Test("the summary is the first sentences within 300 characters")
    func summary() throws {
        let first = "Intersputnik has become a Gold Sector Member of ITU."
        let second = "Then " + String(repeating: "word ", count: 60).trimmingWhitespace() + "."
        let item = try news("T", [first + " " + second + " Third sentence."]).item
        #expect(item.summary == first)
        let long = String(repeating: "longword ", count: 80)
        let cut = try news("T", [long]).item.summary
        #expect(cut.count <= 300)
        #expect(cut.hasSuffix("…"))
    }

    @Test("tags are conference codes in the text, then the linked Sector codes")
    func tags() throws {
        let item = try news("Preparing WRC-23", ["ITU-R and ITU-D prepare WRC-23 and WTSA-24; IMT-2020 is no conference."]).item
        #expect(item.tags == ["WRC-23", "WTSA-24", "ITU-R", "ITU-D"])
        #expect(item.sectors == ["ITU-R", "ITU-D"])
    }

    @Test("the source is the link, else the file's name")
    func source() throws {
        #expect(try news("T", ["x."], link: "https://example.org/a").item.source == "https://example.org/a")
        #expect(try news("T", ["x."]).item.source == "x.txt")
    }
}
