import Dispatch

/// Work started on another thread at once, whose value is waited for when it is needed.
///
/// `value` blocks until the work has ended; the semaphore's signal after the write, and the
/// wait before the read, order the two, so the value is read only once it is complete.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.finished.signal()
        }
    }

    /// The work's value, once it has ended.
    var value: Value {
        finished.wait()
        finished.signal()
        return result!
    }
}
