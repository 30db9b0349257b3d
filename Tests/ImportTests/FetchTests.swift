import Foundation
import Testing
@testable import Import

@Suite("Importing from an address (a server on 127.0.0.1)")
struct FetchTests {
    @Test("a feed is fetched and read")
    func fetched() throws {
        let server = try LocalHTTPServer()
        let articles = try SourceReader().read(server.url("/feed"))
        #expect(articles.map(\.article.title) == ["ESA news over HTTP"])
    }

    @Test("up to 5 redirects are followed; a 6th is refused")
    func redirects() throws {
        let server = try LocalHTTPServer()
        #expect(try SourceFetcher().fetch(server.url("/redirect/5")) == Array(LocalHTTPServer.feed.utf8))
        do {
            _ = try SourceFetcher().fetch(server.url("/redirect/6"))
            Issue.record("a sixth redirect was followed")
        } catch {
            #expect(error.message == "more than 5 redirects")
            #expect(error.isUnreachable)
        }
    }

    @Test("a redirect away from http and https is refused")
    func otherScheme() throws {
        let server = try LocalHTTPServer()
        #expect(throws: ImportFailure.self) { try SourceFetcher().fetch(server.url("/to-ftp")) }
    }

    @Test("a server slower than the timeout is given up on")
    func timeout() throws {
        let server = try LocalHTTPServer()
        let started = Date()
        do {
            _ = try SourceFetcher(timeout: 0.5).fetch(server.url("/slow"))
            Issue.record("a slow answer was waited for")
        } catch {
            #expect(error.isUnreachable)
            #expect(error.message.contains("no answer within") || error.message.contains("timed out"))
        }
        // The server answers after 10 s: ending well before that shows the 0.5 s timeout acted,
        // with room for a loaded machine.
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test("a body over the cap is refused, with or without a Content-Length; one at the cap is read")
    func cap() throws {
        let server = try LocalHTTPServer()
        let fetcher = SourceFetcher(maximumBytes: 100_000)
        #expect(try fetcher.fetch(server.url("/big/100000")).count == 100_000)
        for path in ["/big/100001", "/stream/300000"] {
            do {
                _ = try fetcher.fetch(server.url(path))
                Issue.record("\(path) was read past the cap")
            } catch {
                #expect(error.message.contains("limit"), "\(path): \(error.message)")
                #expect(!error.isUnreachable)
            }
        }
    }

    @Test("a file over the cap is refused too, with the limit in the message")
    func fileCap() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cap-\(UUID().uuidString).txt").path
        try Data(repeating: UInt8(ascii: "a"), count: 200_001).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SourceReader(fetcher: SourceFetcher(maximumBytes: 200_000)).read(path)
            Issue.record("a file over the cap was read")
        } catch {
            #expect(error.message == "larger than the 200000-byte limit; not imported")
            #expect(!error.isUnreachable)
        }
        #expect(SourceFetcher().tooLargeMessage == "larger than the 10 MB limit; not imported")
    }

    @Test("the default cap is 10 MB")
    func defaultCap() throws {
        let server = try LocalHTTPServer()
        #expect(throws: ImportFailure.self) { try SourceFetcher().fetch(server.url("/big/\((10 << 20) + 1)")) }
    }

    @Test("only http and https addresses; an error status is unreachable")
    func addresses() throws {
        let server = try LocalHTTPServer()
        #expect(throws: ImportFailure.self) { try SourceFetcher().fetch("file:///etc/passwd") }
        do {
            _ = try SourceFetcher().fetch(server.url("/missing"))
            Issue.record("a 404 was read")
        } catch {
            #expect(error.message == "the server answered HTTP 404")
        }
    }
}
