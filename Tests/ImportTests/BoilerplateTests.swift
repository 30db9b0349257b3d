import Testing
@testable import Import

@Suite("Boilerplate rules")
struct BoilerplateTests {
    @Test("navigation and action lines", arguments: ["Share", "Print", "Share  Print  E-mail", "Home > Press center > News",
                                                     "Back to news", "Поделиться", "Пресс-центр", "Read more", "Accept all",
                                                     "Facebook | Twitter | LinkedIn", "Версия для печати"])
    func navigation(_ line: String) {
        #expect(Boilerplate.rule(for: line) == .navigation)
    }

    @Test("cookie and consent notices", arguments: [
        "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
        "This site uses cookies. Manage your cookie settings.",
        "Мы используем cookie-файлы. Продолжая, вы соглашаетесь.",
    ])
    func cookies(_ line: String) {
        #expect(Boilerplate.rule(for: line) == .cookieNotice)
    }

    @Test("copyright footers", arguments: ["© 2021 Intersputnik", "Copyright 2021 ITU", "Intersputnik 2021. All rights reserved."])
    func copyright(_ line: String) {
        #expect(Boilerplate.rule(for: line) == .copyright)
    }

    @Test("lines without words", arguments: ["* * *", "—", "https://www.intersputnik.int/news/1234"])
    func noWords(_ line: String) {
        #expect(Boilerplate.rule(for: line) == .noWords)
    }

    @Test("content lines are kept, even with a navigation word in them", arguments: [
        "Intersputnik becomes an ITU Gold Sector Member",
        "The parties agreed to share satellite capacity over Africa.",
        "Print media covered the event widely across the region.",
        "The cookie factory launched a satellite, said its chief executive.",
        "News",
    ])
    func content(_ line: String) {
        if line == "News" {
            // A lone section word is navigation.
            #expect(Boilerplate.rule(for: line) == .navigation)
        } else {
            #expect(Boilerplate.rule(for: line) == nil)
        }
    }
}
