import Foundation

/// A small fixtures folder written for one test: names in Cyrillic, CJK and emoji, and one
/// name carrying a terminal escape sequence, so layout and sanitizing can be checked.
enum SmallFixtures {
    /// The organizations written, with the Sectors each is a member of (the table's last column).
    static let organizations: [(id: String, name: String, sectors: String)] = [
        ("latin", "Plain Latin Organization", "ITU-R"),
        ("cyrillic", "Международная организация космической связи", "ITU-D"),
        ("cjk", "国际电信联盟卫星通信", "ITU-R, ITU-D"),
        ("emoji", "Satellite 📡 Club", "ITU-R"),
        ("hostile", "Evil \u{1B}[31mRed\u{1B}[0m Corp", "ITU-D"),
        ("bidi", "Reversed \u{202E}txet\u{202C} and \u{9B}31m", "ITU-R"),
    ]

    static func write(to directory: TemporaryDirectory) throws {
        try directory.write("sectors.json", """
            {"schemaVersion": 1, "sectors": [
              {"id": "ITU-R", "name": "Radiocommunication Sector", "bureau": {"name": "Radiocommunication Bureau", "abbreviation": "BR"}, "mandate": "Spectrum and orbits."},
              {"id": "ITU-D", "name": "Telecommunication Development Sector", "bureau": {"name": "Telecommunication Development Bureau", "abbreviation": "BDT"}, "mandate": "ICT development."}
            ]}
            """)
        let organizations = Self.organizations.map { organization in
            let memberships = organization.sectors.components(separatedBy: ", ").map { "{\"sector\": \"\($0)\"}" }
            return """
                {"id": "\(organization.id)", "name": "\(escaped(organization.name))", "kind": "company", "memberships": [\(memberships.joined(separator: ", "))]}
                """
        }
        try directory.write("organizations.json", """
            {"schemaVersion": 1, "organizations": [\(organizations.joined(separator: ",\n"))]}
            """)
        try directory.write("news.json", """
            {"schemaVersion": 1, "news": [
              {"id": "2022-01-01-small", "date": "2022-01-01", "category": "Industry", "title": "A small item", "summary": "Short.", "body": "Body.", "organizations": ["cjk"], "sectors": ["ITU-R"]}
            ]}
            """)
    }

    private static func escaped(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
    }
}

/// Display width as the tests expect it, for the characters the small fixtures use: CJK
/// ideographs and emoji take two columns, everything else one.
func expectedDisplayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
        let v = scalar.value
        let wide = (0x4E00...0x9FFF).contains(v) || (0x1F300...0x1F64F).contains(v)
        return total + (wide ? 2 : 1)
    }
}
