// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// ITU Browser: a terminal browser over the ITU's Sectors, their member organizations and news.
///
/// Dependencies point one way: the executable wires `Terminal` and `Browser`; `Browser` uses
/// `Catalog`, `TextSearch` (through `CatalogSearch`) and `Screen`; `Catalog` and `TextSearch`
/// know nothing of terminals, and `Terminal` is the only code that touches ncurses.
let package = Package(
    name: "ITUBrowser",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "itu-browser", targets: ["itu-browser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "Catalog"),
        .target(name: "SnapshotFormat", dependencies: ["CLibDeflate"]),
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(name: "TextSearch", dependencies: ["SnapshotFormat", "CPrefetch"], exclude: ["QUERY-LANGUAGE.md"]),
        // A header only: the CPU prefetch hint TextSearch gives before reading its hits (see `HitPrefetch`).
        .systemLibrary(name: "CPrefetch"),
        .target(name: "CatalogSearch", dependencies: ["Catalog", "TextSearch", "SnapshotFormat"]),
        .target(name: "CatalogCache", dependencies: ["Catalog", "CatalogSearch", "SnapshotFormat", "XDGDirectories"]),
        .target(name: "Screen"),
        .target(name: "Browser", dependencies: ["Catalog", "CatalogSearch", "Screen"]),
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "Terminal", dependencies: ["CNcurses", "Screen"]),
        .target(name: "XDGDirectories"),
        .target(name: "UserState", dependencies: ["XDGDirectories", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Settings", dependencies: ["XDGDirectories", .product(name: "TOMLKit", package: "TOMLKit")]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Import", dependencies: ["Catalog", "TextSearch", "CLibXML2"]),
        // URLSession, in a helper program of its own (see `SourceFetcher`). Its code is in the
        // executable itself, not in a library: a library would be linked into itu-browser too.
        .executableTarget(
            name: "itu-browser-fetch",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "itu-browser",
            dependencies: [
                "Catalog", "CatalogSearch", "Browser", "Terminal", "Screen", "UserState", "Settings", "Import", "CatalogCache", "XDGDirectories",
                // Not linked in: the dependency makes every build of itu-browser build its fetch helper too.
                "itu-browser-fetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark programs: they print figures; they are not tests.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .executableTarget(name: "bench-catalog", dependencies: ["Catalog"], path: "Benchmarks/bench-catalog"),
        .executableTarget(
            name: "bench-search",
            dependencies: ["Catalog", "TextSearch", "CatalogSearch", "CSQLite"],
            path: "Benchmarks/bench-search"
        ),
        .executableTarget(name: "bench-startup", path: "Benchmarks/bench-startup"),
        .executableTarget(
            name: "bench-browser",
            dependencies: ["Catalog", "CatalogSearch", "Browser", "Screen"],
            path: "Benchmarks/bench-browser"
        ),
        .executableTarget(name: "bench-import", dependencies: ["Catalog", "Import"], path: "Benchmarks/bench-import"),

        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "TextSearchTests", dependencies: ["TextSearch", "SnapshotFormat"]),
        .testTarget(name: "CatalogSearchTests", dependencies: ["Catalog", "CatalogSearch", "TextSearch"]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "Catalog", "CatalogSearch", "Screen"], exclude: ["Golden"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Screen", "CNcurses"]),
        // Runs the built executable in child processes: the dependency makes sure it is built first.
        .testTarget(name: "CommandLineTests", dependencies: ["itu-browser"]),
        .testTarget(name: "UserStateTests", dependencies: ["UserState", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        // The fetch tests run the built helper: the dependency makes sure it is built first.
        .testTarget(name: "ImportTests", dependencies: ["Import", "Catalog", "TextSearch", "itu-browser-fetch"]),
        .testTarget(name: "CatalogCacheTests", dependencies: ["CatalogCache", "Catalog", "CatalogSearch", "SnapshotFormat"]),
        .testTarget(name: "XDGDirectoriesTests", dependencies: ["XDGDirectories"]),
    ]
)

/// The modules with unsafe code (the fixture loader, the index builder's concurrent writes through
/// pointers, the ranker, the snapshot reader, the terminal's signal handling) and their tests.
///
/// With `ITU_BROWSER_PACKAGE=unsafe-code` in the environment the package is only these: `.ci/run`
/// builds it so for its two sanitizer runs (both in release mode), which then need not compile
/// the dependencies, the executable and the benchmarks again. Every other
/// use of the package (the README's commands included) sees all of it.
let unsafeCodeTargets: Set<String> = [
    "Catalog", "SnapshotFormat", "CLibDeflate", "CPrefetch", "TextSearch", "CatalogSearch", "CatalogCache", "XDGDirectories", "Screen", "CNcurses", "Terminal",
    "CatalogTests", "TextSearchTests", "CatalogSearchTests", "CatalogCacheTests", "TerminalTests",
]
if ProcessInfo.processInfo.environment["ITU_BROWSER_PACKAGE"] == "unsafe-code" {
    package.targets = package.targets.filter { unsafeCodeTargets.contains($0.name) }
    package.products = []
    package.dependencies = []
}
