import Foundation
import Testing

/// `config check`, `config default`, exit status 78, and the order in which the data folder is chosen.
@Suite struct ConfigCommandTests {
    /// A config home with `itu-browser/config.toml` holding `text`.
    static func configHome(_ text: String?) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        if let text {
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("itu-browser"), withIntermediateDirectories: true)
            try folder.write("itu-browser/config.toml", text)
        }
        return folder
    }

    @Test func theDefaultFileIsAcceptedByCheck() throws {
        let printed = try ITUBrowserProcess.run(["config", "default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("\n[keys]\n") && printed.stdout.contains("\n# quit = \"q\"\n"))
        let home = try Self.configHome(printed.stdout)
        let check = try ITUBrowserProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.url.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "\(home.url.path)/itu-browser/config.toml: OK, every setting at its default\n")
    }

    @Test func withoutAFileCheckSaysTheDefaultsApply() throws {
        let home = try Self.configHome(nil)
        let check = try ITUBrowserProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.url.path])
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix("config.toml: no such file; the defaults apply (itu-browser config default prints them)\n"))
    }

    @Test func problemsAreListedWithLinesAndExit78() throws {
        let home = try Self.configHome("[keys]\nquit = \"x\"\njump = \"z\"\n\n[colors]\nborder = \"purple\"\n")
        let check = try ITUBrowserProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.url.path])
        #expect(check.status == 78)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\(home.url.path)/itu-browser/config.toml:3: unknown action \"jump\" in [keys] — actions: quit, "))
        #expect(lines[1].hasPrefix("\(home.url.path)/itu-browser/config.toml:6: unknown color \"purple\" for border — colors: default, black, "))
        #expect(lines[2] == "itu-browser: invalid config \(home.url.path)/itu-browser/config.toml (check it with: itu-browser config check)")
    }

    @Test func aKeyConflictIsAConfigProblemWithItsLine() throws {
        let home = try Self.configHome("[keys]\n\nquit = \"j\"\n")
        let check = try ITUBrowserProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.url.path])
        #expect(check.status == 78)
        #expect(check.stderr.hasPrefix("\(home.url.path)/itu-browser/config.toml:3: key j would do both move-down and quit; give one of them another key\n"))
    }

    @Test func theBrowserDoesNotStartWithABadConfig() throws {
        let home = try Self.configHome("[colors]\nshine = 1\n")
        let browse = try ITUBrowserProcess.runOnBundled(["browse"], environment: ["XDG_CONFIG_HOME": home.url.path])
        #expect(browse.status == 78)
        #expect(browse.stderr.contains("config.toml:2: unknown color role \"shine\""))
        #expect(browse.stdout.isEmpty)
    }

    @Test func theDataFolderIsChosenInTheDocumentedOrder() throws {
        let fromOption = try TemporaryDirectory(), fromEnvironment = try TemporaryDirectory()
        let fromConfig = try TemporaryDirectory(), dataHome = try TemporaryDirectory()
        for (folder, id) in [(fromOption, "option"), (fromEnvironment, "environment"), (fromConfig, "config")] {
            try SmallFixtures.write(to: folder)
            try folder.write("sectors.json", try String(contentsOf: folder.url.appendingPathComponent("sectors.json"), encoding: .utf8)
                .replacingOccurrences(of: "Radiocommunication", with: "Radiocommunication from \(id)"))
        }
        let installed = dataHome.url.appendingPathComponent("itu-browser/fixtures")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        for name in ["sectors.json", "organizations.json", "news.json"] {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: ITUBrowserProcess.bundledFixtures).appendingPathComponent(name),
                                             to: installed.appendingPathComponent(name))
        }
        let config = try Self.configHome("[data]\nfixtures = \"\(fromConfig.url.path)\"\n")
        let elsewhere = try TemporaryDirectory()
        let copy = elsewhere.url.appendingPathComponent("itu-browser")
        try ITUBrowserProcess.copyExecutable(to: copy)

        func sectors(_ arguments: [String], _ environment: [String: String]) throws -> String {
            let output = try ITUBrowserProcess.run(["list", "sectors"] + arguments, executable: copy, in: elsewhere.url, environment: environment)
            #expect(output.status == 0, "\(output.stderr)")
            return output.stdout
        }
        var environment = ["ITU_BROWSER_FIXTURES": fromEnvironment.url.path, "XDG_CONFIG_HOME": config.url.path,
                           "XDG_DATA_HOME": dataHome.url.path]
        #expect(try sectors(["--fixtures", fromOption.url.path], environment).contains("from option"))
        #expect(try sectors([], environment).contains("from environment"))
        environment["ITU_BROWSER_FIXTURES"] = nil
        #expect(try sectors([], environment).contains("from config"))
        environment["XDG_CONFIG_HOME"] = nil
        let installedList = try sectors([], environment)
        #expect(installedList.contains("ITU-R  Radiocommunication Sector") && installedList.contains("ITU-D"))
    }

    @Test func aMissingFolderFromTheConfigNamesTheLine() throws {
        let config = try Self.configHome("\n[data]\nfixtures = \"no-such-folder\"\n")
        let output = try ITUBrowserProcess.run(["list", "sectors"], environment: ["XDG_CONFIG_HOME": config.url.path])
        #expect(output.status == 1)
        #expect(output.stderr == "itu-browser: fixtures folder \"\(config.url.path)/itu-browser/no-such-folder\" "
            + "(from \(config.url.path)/itu-browser/config.toml:3) does not exist\n")
    }
}
