import Testing
@testable import Catalog

/// One test per kind of broken JSON: each names the line and column and says what is wrong.
@Suite("Fixture JSON syntax")
struct SyntaxErrorTests {
    private func problems(news: String) -> [String] {
        TestFixtures.load(news: news).problems.map(\.description)
    }

    private func problems(newsBytes: [UInt8]) -> [String] {
        FixtureLoader.load(files: [
            FixtureFile(kind: .sectors, name: "fixtures/sectors.json", text: TestFixtures.sectorsFile),
            FixtureFile(kind: .organizations, name: "fixtures/organizations.json", text: TestFixtures.organizationsFile),
            FixtureFile(kind: .news, name: "fixtures/news.json", bytes: newsBytes),
        ]).problems.map(\.description)
    }

    @Test func missingCommaBetweenMembers() {
        #expect(problems(news: #"{"schemaVersion": 1 "news": []}"#) == [
            "fixtures/news.json:1:21: expected ',' or '}' after an object member, found a string",
        ])
    }

    @Test func missingCommaBetweenElements() {
        let news = TestFixtures.file(.news, TestFixtures.changing(TestFixtures.newsPairs, key: "tags", to: #"["a" "b"]"#))
        #expect(problems(news: news) == [
            "fixtures/news.json:11:14: news[0].tags: expected ',' or ']' after an array element, found a string",
        ])
    }

    @Test func unterminatedString() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": "n1"#) == [
            "fixtures/news.json:1:38: news[0].id: unterminated string (the file ends before its closing quote)",
        ])
    }

    @Test func lineBreakInsideAString() {
        #expect(problems(news: "{\"schemaVersion\": 1, \"news\": [{\"id\": \"n\n1\"}]}") == [
            "fixtures/news.json:1:40: news[0].id: control character U+000A inside a string; a string cannot span lines, write \\n",
        ])
    }

    @Test func badEscape() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": "a\qb"}]}"#) == [
            #"fixtures/news.json:1:40: news[0].id: invalid escape "\q" (valid: \" \\ \/ \b \f \n \r \t \uXXXX)"#,
        ])
    }

    @Test func badUnicodeEscape() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": "\u12G4"}]}"#) == [
            #"fixtures/news.json:1:39: news[0].id: invalid escape "\u12G4": \u needs four hexadecimal digits"#,
        ])
    }

    @Test func unpairedSurrogateEscape() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": "\uD83D"}]}"#) == [
            #"fixtures/news.json:1:39: news[0].id: invalid escape "\uD83D": a high surrogate must be followed by a low surrogate (\uDC00 to \uDFFF)"#,
        ])
    }

    @Test func trailingCommaInObject() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [],}"#) == [
            "fixtures/news.json:1:33: trailing comma before '}'",
        ])
    }

    @Test func trailingCommaInArray() {
        let news = TestFixtures.file(.news, TestFixtures.changing(TestFixtures.newsPairs, key: "tags", to: #"["membership",]"#))
        #expect(problems(news: news) == [
            "fixtures/news.json:11:23: news[0].tags: trailing comma before ']'",
        ])
    }

    @Test func misspelledLiteral() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": tru}]}"#) == [
            "fixtures/news.json:1:38: news[0].id: expected a value, found \"tru\"",
        ])
    }

    @Test func invalidNumber() {
        #expect(problems(news: #"{"schemaVersion": 01, "news": []}"#) == [
            "fixtures/news.json:1:19: schemaVersion: invalid number \"01\"",
        ])
    }

    @Test func topLevelValueMustBeAnObject() {
        #expect(problems(news: "[]") == [
            "fixtures/news.json:1:1: expected an object with \"schemaVersion\" and \"news\" at the top level, found an array",
        ])
    }

    @Test func textAfterTheTopLevelValue() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": []} x"#) == [
            "fixtures/news.json:1:34: unexpected \"x\" after the end of the top-level value",
        ])
    }

    @Test func onlyWhitespace() {
        #expect(problems(news: "  \n") == [
            "fixtures/news.json:2:1: expected a value, found the end of the file",
        ])
    }

    @Test func emptyFile() {
        #expect(problems(news: "") == ["fixtures/news.json: the file is empty"])
    }

    @Test func bytesThatAreNotUTF8InAString() {
        var bytes = Array(TestFixtures.newsFile.replacingFirst("Intersputnik becomes", with: "Bad ~ becomes").utf8)
        if let tilde = bytes.firstIndex(of: UInt8(ascii: "~")) { bytes[tilde] = 0xFF }
        #expect(problems(newsBytes: bytes) == [
            "fixtures/news.json:6:15: news[0].title: not valid UTF-8 (byte 0xFF); save the file as UTF-8",
        ])
    }

    @Test func bytesThatAreNotUTF8OutsideStrings() {
        var bytes = Array(#"{"schemaVersion": 1,~ "news": []}"#.utf8)
        if let tilde = bytes.firstIndex(of: UInt8(ascii: "~")) { bytes[tilde] = 0xC3 }
        #expect(problems(newsBytes: bytes) == [
            "fixtures/news.json:1:21: not valid UTF-8 (byte 0xC3); save the file as UTF-8",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(problems(news: #"{"schemaVersion": 1, "news": [{"id": "Интерспутник" x}]}"#) == [
            "fixtures/news.json:1:53: news[0]: expected ',' or '}' after an object member, found \"x\"",
        ])
    }

    @Test func nestingIsCappedAt512Levels() {
        let prefix = #"{"schemaVersion": 1, "news": ["#
        let news = prefix + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "]}"
        // The root object and the news list are two levels; the 511th nested array would be the 513th.
        #expect(problems(news: news) == [
            "fixtures/news.json:1:31: news[0]: expected an object, found an array",
            "fixtures/news.json:1:\(prefix.count + 511): news[0]: nesting deeper than 512 levels",
        ])
    }
}
