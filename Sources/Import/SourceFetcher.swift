import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches an `http://` or `https://` address with URLSession, within limits: a timeout for
/// the whole transfer (15 s), a size cap (10 MB, refused as soon as it is passed), at most
/// 5 redirects, and only http and https at every step.
public struct SourceFetcher: Sendable {
    public var timeout: TimeInterval
    public var maximumBytes: Int
    public var maximumRedirects: Int

    public init(timeout: TimeInterval = 15, maximumBytes: Int = 10 << 20, maximumRedirects: Int = 5) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }

    /// The message for a source over the size cap.
    var tooLargeMessage: String {
        let limit = maximumBytes >= 1 << 20 && maximumBytes % (1 << 20) == 0 ? "\(maximumBytes >> 20) MB" : "\(maximumBytes)-byte"
        return "larger than the \(limit) limit; not imported"
    }

    /// Whether `text` is an address this fetcher reads (it begins with `http://` or `https://`).
    public static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The body of the resource at `address`.
    public func fetch(_ address: String) throws(ImportFailure) -> [UInt8] {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw ImportFailure(source: address, message: "not an http or https address", isUnreachable: true)
        }
        let transfer = Transfer(limits: self, address: address)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("itu-browser import", forHTTPHeaderField: "User-Agent")
        session.dataTask(with: request).resume()
        if transfer.finished.wait(timeout: .now() + timeout + 1) == .timedOut {
            throw ImportFailure(source: address, message: "no answer within \(Int(timeout)) s", isUnreachable: true)
        }
        return try transfer.result()
    }
}

/// The state of one fetch, shared with URLSession's delegate queue under a lock.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    private let limits: SourceFetcher
    private let address: String
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var redirects = 0
    private var refusal: ImportFailure?
    private var transportError: Error?
    private var status = 0

    init(limits: SourceFetcher, address: String) {
        self.limits = limits
        self.address = address
    }

    func result() throws(ImportFailure) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let refusal { throw refusal }
        if let transportError {
            let nsError = transportError as NSError
            let message = nsError.code == NSURLErrorTimedOut ? "no answer within \(Int(limits.timeout)) s"
                : "cannot fetch it: " + nsError.localizedDescription
            throw ImportFailure(source: address, message: message, isUnreachable: true)
        }
        guard (200..<300).contains(status) else {
            throw ImportFailure(source: address, message: "the server answered HTTP \(status)", isUnreachable: true)
        }
        return body
    }

    private func refuse(_ message: String, unreachable: Bool) {
        lock.lock()
        if refusal == nil { refusal = ImportFailure(source: address, message: message, isUnreachable: unreachable) }
        lock.unlock()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirects += 1
        let count = redirects
        lock.unlock()
        let scheme = request.url?.scheme?.lowercased() ?? ""
        if count > limits.maximumRedirects {
            refuse("more than \(limits.maximumRedirects) redirects", unreachable: true)
            completionHandler(nil)
        } else if scheme != "http" && scheme != "https" {
            refuse("redirected to a \(scheme.isEmpty ? "non-web" : scheme) address; only http and https are followed", unreachable: true)
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        lock.unlock()
        if response.expectedContentLength > Int64(limits.maximumBytes) {
            refuse(tooLarge, unreachable: false)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        body.append(contentsOf: data)
        let over = body.count > limits.maximumBytes
        if over { body = [] }
        lock.unlock()
        if over {
            refuse(tooLarge, unreachable: false)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        if let error, (error as NSError).code != NSURLErrorCancelled || refusal == nil { transportError = error }
        lock.unlock()
        finished.signal()
    }

    private var tooLarge: String { limits.tooLargeMessage }
}
