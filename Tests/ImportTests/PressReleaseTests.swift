import Catalog
import Testing
@testable import Import

@Suite("Plain-text press releases")
struct PressReleaseTests {
    static let intersputnik = """
        Press center
        Intersputnik becomes an ITU Gold Sector Member
        International Cooperation
        1 ноября 2021

        Intersputnik International Organization of Space Communications has become a Gold Sector Member of ITU.
        In October 2021 it joined ITU-D, so it now takes part in ITU-D and ITU-R.

        Director General Ksenia Drozdova welcomed the decision.
        Share
        Print
        We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
        """

    @Test("title, category line, date line and paragraphs; boilerplate dropped")
    func structure() throws {
        let article = try Support.pressRelease(Self.intersputnik)
        #expect(article.title == "Intersputnik becomes an ITU Gold Sector Member")
        #expect(article.category == "International Cooperation")
        #expect(article.date == PartialDate(year: 2021, month: 11, day: 1))
        #expect(article.paragraphs == [
            "Intersputnik International Organization of Space Communications has become a Gold Sector Member of ITU.",
            "In October 2021 it joined ITU-D, so it now takes part in ITU-D and ITU-R.",
            "Director General Ksenia Drozdova welcomed the decision.",
        ])
    }

    @Test("the date line may come before the category, and there may be no category")
    func order() throws {
        let dateFirst = try Support.pressRelease("Title here\nNovember 1, 2021\nMembership\n\nBody text.")
        #expect(dateFirst.category == "Membership")
        #expect(dateFirst.date == PartialDate(year: 2021, month: 11, day: 1))
        let noCategory = try Support.pressRelease("Title here\n01.11.2021\n\nBody text that goes on.")
        #expect(noCategory.category == nil)
        #expect(noCategory.paragraphs == ["Body text that goes on."])
    }

    @Test("lines wrapped by hand are joined into one paragraph")
    func wrapped() throws {
        let article = try Support.pressRelease("Title\n2021-11-01\n\nThe first line goes\non to the next line.\n\nSecond paragraph.")
        #expect(article.paragraphs == ["The first line goes on to the next line.", "Second paragraph."])
    }

    @Test("without a date line, the first date in the text")
    func dateInText() throws {
        let article = try Support.pressRelease("A title\n\nOn 15 March 2022 the parties met in Geneva.")
        #expect(article.date == PartialDate(year: 2022, month: 3, day: 15))
    }

    @Test("an empty or non-UTF-8 text is refused with a message")
    func invalid() {
        #expect(throws: ImportFailure.self) { try ArticleReader.read(Array("\n \n".utf8), format: .pressRelease, source: "x") }
        #expect(throws: ImportFailure.self) { try ArticleReader.read([0x54, 0xFF, 0xFE, 0x0A], format: .pressRelease, source: "x") }
    }

    @Test("a press release without any date cannot become an item")
    func noDate() throws {
        let article = try Support.pressRelease("A title\n\nNo date here.")
        #expect(throws: ImportFailure.self) { try SourceArticle(article, sourceName: "x", address: nil, fileName: "x") }
    }
}
