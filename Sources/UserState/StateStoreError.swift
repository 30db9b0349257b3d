/// Why a change to the state was not saved, in one line for the status line or standard error.
public struct StateStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
