/// The names a config may use that other modules own: the Browser's action names and key
/// names. The executable fills it in from the keymap, so Settings stays a leaf.
public struct ConfigVocabulary: Sendable {
    /// Action names accepted in `[keys]`, in the order messages list them.
    public var actions: [String]
    /// The default keys of each action, for the default file.
    public var defaultKeys: [String: [String]]
    /// Whether a key name is valid (`j`, `Ctrl-D`, `PgDn`).
    public var isKeyName: @Sendable (String) -> Bool
    /// How to write keys, for the message about a bad key name.
    public var keyNameHelp: String

    public init(actions: [String], defaultKeys: [String: [String]], isKeyName: @escaping @Sendable (String) -> Bool, keyNameHelp: String) {
        self.actions = actions
        self.defaultKeys = defaultKeys
        self.isKeyName = isKeyName
        self.keyNameHelp = keyNameHelp
    }
}
