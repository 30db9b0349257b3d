/// One of the eight ANSI colors, or the terminal's own default (its theme's foreground or
/// background). The palette is kept to eight so every theme reads on 8-color terminals.
public enum Color: UInt8, Hashable, Sendable, CaseIterable {
    case terminalDefault, black, red, green, yellow, blue, magenta, cyan, white
}

/// Text attributes. They carry meaning on their own so a screen still reads in monochrome.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)
}

/// How a cell is drawn: colors and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colors, no attributes.
    public static let plain = Style()

    public func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// The same attributes without any color, for monochrome terminals and `NO_COLOR`.
    public var withoutColor: Style { Style(attributes: attributes) }
}
