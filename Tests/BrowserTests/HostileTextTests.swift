@testable import Browser
import Catalog
import CatalogSearch
import Screen
import Testing

/// Every class of hostile character, through every way the Browser draws text: no cell may
/// hold a character a terminal would act on, and each shows its visible placeholder.
@Suite struct HostileTextTests {
    /// One sample of each class, with the label it is shown next to and what it must look like.
    static let samples: [(label: String, text: String, shown: String)] = [
        ("nul", "\u{0}", "␀"),
        ("bell", "\u{7}", "␇"),
        ("backspace", "\u{8}", "␈"),
        ("carriage", "\r", "␍"),
        ("escape", "\u{1B}", "␛"),
        ("delete", "\u{7F}", "␡"),
        ("nextline", "\u{85}", "\u{FFFD}"),
        ("eightbitcsi", "\u{9B}31m", "\u{FFFD}31m"),
        ("csi", "\u{1B}[2J", "␛[2J"),
        ("osc", "\u{1B}]0;owned\u{7}", "␛]0;owned␇"),
        ("dcs", "\u{1B}P1$qm\u{1B}\\", "␛P1$qm␛\\"),
        ("lre", "\u{202A}", "\u{FFFD}"),
        ("rle", "\u{202B}", "\u{FFFD}"),
        ("pdf", "\u{202C}", "\u{FFFD}"),
        ("lro", "\u{202D}", "\u{FFFD}"),
        ("rlo", "\u{202E}", "\u{FFFD}"),
        ("lri", "\u{2066}", "\u{FFFD}"),
        ("rli", "\u{2067}", "\u{FFFD}"),
        ("fsi", "\u{2068}", "\u{FFFD}"),
        ("pdi", "\u{2069}", "\u{FFFD}"),
        ("lrm", "\u{200E}", "\u{FFFD}"),
        ("rlm", "\u{200F}", "\u{FFFD}"),
        ("alm", "\u{061C}", "\u{FFFD}"),
        ("linesep", "\u{2028}", "␤"),
        ("parasep", "\u{2029}", "␤"),
        ("combining", "\u{301}", "◌\u{301}"),
        ("zwj", "👩\u{200D}💻", "👩\u{200D}💻"),
    ]

    /// Scalars that must never reach a cell: C0, DEL, C1, bidirectional controls and marks,
    /// the line and paragraph separators.
    static func isForbidden(_ v: UInt32) -> Bool {
        v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    static func forbidden(in frame: Frame) -> [String] {
        frame.cells.flatMap { cell in
            cell.grapheme.unicodeScalars.filter { isForbidden($0.value) }.map { String(format: "U+%04X", $0.value) }
        }
    }

    /// Each sample in every text of an item: the sample starts the name (lone combining marks
    /// are lone only there), and the label follows.
    static let catalog: Catalog = {
        let all = samples.map { "\($0.text) \($0.label)" }.joined(separator: " · ")
        let organizations = samples.map { sample in
            Organization(id: "h-\(sample.label)", name: "\(sample.text) \(sample.label)", shortName: sample.text, aliases: [all],
                         kind: "\(sample.text) kind", headquarters: .init(city: sample.text, country: all), website: all,
                         summary: all, people: [.init(name: all, role: sample.text)], memberStates: [all],
                         memberships: [.init(sector: "ITU-R", category: all, labels: [all], notes: all)],
                         facts: [.init(label: sample.text, value: all)], sources: [all])
        }
        let news = samples.enumerated().map { i, sample in
            NewsItem(id: "n-\(sample.label)", date: TestCatalog.date("2021-01-\(String(format: "%02d", 1 + i % 28))"),
                     category: sample.text, title: "\(sample.text) \(sample.label)", summary: all, body: all + "\n\n" + all,
                     organizations: ["h-\(sample.label)"], sectors: ["ITU-R"], tags: [all], source: all)
        }
        let sector = Sector(id: "ITU-R", name: all, bureau: .init(name: all, abbreviation: "\u{1B}"), mandate: all,
                            directors: [.init(name: all)])
        return Catalog(sectors: [sector], organizations: organizations, news: news)
    }()

    /// Renders and checks that no forbidden scalar got through; returns the screen's text.
    @discardableResult
    static func check(_ state: BrowserState, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let frame = Browser.render(state)
        let leaked = forbidden(in: frame)
        #expect(leaked.isEmpty, "\(path): \(Set(leaked).sorted()) reached the screen", sourceLocation: sourceLocation)
        return frame.text
    }

    /// The catalog's search index, built once for every state of these tests.
    static let search = CatalogSearchIndex(catalog: catalog)

    static func state(width: Int = 160, height: Int = 60, openItem: String? = nil) -> BrowserState {
        BrowserState(catalog: catalog, search: search, width: width, height: height, openItem: openItem)
    }

    @Test func listsShowEveryPlaceholder() {
        var organizations = HostileTextTests.state()
        organizations.send(.character("1"))
        let orgs = HostileTextTests.check(organizations, "organizations list")
        var news = HostileTextTests.state()
        news.send(.character("3"))
        let items = HostileTextTests.check(news, "news list")
        for sample in HostileTextTests.samples {
            #expect(orgs.contains("\(sample.shown) \(sample.label)"), "organizations list: \(sample.label)")
            #expect(items.contains("\(sample.shown) \(sample.label)"), "news list: \(sample.label)")
        }
        HostileTextTests.check(HostileTextTests.state(width: 80, height: 24), "narrow lists")
    }

    @Test func detailAndPreviewShowPlaceholders() {
        for sample in HostileTextTests.samples {
            for (width, height) in [(160, 60), (80, 24)] {
                let organization = HostileTextTests.state(width: width, height: height, openItem: "h-\(sample.label)")
                let text = HostileTextTests.check(organization, "detail of h-\(sample.label) at \(width)×\(height)")
                #expect(text.contains("\(sample.shown) \(sample.label)"), "detail: \(sample.label)")
                HostileTextTests.check(HostileTextTests.state(width: width, height: height, openItem: "n-\(sample.label)"),
                                       "detail of n-\(sample.label)")
            }
        }
        let sector = HostileTextTests.check(HostileTextTests.state(openItem: "ITU-R"), "Sector detail")
        for sample in HostileTextTests.samples where sample.label != "combining" {
            #expect(sector.contains("\(sample.shown) \(sample.label)"), "Sector detail: \(sample.label)")
        }
        // The preview beside the lists follows the selection through every organization.
        var preview = HostileTextTests.state()
        preview.send(.character("1"))
        for _ in HostileTextTests.samples {
            HostileTextTests.check(preview, "preview")
            preview.send(.down)
        }
    }

    @Test func queryLineStatusLineResultsAndHelpShowPlaceholders() {
        for sample in HostileTextTests.samples {
            // Typed into the query line (first, so a combining mark stays lone).
            var typing = HostileTextTests.state()
            typing.send(.character("/"))
            typing.type("\(sample.text) \(sample.label)")
            let text = HostileTextTests.check(typing, "query line: \(sample.label)")
            #expect(text.contains("\(sample.shown) \(sample.label)"), "query line: \(sample.label)")
            // An unclosed quote, so the status line repeats the text. A combining mark after a
            // space is not lone: it is drawn on the space, as text does everywhere.
            var quoting = HostileTextTests.state()
            quoting.send(.character("/"))
            quoting.type("\"\(sample.label) \(sample.text)")
            HostileTextTests.check(quoting, "status line: \(sample.label)")
            let frame = Browser.render(quoting)
            let status = frame.line(frame.height - 1)
            #expect(status.contains("unclosed quote") && status.contains(sample.label), "status line: \(status)")
            if sample.label != "combining" {
                #expect(status.contains("\(sample.label) \(sample.shown)"), "status line: \(sample.label): \(status)")
            }
            // Results of a search for the label, with snippets cut from the hostile body.
            var results = HostileTextTests.state()
            results.send(.character("/"))
            results.type(sample.label)
            results.send(.enter)
            HostileTextTests.check(results, "results: \(sample.label)")
        }
        var help = HostileTextTests.state(width: 80, height: 24)
        help.send(.character("?"))
        HostileTextTests.check(help, "help")
    }
}
