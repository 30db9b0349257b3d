import Screen

/// The key bindings in force: `Keymap.bindings` with a person's overrides applied. It drives
/// `Browser.update` and the help overlay, so the help always shows the keys that work.
public struct BoundKeys: Sendable, Equatable {
    /// An action's new keys, as the config gave them.
    public struct Override: Sendable, Equatable {
        public var action: String
        public var keys: [Key]

        public init(action: String, keys: [Key]) {
            self.action = action
            self.keys = keys
        }
    }

    /// Why an override cannot be applied: the override at fault (its index) and a message.
    public struct Problem: Equatable, Sendable {
        public var overrideIndex: Int
        public var message: String
    }

    /// Every problem of a set of overrides.
    public struct Problems: Error, Equatable, Sendable {
        public var problems: [Problem]
    }

    public let bindings: [KeyBinding]
    private let table: [KeyContext: [Key: KeyBinding]]

    /// The keymap's own bindings.
    public static let standard = BoundKeys(Keymap.bindings)

    init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [KeyContext: [Key: KeyBinding]] = [:]
        for binding in bindings {
            for key in binding.keys where table[binding.context]?[key] == nil {
                table[binding.context, default: [:]][key] = binding
            }
        }
        self.table = table
    }

    /// The keymap with each override's keys replacing its action's keys in every row of that
    /// action. Fails on an unknown action, and when a key would do two things where it is
    /// looked up together (`quit = "j"` takes `j` from `move-down`), naming both actions.
    public static func overriding(_ overrides: [Override]) throws(Problems) -> BoundKeys {
        var problems: [Problem] = []
        var replacement: [String: (keys: [Key], index: Int)] = [:]
        for (index, override) in overrides.enumerated() {
            if Keymap.actionNames.contains(override.action) {
                replacement[override.action] = (override.keys, index)
            } else {
                problems.append(Problem(overrideIndex: index,
                                        message: "unknown action \"\(override.action)\" — actions: \(Keymap.actionNames.joined(separator: ", "))"))
            }
        }
        let bindings = Keymap.bindings.map { binding in
            guard let new = replacement[Keymap.name(of: binding.action)] else { return binding }
            return KeyBinding(new.keys, binding.action, binding.context, binding.help)
        }
        var reported = Set<String>()
        for chain in Keymap.lookupChains {
            var owner: [Key: KeyBinding] = [:]
            for context in chain {
                for binding in bindings where binding.context == context {
                    for key in binding.keys {
                        guard let other = owner[key] else {
                            owner[key] = binding
                            continue
                        }
                        guard other.action != binding.action else { continue }
                        let names = [Keymap.name(of: other.action), Keymap.name(of: binding.action)]
                        guard let index = names.compactMap({ replacement[$0]?.index }).min() else { continue }
                        let message = "key \(KeyBinding.name(of: key)) would do both \(names[0]) and \(names[1]); give one of them another key"
                        if reported.insert(message).inserted { problems.append(Problem(overrideIndex: index, message: message)) }
                    }
                }
            }
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        return BoundKeys(bindings)
    }

    /// The binding for `key` in `context`, if there is one.
    func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        table[context]?[key]
    }

    public static func == (lhs: BoundKeys, rhs: BoundKeys) -> Bool { lhs.bindings == rhs.bindings }
}
