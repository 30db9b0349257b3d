import TextSearch
import Testing

@Suite struct TypoTests {
    let index = Corpus.bodies(["itu", "orbit", "satellite", "spectrum", "telecommunication", "intersputnik"])

    func typos(_ query: String, prefix: Bool = false) -> Int? {
        index.search(query, options: SearchOptions(lastWordIsPrefix: prefix)).hits.first?.typos
    }

    @Test func noTypoUpToFourCharacters() {
        #expect(typos("itu") == 0)
        #expect(typos("itv") == nil)
        #expect(typos("obit") == nil)   // 4 characters: "orbit" would need one typo
    }

    @Test func oneTypoFromFiveToEightCharacters() {
        #expect(typos("orbil") == 1)             // 5: substitution
        #expect(typos("orbti") == 1)             // 5: transposition counts 1
        #expect(typos("obrti") == nil)           // 5: two typos are too many
        #expect(typos("spectrun") == 1)          // 8
        #expect(typos("spcetrun") == nil)        // 8: two typos
        #expect(typos("satelite") == 1)          // 8: deletion
    }

    @Test func twoTyposFromNineCharacters() {
        #expect(typos("satelitte") == 2)         // 9: deletion + insertion
        #expect(typos("intersptnik") == 1)
        #expect(typos("intrsptnik") == 2)        // 10
        #expect(typos("intrsptnk") == nil)       // 9: three typos
        #expect(typos("telecomunicaton") == 2)
    }

    @Test func aTypoInTheFirstCharacterCountsTwo() {
        #expect(typos("prbit") == nil)           // 5: one typo allowed, but the first character's counts two
        #expect(typos("pectrum") == nil)         // 7: the first character deleted
        #expect(typos("aatellite") == 2)         // 9: the first character substituted
        #expect(typos("atellite") == nil)        // 8: deleted, in a word too short for two typos
        #expect(typos("xsatellite") == 2)        // 10: one inserted before it
        #expect(typos("asatelite") == nil)       // 9: the first character's typo and one more
        #expect(typos("astellite", prefix: true) == 2)  // 9: swapped with the second, while typing
    }

    @Test func typosWhileTypingAPrefix() {
        #expect(typos("intersp", prefix: true) == 0)
        #expect(typos("intesp", prefix: true) == 1)     // 6 characters: one typo in the prefix
        #expect(typos("sapt", prefix: true) == nil)     // 4 characters: none
        #expect(typos("satle", prefix: true) == 1)
    }

    @Test func exactMatchesRankAboveCorrectedOnes() {
        let index = Corpus.bodies(["orbits orbits orbits orbits", "orbit"])
        let hits = index.search("orbits", options: SearchOptions(lastWordIsPrefix: false)).hits
        #expect(hits.map(\.id) == ["d0", "d1"])
        let corrected = Corpus.bodies(["satelite satelite satelite", "satellite"])
        #expect(corrected.search("satellite", options: SearchOptions(lastWordIsPrefix: false)).hits.map(\.id) == ["d1", "d0"])
    }

    /// Words of letters of any script are corrected, the ASCII letters at both ends of the
    /// alphabet among them (and typed in capitals).
    @Test func wordsOfLettersAreCorrected() {
        let index = Corpus.bodies(["organization", "amazing zebra", "Москва"])
        #expect(Corpus.ids(index, "organizaton") == ["d0"])
        #expect(Corpus.ids(index, "ORGANIZATON") == ["d0"])
        #expect(Corpus.ids(index, "amazinf") == ["d1"])
        #expect(Corpus.ids(index, "zebrra") == ["d1"])
        #expect(Corpus.ids(index, "Моксва") == ["d2"])
    }

    @Test func wordsWithDigitsAreNotCorrected() {
        let index = Corpus.bodies(["WRC-23 opens", "WRC-19 closes", "model 12345"])
        #expect(Corpus.ids(index, "wrc-23") == ["d0"])
        #expect(Corpus.ids(index, "12346").isEmpty)
    }
}
