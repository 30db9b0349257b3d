import Browser

/// The state store as the run loop uses it, in the Browser's own terms (item references and
/// marks): what is recorded, writing one change, and whether another process wrote since.
protocol MarksStorage {
    /// Why the store cannot be written, when it is read-only.
    var readOnlyReason: String? { get }
    func allMarks() throws -> [ItemReference: ItemMarks]
    func setRead(_ item: ItemReference, _ read: Bool) throws
    func setStarred(_ item: ItemReference, _ starred: Bool) throws
    /// Nil or blank removes the note.
    func setNote(_ item: ItemReference, _ note: String?) throws
    /// True when another connection committed since the last call.
    func hasExternalChanges() -> Bool
}
