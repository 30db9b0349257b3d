import ArgumentParser
import Catalog
import Foundation

/// `itu-browser generate`: writes a synthetic corpus, the same bytes for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic fixtures folder of up to 1,000,000 news items (deterministic for a seed).",
        discussion: """
            The folder is created if needed; one holding anything but fixture files is refused. \
            The files are written in a temporary folder beside it and moved into place at the end, \
            so a failure (a full disk included) leaves no partial folder. The output passes validate. \
            This command reads no fixtures.
            """
    )

    @Option(help: ArgumentHelp("How many news items (0 to \(CorpusGenerator.maximumNewsCount)).", valueName: "N"))
    var news: Int

    @Option(help: ArgumentHelp("How many organizations (0 to \(CorpusGenerator.maximumOrganizationCount)).", valueName: "M"))
    var orgs: Int

    @Option(help: ArgumentHelp("The folder to write sectors.json, organizations.json and news.json into.", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("The seed: the same seed gives the same files.", valueName: "S"))
    var seed: UInt64 = 1

    func run() throws {
        guard (0...CorpusGenerator.maximumNewsCount).contains(news) else {
            throw CommandFailure("--news must be from 0 to \(CorpusGenerator.maximumNewsCount) (about 1.5 GB of JSON), not \(news)")
        }
        guard (0...CorpusGenerator.maximumOrganizationCount).contains(orgs) else {
            throw CommandFailure("--orgs must be from 0 to \(CorpusGenerator.maximumOrganizationCount), not \(orgs)")
        }
        let generator = CorpusGenerator(newsCount: news, organizationCount: orgs, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try generator.write(to: out)
        } catch {
            throw CommandFailure("generate: \(error.description)")
        }
        let elapsed = clock.now - start
        let folder = FolderName.display(out)
        for name in ["sectors.json", "organizations.json", "news.json"] {
            let path = folder + name
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            Console.write("wrote \(path) (\(ByteCount.text(size)))")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Console.write("\(Plural.count(CorpusGenerator.sectors.count, "Sector")), \(Plural.count(orgs, "organization")), "
            + "\(Plural.count(news, "news item")) with seed \(seed) in \(String(format: "%.2f", seconds)) s")
    }
}

/// Sizes in words people read: `912 bytes`, `54.6 KB`, `118.2 MB`.
enum ByteCount {
    static func text(_ bytes: Int) -> String {
        if bytes < 1000 { return Plural.count(bytes, "byte") }
        if bytes < 1_000_000 { return String(format: "%.1f KB", Double(bytes) / 1000) }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
