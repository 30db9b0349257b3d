import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches an `http://` or `https://` address with URLSession, within limits: a timeout for the
/// whole transfer, a size cap (refused as soon as it is passed), a number of redirects, and only
/// http and https at every step.
///
/// Only the `itu-browser-fetch` helper has this code: FoundationNetworking brings libcurl
/// and its TLS libraries, whose start-up would otherwise cost every command about 10 ms.
struct WebFetcher: Sendable {
    var timeout: TimeInterval
    var maximumBytes: Int
    var maximumRedirects: Int

    init(timeout: TimeInterval, maximumBytes: Int, maximumRedirects: Int) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }

    /// The body of the resource at `address`.
    func fetch(_ address: String) throws(WebFetchFailure) -> [UInt8] {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw .unreachable("not an http or https address")
        }
        let transfer = Transfer(limits: self)
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
            throw .unreachable(WebFetchFailure.noAnswer(within: timeout))
        }
        return try transfer.result()
    }
}

/// Why an address was not fetched.
enum WebFetchFailure: Error, Equatable, Sendable {
    /// The body is larger than the size cap.
    case tooLarge
    /// The address could not be read: the message says why (no answer, an HTTP error status,
    /// too many redirects, a transport error).
    case unreachable(String)

    static func noAnswer(within timeout: TimeInterval) -> String {
        "no answer within \(timeout < 1 ? String(timeout) : String(Int(timeout))) s"
    }
}

/// The state of one fetch, shared with URLSession's delegate queue under a lock.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    private let limits: WebFetcher
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var redirects = 0
    private var refusal: WebFetchFailure?
    private var transportError: Error?
    private var status = 0

    init(limits: WebFetcher) {
        self.limits = limits
    }

    func result() throws(WebFetchFailure) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let refusal { throw refusal }
        if let transportError {
            let nsError = transportError as NSError
            throw .unreachable(nsError.code == NSURLErrorTimedOut ? WebFetchFailure.noAnswer(within: limits.timeout)
                                : "cannot fetch it: " + nsError.localizedDescription)
        }
        guard (200..<300).contains(status) else { throw .unreachable("the server answered HTTP \(status)") }
        return body
    }

    private func refuse(_ failure: WebFetchFailure) {
        lock.lock()
        if refusal == nil { refusal = failure }
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
            refuse(.unreachable("more than \(limits.maximumRedirects) redirects"))
            completionHandler(nil)
        } else if scheme != "http" && scheme != "https" {
            refuse(.unreachable("redirected to a \(scheme.isEmpty ? "non-web" : scheme) address; only http and https are followed"))
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
            refuse(.tooLarge)
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
            refuse(.tooLarge)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        if let error, (error as NSError).code != NSURLErrorCancelled || refusal == nil { transportError = error }
        lock.unlock()
        finished.signal()
    }
}
