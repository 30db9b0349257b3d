import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, run by the test process itself,
/// answering a few fixed paths; it exists only while a test holds it.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32

    /// The body served at `/feed`, `/redirect/0` and after redirects.
    static let feed = """
        <rss version="2.0"><channel><item><title>ESA news over HTTP</title><link>https://example.org/http-1</link>
        <pubDate>2022-06-01</pubDate><description>ESA spoke at ITU-R.</description></item></channel></rss>
        """

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        self.listener = listener
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: address.sin_port)
        self.port = port
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Thread.detachNewThread { LocalHTTPServer.serve(connection, port: port) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private static func serve(_ connection: Int32, port: UInt16) {
        defer { close(connection) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let got = read(connection, &buffer, buffer.count)
            guard got > 0 else { return }
            request += buffer[0..<got]
        }
        let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self)
        let path = line.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        func respond(_ status: String, _ headers: [String] = [], body: [UInt8] = [], length: Bool = true) {
            var head = "HTTP/1.1 \(status)\r\nConnection: close\r\n"
            for header in headers { head += header + "\r\n" }
            if length { head += "Content-Length: \(body.count)\r\n" }
            send(Array((head + "\r\n").utf8) + body)
        }
        func send(_ bytes: [UInt8]) {
            var sent = 0
            while sent < bytes.count {
                let got = bytes[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                if got <= 0 { return }
                sent += got
            }
        }
        switch path {
        case "/feed":
            respond("200 OK", ["Content-Type: application/rss+xml"], body: Array(feed.utf8))
        case _ where path.hasPrefix("/redirect/"):
            let remaining = Int(path.dropFirst("/redirect/".count)) ?? 0
            if remaining == 0 {
                respond("200 OK", body: Array(feed.utf8))
            } else {
                respond("302 Found", ["Location: http://127.0.0.1:\(port)/redirect/\(remaining - 1)"])
            }
        case "/to-ftp":
            respond("302 Found", ["Location: ftp://127.0.0.1/feed"])
        case "/slow":
            sleep(10)
            respond("200 OK", body: Array(feed.utf8))
        case _ where path.hasPrefix("/big/"):
            let size = Int(path.dropFirst("/big/".count)) ?? 0
            respond("200 OK", body: [UInt8](repeating: UInt8(ascii: "a"), count: size))
        case _ where path.hasPrefix("/stream/"):
            // No Content-Length: the size is only known by reading.
            let size = Int(path.dropFirst("/stream/".count)) ?? 0
            respond("200 OK", body: [UInt8](repeating: UInt8(ascii: "a"), count: size), length: false)
        default:
            respond("404 Not Found", body: Array("not here".utf8))
        }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4) where self[index] == 0x0D && self[index + 1] == 0x0A && self[index + 2] == 0x0D && self[index + 3] == 0x0A {
            return true
        }
        return false
    }
}
