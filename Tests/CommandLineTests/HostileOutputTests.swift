import Foundation
import Testing

/// Every class of hostile character through the text output of `list`, `show` and `search`
/// (the built executable, as a person runs it): no byte a terminal would act on is written,
/// and each character shows its placeholder. Line breaks of any kind (CR, NEL, U+2028,
/// U+2029) become a space in a one-line cell.
@Suite struct HostileOutputTests {
    static let samples: [(label: String, text: String, shown: String)] = [
        ("nul", "\u{0}", "␀"), ("bell", "\u{7}", "␇"), ("backspace", "\u{8}", "␈"), ("carriage", "\r", " "),
        ("escape", "\u{1B}", "␛"), ("delete", "\u{7F}", "␡"), ("nextline", "\u{85}", " "),
        ("eightbitcsi", "\u{9B}31m", "\u{FFFD}31m"), ("csi", "\u{1B}[2J", "␛[2J"), ("osc", "\u{1B}]0;owned\u{7}", "␛]0;owned␇"),
        ("dcs", "\u{1B}P1$qm\u{1B}\\", "␛P1$qm␛\\"), ("lre", "\u{202A}", "\u{FFFD}"), ("rle", "\u{202B}", "\u{FFFD}"),
        ("pdf", "\u{202C}", "\u{FFFD}"), ("lro", "\u{202D}", "\u{FFFD}"), ("rlo", "\u{202E}", "\u{FFFD}"),
        ("lri", "\u{2066}", "\u{FFFD}"), ("rli", "\u{2067}", "\u{FFFD}"), ("fsi", "\u{2068}", "\u{FFFD}"),
        ("pdi", "\u{2069}", "\u{FFFD}"), ("lrm", "\u{200E}", "\u{FFFD}"), ("rlm", "\u{200F}", "\u{FFFD}"),
        ("alm", "\u{061C}", "\u{FFFD}"), ("linesep", "\u{2028}", " "), ("parasep", "\u{2029}", " "),
        ("combining", "\u{301}", "◌\u{301}"), ("zwj", "👩\u{200D}💻", "👩\u{200D}💻"),
    ]

    static func isForbidden(_ v: UInt32) -> Bool {
        v < 0x20 && v != 0x0A || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    /// A fixtures folder with one organization and one news item per sample, the sample
    /// starting the name or title and every sample in the other texts.
    static func fixtures() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let all = samples.map { "\($0.text) \($0.label)" }.joined(separator: " · ")
        let sectors: [String: Any] = ["schemaVersion": 1, "sectors": [
            ["id": "ITU-R", "name": "Radiocommunication Sector", "mandate": all,
             "bureau": ["name": "Radiocommunication Bureau", "abbreviation": "BR"]],
        ]]
        let organizations: [String: Any] = ["schemaVersion": 1, "organizations": samples.map { sample in
            ["id": "h-\(sample.label)", "name": "\(sample.text) \(sample.label)", "kind": "company", "summary": all,
             "memberships": [["sector": "ITU-R", "category": all]]] as [String: Any]
        }]
        let news: [String: Any] = ["schemaVersion": 1, "news": samples.enumerated().map { i, sample in
            ["id": "n-\(sample.label)", "date": String(format: "2021-01-%02d", 1 + i % 28), "category": "Industry",
             "title": "\(sample.text) \(sample.label)", "summary": all, "body": all,
             "organizations": ["h-\(sample.label)"], "sectors": ["ITU-R"]] as [String: Any]
        }]
        for (name, document) in [("sectors.json", sectors), ("organizations.json", organizations), ("news.json", news)] {
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            try folder.write(name, String(decoding: data, as: UTF8.self))
        }
        return folder
    }

    /// Runs a command over the hostile fixtures and checks no forbidden byte got out.
    static func run(_ arguments: [String], in folder: TemporaryDirectory,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let home = folder.url.appendingPathComponent("home").path
        let output = try ITUBrowserProcess.run(arguments + ["--fixtures", folder.url.path], environment: [
            "HOME": home, "XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home, "XDG_CACHE_HOME": home, "XDG_DATA_HOME": home,
        ])
        #expect(output.status == 0, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        for (stream, text) in [("stdout", output.stdout), ("stderr", output.stderr)] {
            let leaked = Set(text.unicodeScalars.filter { isForbidden($0.value) }.map { String(format: "U+%04X", $0.value) })
            #expect(leaked.isEmpty, "\(arguments) wrote \(leaked.sorted()) to \(stream)", sourceLocation: sourceLocation)
        }
        return output.stdout
    }

    @Test func listTablesShowEveryPlaceholder() throws {
        let folder = try HostileOutputTests.fixtures()
        let organizations = try HostileOutputTests.run(["list", "orgs"], in: folder)
        let news = try HostileOutputTests.run(["list", "news"], in: folder)
        _ = try HostileOutputTests.run(["list", "sectors"], in: folder)
        for sample in HostileOutputTests.samples {
            #expect(organizations.contains("\(sample.shown) \(sample.label)"), "list orgs: \(sample.label)")
            #expect(news.contains("\(sample.shown) \(sample.label)"), "list news: \(sample.label)")
        }
    }

    @Test func showAndSearchShowEveryPlaceholder() throws {
        let folder = try HostileOutputTests.fixtures()
        _ = try HostileOutputTests.run(["show", "ITU-R"], in: folder)
        for sample in HostileOutputTests.samples {
            let organization = try HostileOutputTests.run(["show", "h-\(sample.label)"], in: folder)
            #expect(organization.contains("\(sample.shown) \(sample.label)"), "show: \(sample.label)")
            let item = try HostileOutputTests.run(["show", "n-\(sample.label)"], in: folder)
            #expect(item.contains("\(sample.shown) \(sample.label)"), "show news: \(sample.label)")
            let found = try HostileOutputTests.run(["search", sample.label], in: folder)
            #expect(found.contains("\(sample.shown) \(sample.label)"), "search: \(sample.label)")
        }
    }
}
