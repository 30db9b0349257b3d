import Testing
@testable import Catalog

/// One test per rule about single values: types, required fields, blank text, dates, keys.
@Suite("Fixture field validation")
struct FieldValidationTests {
    @Test func validFixturesLoadWithoutProblems() throws {
        let result = TestFixtures.load()
        #expect(result.problems.map(\.description) == [])
        let catalog = try #require(result.catalog)
        #expect(catalog.news.count == 3)
    }

    @Test func wrongTypeIsReported() {
        let result = TestFixtures.loadChangingNews("title", to: "5")
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:6:10: news[0].title: expected a string, found a number",
        ])
        #expect(result.catalog == nil)
    }

    @Test func nullIsAWrongTypeWithAHintToOmitTheKey() {
        let result = TestFixtures.loadChangingNews("summary", to: "null")
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:7:12: news[0].summary: expected a string, found null (omit the key when there is no value)",
        ])
    }

    @Test func missingRequiredFieldIsReportedAtTheObject() {
        let result = TestFixtures.loadChangingNews("title", to: nil)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:2:1: news[0]: missing required field \"title\"",
        ])
    }

    @Test func emptyTitleIsReported() {
        let result = TestFixtures.loadChangingNews("title", to: #""""#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:6:10: news[0].title: must not be empty",
        ])
    }

    @Test func blankNameIsReported() {
        let result = TestFixtures.loadChangingOrganization("name", to: #""  \t ""#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:4:9: organizations[0].name: must not be blank (it holds only whitespace)",
        ])
    }

    @Test func impossibleMonthIsNotADate() {
        let result = TestFixtures.loadChangingNews("date", to: #""2021-13-01""#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:4:9: news[0].date: \"2021-13-01\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ])
    }

    @Test func malformedDateIsNotADate() {
        let result = TestFixtures.loadChangingNews("date", to: #""1 Nov 2021""#, at: 1)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:15:9: news[1].date: \"1 Nov 2021\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ])
    }

    @Test func unknownKeyIsOnlyAWarning() throws {
        let result = TestFixtures.loadChangingNews("titel", to: #""Typo""#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:12:1: news[0]: warning: unknown key \"titel\" (known keys: id, date, category, title, summary, body, organizations, sectors, tags, source)",
        ])
        #expect(result.errors.isEmpty)
        #expect(result.warnings.count == 1)
        let catalog = try #require(result.catalog)
        #expect(catalog.newsItem(id: "n1")?.title == "Intersputnik becomes a Gold Sector Member")
    }

    @Test func repeatedKeyIsAnError() {
        var items = TestFixtures.newsPairs
        items[0].append((key: "title", value: #""Again""#))
        let result = TestFixtures.load(news: TestFixtures.file(.news, items))
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:12:1: news[0]: duplicate key \"title\" (each key may appear once in an object)",
        ])
    }

    @Test func unsupportedSchemaVersionIsReported() {
        let news = TestFixtures.newsFile.replacingFirst(#""schemaVersion": 1"#, with: #""schemaVersion": 2"#)
        let result = TestFixtures.load(news: news)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:1:19: schemaVersion 2 is not supported (this version reads 1)",
        ])
    }

    @Test func missingSchemaVersionIsReported() {
        let news = TestFixtures.newsFile.replacingFirst(#""schemaVersion": 1, "#, with: "")
        let result = TestFixtures.load(news: news)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:1:1: missing \"schemaVersion\" (this version reads 1)",
        ])
    }

    @Test func missingListIsReported() {
        let result = TestFixtures.load(news: #"{"schemaVersion": 1}"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:1:1: missing required field \"news\"",
        ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        var items = TestFixtures.changing(TestFixtures.newsPairs, key: "date", to: #""2021-02-30""#, at: 0)
        items = TestFixtures.changing(items, key: "title", to: "[]", at: 1)
        items = TestFixtures.changing(items, key: "body", to: nil, at: 2)
        let result = TestFixtures.load(news: TestFixtures.file(.news, items))
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:4:9: news[0].date: \"2021-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "fixtures/news.json:17:10: news[1].title: expected a string, found an array",
            "fixtures/news.json:23:1: news[2]: missing required field \"body\"",
        ])
    }
}
