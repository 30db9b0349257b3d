@testable import TextSearch
import Testing

@Suite struct AnalysisTests {
    func terms(_ text: String) -> [String] {
        var analyzer = TextAnalyzer()
        return analyzer.tokens(text).map(\.term)
    }

    @Test func foldsCaseAndDiacritics() {
        #expect(terms("Crème BRÛLÉE Ångström naïve") == ["creme", "brulee", "angstrom", "naive"])
        #expect(terms("Straße") == ["strasse"])
        #expect(terms("ＩＴＵ ﬁber") == ["itu", "fiber"])
    }

    @Test func cyrillicYoFoldsButShortIStays() {
        #expect(terms("Ёлка ЕЛКА") == ["елка", "елка"])
        #expect(terms("Интерспутник") == ["интерспутник"])
        #expect(terms("Мой") == ["мой"])
        #expect(terms("Мой") != terms("Мои"))
    }

    @Test func cjkRunsGiveBigramsAndSingleCharacters() {
        var analyzer = TextAnalyzer()
        let tokens = analyzer.tokens("国际电信联盟")
        #expect(tokens.filter { $0.kind == .cjkBigram }.map(\.term) == ["国际", "际电", "电信", "信联", "联盟"])
        #expect(tokens.filter { $0.kind == .cjkUnigram }.map(\.term) == ["国", "际", "电", "信", "联", "盟"])
        #expect(tokens.first { $0.term == "电信" }?.position == 2)
        let index = Corpus.bodies(["国际电信联盟成立于1865年", "日本の放送"])
        #expect(Corpus.ids(index, "电信") == ["d0"])
        #expect(Corpus.ids(index, "电") == ["d0"])
        #expect(Corpus.ids(index, "电信联盟") == ["d0"])
        #expect(Corpus.ids(index, "电联").isEmpty)
        #expect(Corpus.ids(index, "放送") == ["d1"])
    }

    @Test func identifiersAreIndexedWholeAndByParts() {
        var analyzer = TextAnalyzer()
        let tokens = analyzer.tokens("ITU-D and WRC-23, 5G, IMT-2020")
        #expect(tokens.map(\.term) == ["itu", "d", "itu-d", "and", "wrc", "23", "wrc-23", "5g", "imt", "2020", "imt-2020"])
        #expect(tokens.first { $0.term == "itu-d" }?.byteRange == 0..<5)
        #expect(tokens.first { $0.term == "itu-d" }?.position == 0)
        let index = Corpus.bodies(["ITU-D helps", "the ITU and its D sector", "WRC-23 in Dubai", "5G networks", "IMT-2020 radio"])
        #expect(Corpus.ids(index, "itu-d") == ["d0"])
        #expect(Set(Corpus.ids(index, "itu")) == ["d0", "d1"])
        #expect(Corpus.ids(index, "WRC-23") == ["d2"])
        #expect(Corpus.ids(index, "wrc") == ["d2"])
        #expect(Corpus.ids(index, "5g") == ["d3"])
        #expect(Corpus.ids(index, "imt-2020") == ["d4"])
        #expect(Corpus.ids(index, "2020") == ["d4"])
    }

    @Test func possessiveIsDropped() {
        #expect(terms("Intersputnik's members, ITU’s plan") == ["intersputnik", "members", "itu", "plan"])
    }

    /// The stemmer's rules as its doc comment states them, written plainly over `String`.
    static func stemByTheRules(_ word: String) -> String {
        let exceptions: Set<String> = ["news", "series", "species", "means", "always", "perhaps", "thus", "plus", "bonus", "status",
                                       "this", "has", "was", "does", "yes", "gas", "bus", "lens", "less", "chaos", "atlas", "canvas"]
        guard word.count >= 4, word.allSatisfy({ ("a"..."z").contains($0) }), !exceptions.contains(word) else { return word }
        func ends(_ suffix: String) -> Bool { word.count > suffix.count + 1 && word.hasSuffix(suffix) }
        func replacing(_ suffix: String, with replacement: String) -> String { String(word.dropLast(suffix.count)) + replacement }
        for (ize, ise) in [("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises")] {
            if ends(ize) { return replacing(ize, with: "ize") }
            if ends(ise) { return replacing(ise, with: "ise") }
        }
        if ends("ies") || ends("ied") { return replacing("ies", with: "y") }
        for suffix in ["sses", "ches", "shes", "xes", "zes"] where ends(suffix) { return replacing("es", with: "") }
        if ends("s") && !ends("ss") && !ends("us") && !ends("is") { return replacing("s", with: "") }
        return word
    }

    @Test func lightStemmerFollowsItsRulesOnRandomWords() {
        var random = SeededGenerator(seed: 23)
        let endings = ["izations", "isations", "ization", "isation", "izing", "ising", "ized", "ised", "izes", "ises", "ies", "ied",
                       "sses", "ches", "shes", "xes", "zes", "ss", "us", "is", "s", "es", "e", "", "news", "Izes", "és", "ß"]
        let letters = Array("abcdeisuxz")
        for _ in 0..<5000 {
            let stemLength = Int.random(in: 0...5, using: &random)
            let word = String((0..<stemLength).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
                + endings[Int.random(in: 0..<endings.count, using: &random)]
            #expect(LightStemmer.stem(word) == Self.stemByTheRules(word), "\(word)")
        }
    }

    @Test func lightStemmerJoinsPluralsAndTheIzeFamily() {
        #expect(LightStemmer.stem("regulations") == "regulation")
        #expect(LightStemmer.stem("satellites") == "satellite")
        #expect(LightStemmer.stem("agencies") == "agency")
        #expect(LightStemmer.stem("matches") == "match")
        #expect(LightStemmer.stem("standardized") == "standardize")
        #expect(LightStemmer.stem("standardization") == "standardize")
        #expect(LightStemmer.stem("standardizes") == "standardize")
        #expect(LightStemmer.stem("status") == "status")
        #expect(LightStemmer.stem("news") == "news")
        #expect(LightStemmer.stem("analysis") == "analysis")
        #expect(LightStemmer.stem("meeting") == "meeting")
        let index = Corpus.bodies(["new regulations adopted", "one satellite launched", "standardized interfaces", "standardization work"])
        #expect(Corpus.ids(index, "regulation") == ["d0"])
        #expect(Corpus.ids(index, "satellites") == ["d1"])
        #expect(Set(Corpus.ids(index, "standardization")) == ["d2", "d3"])
        #expect(index.search("regulation", options: SearchOptions(lastWordIsPrefix: false)).hits.first?.typos == 0)
    }

    @Test func oversizedAndSymbolOnlyInputIsSafe() {
        let long = String(repeating: "a", count: 500)
        #expect(terms(long).isEmpty)
        #expect(terms("!!! ??? 🚀 ---").isEmpty)
        #expect(terms("a-b-c-d-e-f-g-h-i-j").count > 0)
        #expect(terms("x\u{301}y") == ["xy"])
    }
}
