/// Why a snapshot cannot be used; the caller then rebuilds from the source of truth.
public struct SnapshotError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
