import Catalog
import Foundation

/// Finds the day an announcement gives, in the forms people and feeds write:
///
/// - `2021-11-01` (also the start of `2021-11-01T09:00:00+03:00`, as in Atom and HTML meta);
/// - `01.11.2021` and `1/11/2021` (day first, as in Europe and Russia);
/// - `November 1, 2021`, `Nov 1, 2021`, `1 November 2021`, `Mon, 01 Nov 2021 10:00:00 +0000` (RSS);
/// - `1 ноября 2021` (Russian month names, genitive or nominative, with an optional `г.`).
///
/// The day is taken as written, in the source's own time zone.
public enum DateRecognizer {
    /// The first date in `text`.
    public static func firstDate(in text: String) -> PartialDate? {
        firstMatch(in: text)?.date
    }

    /// Whether `line` is a date line: a date with at most four other words around it
    /// (a weekday, a place, "Published:").
    public static func isDateLine(_ line: String) -> Bool {
        guard line.count <= 80, let match = firstMatch(in: line) else { return false }
        let rest = line.replacingCharacters(in: match.range, with: " ")
        let words = rest.split { !$0.isLetter && !$0.isNumber }
        return words.count <= 4
    }

    struct Match {
        var date: PartialDate
        var range: Range<String.Index>
    }

    static func firstMatch(in text: String) -> Match? {
        var best: Match?
        for pattern in patterns {
            guard let found = pattern.firstMatch(in: text) else { continue }
            if best == nil || found.range.lowerBound < best!.range.lowerBound { best = found }
        }
        return best
    }

    /// A regular expression and the date its groups make.
    private struct Pattern: Sendable {
        let regex: NSRegularExpression
        let make: @Sendable ([String]) -> PartialDate?

        init(_ pattern: String, _ make: @escaping @Sendable ([String]) -> PartialDate?) {
            // The patterns are constants of this file; a typo is a programming error.
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.make = make
        }

        func firstMatch(in text: String) -> Match? {
            let whole = NSRange(text.startIndex..., in: text)
            for result in regex.matches(in: text, range: whole) {
                let groups = (1..<result.numberOfRanges).map { index -> String in
                    guard let range = Range(result.range(at: index), in: text) else { return "" }
                    return String(text[range])
                }
                if let date = make(groups), let range = Range(result.range, in: text) {
                    return Match(date: date, range: range)
                }
            }
            return nil
        }
    }

    private static let englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let russianMonths = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                                        "октябр", "ноябр", "декабр"]

    /// The month number of an English name or abbreviation (`Nov`, `November`, `Sept.`).
    static func englishMonth(_ name: String) -> Int? {
        let lower = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard lower.count >= 3 else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"]
        for (index, month) in full.enumerated() where month.hasPrefix(lower) || (lower == "sept" && index == 8) {
            return index + 1
        }
        return nil
    }

    /// The month number of a Russian month name in any case ending (`ноября`, `май`, `мая`).
    static func russianMonth(_ name: String) -> Int? {
        let lower = name.lowercased()
        let endings = ["", "ь", "я", "а", "е", "й"]
        for (index, stem) in russianMonths.enumerated() {
            for ending in endings where lower == stem + ending {
                if index == 4 && !["май", "мая", "мае"].contains(lower) { continue }
                if index == 2 && !["март", "марта", "марте"].contains(lower) { continue }
                if index == 7 && !["август", "августа", "августе"].contains(lower) { continue }
                return index + 1
            }
        }
        return nil
    }

    private static func number(_ text: String) -> Int? { Int(text) }

    private static let patterns: [Pattern] = [
        Pattern(#"\b(\d{4})-(\d{2})-(\d{2})(?![\d])"#) { g in
            guard let y = number(g[0]), let m = number(g[1]), let d = number(g[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        },
        Pattern(#"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d])"#) { g in
            guard let d = number(g[0]), let m = number(g[1]), let y = number(g[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        },
        Pattern(#"\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#) { g in
            guard let m = englishMonth(g[0]), let d = number(g[1]), let y = number(g[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        },
        Pattern(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b"#) { g in
            guard let d = number(g[0]), let m = englishMonth(g[1]), let y = number(g[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        },
        Pattern(#"(?<![\d\p{L}])(\d{1,2})\s+(\p{Script=Cyrillic}{3,9})\s+(\d{4})(?![\d])"#) { g in
            guard let d = number(g[0]), let m = russianMonth(g[1]), let y = number(g[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        },
    ]
}
