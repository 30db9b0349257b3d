import Foundation
import Testing

/// Several real `itu-browser` processes on one state database: writers at the same time, and
/// a writer killed with SIGKILL in the middle of a large import.
@Suite struct StateProcessTests {
    /// Starts the built executable in the background on the state folder, standard output
    /// discarded and standard error written to `errors` when given.
    static func start(_ arguments: [String], stateHome: URL, errors: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try ITUBrowserProcess.executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = stateHome.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            try Data().write(to: errors)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func items(prefix: String, count: Int, note: String? = nil) -> [String] {
        (0..<count).map { i in
            #"{"type": "news", "id": "\#(prefix)-\#(i)", "read_at": "2026-12-01T09:00:00Z""#
                + (note.map { #", "note": "\#($0)""# } ?? "") + "}"
        }
    }

    static func write(_ items: [String], to url: URL) throws {
        try Data(StateCommandTests.archive(items).utf8).write(to: url)
    }

    static func exportedItems(stateHome: URL) throws -> (items: [[String: Any]], stderr: String) {
        let export = try ITUBrowserProcess.run(["state", "export"], environment: ["XDG_STATE_HOME": stateHome.path])
        #expect(export.status == 0, "\(export.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        return (try #require(object?["items"] as? [[String: Any]]), export.stderr)
    }

    @Test func fourProcessesImportingAtOnceAllLand() throws {
        let folder = try TemporaryDirectory()
        var files: [URL] = []
        for writer in 0..<4 {
            let file = folder.url.appendingPathComponent("writer-\(writer).json")
            let shared = #"{"type": "organization", "id": "intersputnik", "starred_at": "2026-12-0\#(writer + 1)T10:00:00Z", "note": "from writer \#(writer)"}"#
            try Self.write(Self.items(prefix: "writer\(writer)", count: 500) + [shared], to: file)
            files.append(file)
        }
        let errors = files.map { $0.appendingPathExtension("stderr") }
        let processes = try zip(files, errors).map { try Self.start(["state", "import", $0.path], stateHome: folder.url, errors: $1) }
        for process in processes { process.waitUntilExit() }
        let messages = try errors.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0], "\(messages)")

        let (items, stderr) = try Self.exportedItems(stateHome: folder.url)
        #expect(stderr.isEmpty)
        #expect(items.count == 4 * 500 + 1)
        let organization = try #require(items.first { $0["type"] as? String == "organization" })
        let note = try #require(organization["note"] as? String)
        for writer in 0..<4 { #expect(note.contains("from writer \(writer)")) }
        #expect(organization["starred_at"] as? String == "2026-12-04T10:00:00.000Z")
    }

    @Test func aWriterKilledMidImportLeavesTheEarlierStateAndAnIntactDatabase() throws {
        let folder = try TemporaryDirectory()
        let before = folder.url.appendingPathComponent("before.json")
        try Self.write([#"{"type": "organization", "id": "intersputnik", "starred_at": "2026-12-01T10:00:00Z", "note": "kept"}"#], to: before)
        let first = try ITUBrowserProcess.run(["state", "import", before.path], environment: ["XDG_STATE_HOME": folder.url.path])
        #expect(first.status == 0, "\(first.stderr)")

        let large = folder.url.appendingPathComponent("large.json")
        let count = 60_000
        try Self.write(Self.items(prefix: "bulk", count: count, note: String(repeating: "a long note ", count: 8)), to: large)
        let wal = folder.url.appendingPathComponent("itu-browser/state.sqlite-wal")
        let initialWAL = (try? FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int) ?? 0
        let writer = try Self.start(["state", "import", large.path], stateHome: folder.url)
        // Kill it as soon as the import's transaction has begun writing pages to the WAL.
        let deadline = Date().addingTimeInterval(60)
        while writer.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int) ?? 0
            if size > initialWAL { break }
            usleep(200)
        }
        let killedWhileRunning = writer.isRunning
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(killedWhileRunning, "the import finished before it could be killed; make it larger")
        #expect(writer.terminationReason == .uncaughtSignal)

        let (items, stderr) = try Self.exportedItems(stateHome: folder.url)
        #expect(stderr.isEmpty, "the database was not intact after the kill: \(stderr)")
        let organization = try #require(items.first { $0["type"] as? String == "organization" })
        #expect(organization["note"] as? String == "kept")
        let bulk = items.count - 1
        #expect(bulk == 0 || bulk == count, "a killed transaction left \(bulk) of \(count) items")
        let after = try ITUBrowserProcess.run(["state", "import", before.path], environment: ["XDG_STATE_HOME": folder.url.path])
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after.stderr)")
    }
}
