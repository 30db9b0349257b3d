import Foundation
import Testing
@testable import Catalog

@Suite("Case-insensitive keys")
struct CatalogKeyTests {
    @Test("a key is the lower-cased text, by the ASCII fast path or by Unicode's rules", arguments: [
        "itu-r", "ITU-R", "Intelsat US LLC", "EUTELSAT IGO", "mixed-Case_123 @[`{", "", "ÉCOLE", "İstanbul",
        "ΟΔΥΣΣΕΥΣ", "Ксения Дроздова", "ASCII then é",
    ])
    func keyIsLowercased(_ text: String) {
        #expect(Catalog.key(text) == text.lowercased())
    }

    @Test("organizations are found by id, short name and alias whatever their case")
    func lookupIgnoresCase() throws {
        let organization = Organization(id: "acme-sat", name: "Acme Satellites", shortName: "ACME", aliases: ["Acme Sat Co"],
                                        kind: "company")
        let catalog = Catalog(sectors: [], organizations: [organization], news: [])
        for name in ["ACME-SAT", "acme", "ACME SAT CO", "acme sat co"] {
            #expect(catalog.organization(id: name)?.id == "acme-sat", "\(name)")
        }
    }
}

@Suite("Reading whole files")
struct ReadFileTests {
    @Test("an empty file reads as no bytes, a small one as its bytes, and a folder is refused")
    func readsWholeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/empty", contents: Data()))
        #expect(FileManager.default.createFile(atPath: folder + "/small", contents: Data("abc".utf8)))
        #expect(try FileSystem.readFile(folder + "/empty").get() == [])
        #expect(try FileSystem.readFile(folder + "/small").get() == Array("abc".utf8))
        guard case .failure(let failure) = FileSystem.readFile(folder) else {
            Issue.record("a folder was read as a file")
            return
        }
        #expect(failure.message == "is a folder, not a file")
    }
}
