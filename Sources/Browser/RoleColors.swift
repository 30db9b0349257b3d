import Screen

/// Colors a person chose for parts of the screen (the config's `[colors]`); nil keeps the
/// theme's own. Attributes never change, so the screen still reads in monochrome.
public struct RoleColors: Hashable, Sendable {
    public var title: Color?
    public var selection: Color?
    public var highlight: Color?
    public var unread: Color?
    public var star: Color?
    public var border: Color?
    public var status: Color?

    public init(title: Color? = nil, selection: Color? = nil, highlight: Color? = nil, unread: Color? = nil,
                star: Color? = nil, border: Color? = nil, status: Color? = nil) {
        self.title = title
        self.selection = selection
        self.highlight = highlight
        self.unread = unread
        self.star = star
        self.border = border
        self.status = status
    }

    /// `style` with its foreground set to the role's color, when one was chosen.
    public func apply(_ role: KeyPath<RoleColors, Color?>, to style: Style) -> Style {
        guard let color = self[keyPath: role] else { return style }
        var colored = style
        colored.foreground = color
        return colored
    }
}
