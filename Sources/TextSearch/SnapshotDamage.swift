import Foundation

/// The first damage found in an index's snapshot after it was opened: a part checked only when
/// first used (see `BlockChecksums`) that did not match its checksum. The search that met it
/// went on without that part (no crash, no wrong bytes shown); its caller reads this and
/// rebuilds the index from the source of truth.
public final class SnapshotDamage: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    public init() {}

    public func record(_ what: String) {
        lock.withLock { if first == nil { first = what } }
    }

    /// What was found damaged first, nil while nothing was.
    public var found: String? { lock.withLock { first } }
}
