/// The words and name parts generated corpora are made of.
///
/// Words are ranked for a Zipf-like draw: common function words first, then real domain words
/// (some inflected: "satellites", "regulations", "launched") interleaved with invented word
/// forms, a few thousand in all. The list is the same for every seed, so corpora of different
/// seeds share a vocabulary.
enum CorpusVocabulary {
    static let functionWords = [
        "the", "of", "and", "to", "in", "for", "on", "with", "a", "by", "its", "is", "as", "at", "new", "from",
        "that", "will", "this", "are", "was", "has", "have", "be", "an", "which", "their", "after", "into", "more",
    ]

    static let domainWords = [
        "satellite", "satellites", "spectrum", "orbit", "orbits", "orbital", "regulation", "regulations",
        "regulatory", "standardization", "standard", "standards", "broadband", "5G", "6G", "WRC-23", "WRC-27",
        "ITU-D", "ITU-R", "ITU-T", "connectivity", "telecommunication", "telecommunications", "radiocommunication",
        "membership", "member", "members", "frequency", "frequencies", "network", "networks", "operator",
        "operators", "developing", "countries", "country", "digital", "study", "group", "groups", "recommendation",
        "recommendations", "interference", "geostationary", "deployment", "infrastructure", "policy", "policies",
        "cooperation", "conference", "conferences", "assembly", "sector", "sectors", "mobile", "rural", "coverage",
        "launch", "launched", "launches", "agreement", "agreements", "signed", "signs", "capacity", "building",
        "inclusion", "emergency", "communications", "broadcasting", "terrestrial", "coordination", "filing",
        "filings", "allocation", "allocations", "assignment", "assignments", "constellation", "constellations",
        "ground", "station", "stations", "gateway", "fibre", "submarine", "cable", "cables", "access", "internet",
        "affordable", "skills", "cybersecurity", "trust", "AI", "IoT", "smart", "cities", "climate", "monitoring",
        "weather", "navigation", "maritime", "aeronautical", "amateur", "propagation", "workshop", "workshops",
        "seminar", "delegates", "ministers", "plenipotentiary", "council", "directors", "bureau", "resolution",
        "resolutions", "partnership", "partnerships", "signatory", "signatories", "intergovernmental", "regional",
        "global", "national", "administration", "administrations", "licensing", "auction", "auctions", "band",
        "bands", "MHz", "GHz", "Ka-band", "Ku-band", "C-band", "LEO", "GEO", "NGSO", "payload", "transponder",
        "transponders", "uplink", "downlink", "latency", "throughput", "backhaul", "rollout", "gap",
    ]

    /// The ranked word list: index 0 is drawn most often.
    static let rankedWords: [String] = {
        var random = SplitMix64(seed: 0x5EED_0F_ABC)
        let invented = inventedWords(count: 3_000, using: &random)
        var ranked = functionWords
        var domain = domainWords.makeIterator()
        var inventedIterator = invented.makeIterator()
        var position = 0
        while let word = position % 3 == 0 ? (domain.next() ?? inventedIterator.next()) : inventedIterator.next() {
            ranked.append(word)
            position += 1
        }
        return ranked
    }()

    /// Pronounceable invented words, all different and none a domain or function word.
    static func inventedWords(count: Int, using random: inout SplitMix64) -> [String] {
        let onsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st"]
        let vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ia"]
        let codas = ["", "", "", "", "", "n", "r", "s", "l", "x"]
        let endings = ["", "", "", "", "", "", "", "", "s", "ed", "al"]
        var seen = Set(functionWords + domainWords.map { $0.lowercased() })
        var words: [String] = []
        while words.count < count {
            var word = ""
            for _ in 0..<(random.chance(0.1) ? 3 : 2) {
                word += (random.pick(onsets) ?? "") + (random.pick(vowels) ?? "") + (random.pick(codas) ?? "")
            }
            word += random.pick(endings) ?? ""
            if word.count >= 3, seen.insert(word).inserted { words.append(word) }
        }
        return words
    }

    static let categories = [
        "International Cooperation", "Membership", "Conferences", "Standardization", "Spectrum Management",
        "Development", "Satellite Systems", "Events", "Regulation", "Capacity Building",
    ]

    static let tags = [
        "spectrum", "satellite", "membership", "WRC-23", "5G", "capacity building", "standards", "broadband",
        "connectivity", "rural access", "emergency telecommunications", "orbit", "study groups", "cybersecurity",
        "digital inclusion", "climate", "maritime", "space sustainability", "policy", "regional cooperation",
    ]

    // MARK: Organization names

    static let nameAdjectives = [
        "Global", "Pacific", "Northern", "Southern", "Regional", "Orbital", "Digital", "Andean", "Baltic",
        "Atlantic", "Continental", "Eastern", "Western", "Central", "Arctic", "Sahel", "Caribbean", "Alpine",
        "Nordic", "Oceanic", "United", "Trans-Asian", "Mediterranean", "Coastal",
    ]
    static let nameCores = [
        "Satellite", "Telecom", "Broadband", "Space", "Radio", "Network", "Communications", "Spectrum", "Orbit",
        "Data", "Mobile", "Fibre", "Signal", "Connectivity", "Wireless", "Gateway",
    ]
    static let nameEndings: [String: [String]] = [
        "company": ["Company", "S.A.", "Ltd", "Corporation", "Group", "Systems"],
        "state-owned company": ["State Company", "National Operator", "Public Corporation"],
        "intergovernmental satellite organization": ["Satellite Organization", "Space Organization"],
        "intergovernmental organization": ["Organization", "Commission", "Council"],
        "regional telecommunication organization": ["Telecommunication Union", "Telecommunity", "Conference"],
        "space agency": ["Space Agency", "Aerospace Agency"],
        "academia": ["University", "Institute of Technology", "Academy"],
        "international organization": ["Association", "Federation", "Forum"],
        "non-governmental organization": ["Foundation", "Alliance", "Society"],
    ]
    static let cyrillicAdjectives = [
        "Глобальная", "Региональная", "Цифровая", "Северная", "Южная", "Восточная", "Западная", "Международная",
        "Космическая", "Спутниковая", "Национальная", "Континентальная",
    ]
    static let cyrillicNouns = ["связь", "сеть", "корпорация", "организация", "компания", "система", "группа", "ассоциация"]
    static let cjkPrefixes = ["国际", "亚太", "卫星", "数字", "区域", "全球", "北方", "南方", "太平洋", "大陆"]
    static let cjkSuffixes = ["通信", "电信联盟", "网络", "广播", "卫星通信", "航天局", "通信公司", "宽带"]
    static let cities = [
        ("Geneva", "Switzerland"), ("Moscow", "Russia"), ("Paris", "France"), ("Washington", "United States"),
        ("Riyadh", "Saudi Arabia"), ("Bangkok", "Thailand"), ("Nairobi", "Kenya"), ("Brasília", "Brazil"),
        ("Tokyo", "Japan"), ("Beijing", "China"), ("Darmstadt", "Germany"), ("London", "United Kingdom"),
        ("Copenhagen", "Denmark"), ("Luxembourg", "Luxembourg"), ("Dakar", "Senegal"), ("Lima", "Peru"),
        ("Almaty", "Kazakhstan"), ("Jakarta", "Indonesia"), ("Cairo", "Egypt"), ("Montevideo", "Uruguay"),
    ]
    static let personNames = [
        "A. Novak", "M. Okafor", "L. Fernández", "K. Tanaka", "S. Haddad", "E. Lindqvist", "R. Mensah", "J. Dubois",
        "Н. Петрова", "И. Смирнов", "王伟", "李娜", "P. Sharma", "T. Nguyen", "C. Moreau", "D. Kowalski",
    ]
    static let roles = ["Director General", "Chief Executive Officer", "Secretary General", "Chair", "Head of Spectrum Affairs"]
    static let membershipCategories = [
        "Sector Member", "Associate", "Academia", "Intergovernmental organization operating satellite systems",
        "Regional telecommunication organization", "Scientific or industrial organization",
    ]
    static let membershipLabels = ["Gold Sector Member", "Founding Member", "Observer"]
}
