import Testing
import XDGDirectories

@Suite struct XDGBaseDirectoryTests {
    @Test(arguments: XDGBaseDirectory.allCases)
    func anAbsoluteVariableWins(kind: XDGBaseDirectory) {
        let environment = [kind.variable: "/x/\(kind.rawValue)", "HOME": "/home/a"]
        #expect(kind.folder(environment: environment) == "/x/\(kind.rawValue)/itu-browser")
    }

    @Test(arguments: zip(XDGBaseDirectory.allCases, ["/home/a/.config", "/home/a/.local/state", "/home/a/.cache", "/home/a/.local/share"]))
    func unsetEmptyOrRelativeFallsBackToHome(kind: XDGBaseDirectory, expected: String) {
        #expect(kind.base(environment: ["HOME": "/home/a"]) == expected)
        #expect(kind.base(environment: [kind.variable: "", "HOME": "/home/a"]) == expected)
        #expect(kind.base(environment: [kind.variable: "relative/path", "HOME": "/home/a"]) == expected)
    }

    @Test func withoutHomeTheUsersHomeDirectoryIsUsed() {
        let base = XDGBaseDirectory.cache.base(environment: [:])
        #expect(base.hasPrefix("/") && base.hasSuffix("/.cache"))
    }
}
