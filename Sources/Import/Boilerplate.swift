import TextSearch

/// Decides which lines of a copied web page are page furniture rather than the announcement.
///
/// The rules (documented in the README, "Importing news"):
/// 1. **Navigation and action lines**: a line of at most 8 words, every one of them a navigation
///    or action word (share, print, e-mail, social networks, back, next, home, menu, search,
///    subscribe, download, "press center", "newsroom", accept, decline, …, in English, French,
///    Spanish and Russian), optionally with separators such as `>`, `|`, `/`, `•`, `·`, and not
///    ending a sentence (a line ending in `.`, `!` or `?` is text).
/// 2. **Cookie and consent notices**: a line that speaks of cookies or consent (`cookie`,
///    `cookies`, `GDPR`, `consent`, in Latin letters as sites write them in any language)
///    together with what such notices ask (use, accept, agree, settings, policy, continue,
///    browsing, or the same in French, Spanish and Russian).
/// 3. **Copyright footers**: a line beginning with `©`, `(c)` or "Copyright", or containing
///    "All rights reserved".
/// 4. **Lines with no words**: only punctuation, symbols or a bare web address.
///
/// Words are compared after the search analyzer's folding, so case and accents do not matter.
public enum Boilerplate {
    /// Whether `line` (one trimmed line) is boilerplate by one of the rules.
    public static func isBoilerplate(_ line: String) -> Bool {
        rule(for: line) != nil
    }

    /// The rule a line falls under, or nil when it is content.
    public enum Rule: String, Sendable, CaseIterable {
        case navigation, cookieNotice, copyright, noWords
    }

    public static func rule(for line: String) -> Rule? {
        let trimmed = Whitespace.collapse(line)
        if trimmed.isEmpty { return nil }
        let start = trimmed.prefix(12).lowercased()
        if start.hasPrefix("©") || start.hasPrefix("(c)") || start.hasPrefix("copyright")
            || Whitespace.containsASCII(trimmed, "all rights reserved") {
            return .copyright
        }
        let isAddress = !trimmed.utf8.contains(0x20)
            && (start.hasPrefix("http://") || start.hasPrefix("https://") || start.hasPrefix("www."))
        // A long line that names no cookie or consent is text: navigation lines are short.
        let mayBeNotice = ["cookie", "consent", "gdpr"].contains { Whitespace.containsASCII(trimmed, $0) }
        if !mayBeNotice && !isAddress && trimmed.utf8.count > 200 { return nil }
        let terms = TextFolding.terms(of: trimmed)
        if terms.isEmpty || isAddress { return .noWords }
        let termSet = Set(terms)
        if !termSet.isDisjoint(with: cookieWords) && !termSet.isDisjoint(with: noticeWords) { return .cookieNotice }
        let endsSentence = trimmed.last.map { ".!?".contains($0) } ?? false
        if !endsSentence && terms.count <= 8 && terms.allSatisfy({ navigationWords.contains($0) }) { return .navigation }
        return nil
    }

    private static let cookieWords: Set<String> = ["cookie", "cookies", "gdpr", "consent"]
    private static let noticeWords: Set<String> = [
        "use", "uses", "using", "accept", "agree", "settings", "policy", "continue", "continuing", "browsing",
        "experience", "preferences", "используем", "использует", "соглашаетесь", "согласие", "политика",
        "utilisons", "utilise", "accepter", "utilizamos", "aceptar",
    ]
    private static let navigationWords: Set<String> = [
        // Sharing and printing.
        "share", "shares", "print", "printable", "version", "email", "e", "mail", "send", "tweet", "facebook", "twitter",
        "x", "linkedin", "telegram", "whatsapp", "vk", "vkontakte", "youtube", "instagram", "rss", "copy", "link",
        "pdf", "download", "save",
        // Moving around a site.
        "back", "to", "top", "next", "previous", "prev", "home", "homepage", "page", "menu", "search", "skip", "content",
        "main", "navigation", "go", "read", "more", "all", "news", "list", "archive", "subscribe", "unsubscribe",
        "newsletter", "login", "log", "in", "sign", "up", "register", "contact", "contacts", "us", "about",
        "sitemap", "site", "map", "follow", "the", "and", "of", "our", "en", "ru", "fr", "es",
        "english", "русский", "français", "francais", "español", "espanol",
        // Press areas.
        "press", "center", "centre", "room", "newsroom", "media", "releases", "release", "releases", "mediacentre",
        "mediacenter", "events", "photos", "videos", "gallery",
        // Buttons of notices.
        "accept", "decline", "reject", "ok", "agree", "close", "dismiss",
        // Russian, French, Spanish equivalents.
        "поделиться", "печать", "распечатать", "версия", "для", "печати", "назад", "далее", "вперед", "главная",
        "пресс", "центр", "новости", "все", "меню", "поиск", "подписаться", "скачать", "наверх", "к", "на",
        "partager", "imprimer", "retour", "accueil", "actualites", "compartir", "imprimir", "volver", "inicio",
        "noticias", "prensa", "sala", "de", "salle",
    ]
}
