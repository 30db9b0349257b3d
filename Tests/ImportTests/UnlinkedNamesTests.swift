import Catalog
import Foundation
import Testing
@testable import Import

@Suite("Unlinked names")
struct UnlinkedNamesTests {
    /// The documented rule, as a regular expression, applied the way `UnlinkedNames` applies it:
    /// the reference the scanner must agree with.
    static func reference(in text: String, linkedSpans: [Range<Int>]) -> [String] {
        let pattern = try! NSRegularExpression(pattern:
            #"(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}&'’\-]*\s+(?:(?:of|for|the|de|des|du|la)\s+){0,2}){1,6})"#
            + #"(Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|S\.A\.|SA|AG|GmbH|PLC|Plc|Corp\.?|Corporation|Company|Co\.|"#
            + #"Organi[sz]ation|Union|Association|Agency|Institute|Foundation|Consortium|Commission|Authority)(?![\p{L}\p{N}])"#)
        let leadingWords: Set<String> = [
            "The", "A", "An", "In", "On", "At", "By", "For", "With", "And", "As", "Of", "From", "To", "Its", "Their", "Our",
            "This", "That", "Both", "Today", "Yesterday", "When", "While", "After", "Before",
        ]
        var found: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let suffix = Range(match.range(at: 2), in: text) else { continue }
            let suffixStart = text.utf8.distance(from: text.utf8.startIndex, to: suffix.lowerBound)
            let suffixEnd = text.utf8.distance(from: text.utf8.startIndex, to: suffix.upperBound)
            if linkedSpans.contains(where: { $0.overlaps(suffixStart..<suffixEnd) }) { continue }
            var words = text[range].split(whereSeparator: \.isWhitespace).map(String.init)
            while let first = words.first, words.count > 1, leadingWords.contains(first) { words.removeFirst() }
            guard words.count > 1 else { continue }
            let name = words.joined(separator: " ")
            if name.lowercased() == "international telecommunication union" { continue }
            if !found.contains(name) { found.append(name) }
        }
        return found
    }

    @Test("finds what the documented pattern finds, in texts made of its pieces", arguments: 0..<8)
    func agreesWithThePattern(seed: Int) {
        // Words, joining words, endings near misses, and scalars the rule treats in special ways:
        // non-ASCII capitals and letters, a title-case letter, a capital beyond the BMP, a
        // combining mark, a prepended mark and a joiner (which bind to their neighbours' characters),
        // white space that is not ASCII, and a format character that is not white space.
        let pieces = [
            "Acme", "Orbital", "Société", "Émile", "Ǆemal", "𝐀stro", "AT&T", "O’Neil", "D'Arc", "Pan-African", "X", "x",
            "of", "for", "the", "de", "des", "du", "la", "The", "In", "Of", "International", "Telecommunication",
            "Inc", "Inc.", "Inc.x", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "S.A.", "SA", "SAS", "AG", "GmbH", "PLC",
            "Plc", "Corp", "Corp.", "Corporation", "Company", "Co.", "Co", "Organisation", "Organization", "Union",
            "Unions", "Association", "Agency", "Institute", "Foundation", "Consortium", "Commission", "Authority",
            "1", "é", "\u{301}", "\u{600}", "\u{200D}", "ǅemal", ".", ",", "-", "(", "Ünion",
        ]
        let separators = [" ", " ", " ", "  ", "\n", "\n\n", "\u{A0}", "\u{85}", "\u{2028}", "\u{200B}", "", "\t", "\r\n"]
        var random = SplitMix64(seed: UInt64(seed))
        for round in 0..<300 {
            var text = ""
            for _ in 0..<(Int(random.next() % 40) + 1) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
                text += separators[Int(random.next() % UInt64(separators.count))]
            }
            let spans = random.next() % 3 == 0 ? [Int(random.next() % 40)..<Int(random.next() % 40 + 40)] : []
            #expect(UnlinkedNames.find(in: text, linkedSpans: spans) == Self.reference(in: text, linkedSpans: spans),
                    "round \(round): \(text.debugDescription)")
        }
    }

    @Test("the longest run of capitalized words that still ends in an ending, at most six")
    func longestRun() {
        #expect(UnlinkedNames.find(in: "A B C D E F G Inc. signed.", linkedSpans: []) == ["B C D E F G Inc."])
        #expect(UnlinkedNames.find(in: "Bank of the Union Inc", linkedSpans: []) == ["Bank of the Union Inc"])
        #expect(UnlinkedNames.find(in: "Acme Union Corporation", linkedSpans: []) == ["Acme Union Corporation"])
        #expect(UnlinkedNames.find(in: "Acme Inc.x and Orbit Corp", linkedSpans: []) == ["Acme Inc", "Orbit Corp"])
    }
}
