/// One of the eight ANSI colors, or the terminal's own default (its theme's foreground or
/// background). The built-in theme keeps to these eight so it reads on 8-color terminals;
/// `indexed` is a 256-color number a person chose in the config (a backend with fewer colors
/// shows 8–15 as 0–7 and higher numbers in the terminal's default color).
public enum Color: Hashable, Sendable {
    case terminalDefault, black, red, green, yellow, blue, magenta, cyan, white
    case indexed(UInt8)
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
