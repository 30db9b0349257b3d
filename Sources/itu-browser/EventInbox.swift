import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where background work (the index builder, a reload) leaves its results for the run loop:
/// a locked queue and a self-pipe. Posting writes one byte to the pipe, so the loop's `poll()`
/// wakes up at once; the loop then drains the pipe and takes the queue.
///
/// `@unchecked Sendable`: the queue is only touched under `lock`, and the pipe's descriptors
/// never change after `init`.
final class EventInbox<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Event] = []
    /// The end `poll()` watches.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Nil when the system has no descriptors left for the pipe.
    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
        for descriptor in ends {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        _ = close(readDescriptor)
        _ = close(writeDescriptor)
    }

    /// Adds an event and wakes the loop. Safe from any thread; never blocks (a full pipe
    /// already holds a wake-up).
    func post(_ event: Event) {
        lock.withLock { queue.append(event) }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe and returns the events posted so far, oldest first.
    func take() -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
        return lock.withLock {
            defer { queue = [] }
            return queue
        }
    }
}
