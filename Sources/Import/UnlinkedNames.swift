import Foundation

/// Finds names that look like organizations but are not in the catalog.
///
/// A candidate is a run of one to six capitalized words (joined by "of", "for", "the",
/// "de", "des", "du" or "la") ending in a legal form or an organization noun: Inc., LLC, Ltd.,
/// Limited, S.A., SA, AG, GmbH, PLC, Corp., Corporation, Company, Co., Organization,
/// Organisation, Union, Association, Agency, Institute, Foundation, Consortium, Commission,
/// Authority. Leading sentence words ("The", "In", "On", …) are dropped. A candidate whose
/// ending is part of a name the linker found is not listed, and neither is the International
/// Telecommunication Union itself.
enum UnlinkedNames {
    static func find(in text: String, linkedSpans: [Range<Int>]) -> [String] {
        var found: [String] = []
        let whole = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text), let suffix = Range(match.range(at: 2), in: text) else { continue }
            let suffixStart = text.utf8.distance(from: text.utf8.startIndex, to: suffix.lowerBound)
            let suffixEnd = text.utf8.distance(from: text.utf8.startIndex, to: suffix.upperBound)
            if linkedSpans.contains(where: { $0.overlaps(suffixStart..<suffixEnd) }) { continue }
            var words = text[range].split(whereSeparator: \.isWhitespace).map(String.init)
            while let first = words.first, words.count > 1, leadingWords.contains(first) { words.removeFirst() }
            guard words.count > 1 else { continue }
            let name = words.joined(separator: " ")
            if ignored.contains(name.lowercased()) { continue }
            found.appendOnce(name)
        }
        return found
    }

    private static let leadingWords: Set<String> = [
        "The", "A", "An", "In", "On", "At", "By", "For", "With", "And", "As", "Of", "From", "To", "Its", "Their", "Our",
        "This", "That", "Both", "Today", "Yesterday", "When", "While", "After", "Before",
    ]
    private static let ignored: Set<String> = ["international telecommunication union"]

    /// The candidate pattern; a constant of this file, so a failure to compile it is a programming error.
    private static let pattern = try! NSRegularExpression(pattern:
        #"(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}&'’\-]*\s+(?:(?:of|for|the|de|des|du|la)\s+){0,2}){1,6})"#
        + #"(Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|S\.A\.|SA|AG|GmbH|PLC|Plc|Corp\.?|Corporation|Company|Co\.|"#
        + #"Organi[sz]ation|Union|Association|Agency|Institute|Foundation|Consortium|Commission|Authority)(?![\p{L}\p{N}])"#)
}
