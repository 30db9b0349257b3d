import Screen

/// Every style the Browser draws with, in one place.
///
/// The theme sits on the terminal's own background and uses only the eight ANSI colors; every
/// distinction is also carried by an attribute (bold, reverse, underline, dim), so the screen
/// reads the same in monochrome and under `NO_COLOR` (where a backend drops the colors).
enum Theme {
    static let plain = Style.plain
    /// Hints, separators, secondary columns, and "not recorded".
    static let dim = Style(attributes: .dim)
    static let notRecorded = Style(attributes: [.dim, .italic])

    static let topBar = Style(attributes: .reverse)
    static let topBarTitle = Style(attributes: [.reverse, .bold])
    static let statusLine = Style.plain
    static let statusMessage = Style(foreground: .yellow, attributes: .bold)
    static let statusProblem = Style(foreground: .red, attributes: .bold)
    static let position = Style(attributes: .bold)

    static let border = Style(attributes: .dim)
    static let focusedBorder = Style(foreground: .cyan, attributes: .bold)
    static let paneTitle = Style(attributes: .bold)
    static let focusedPaneTitle = Style(attributes: [.reverse, .bold])

    static let selection = Style(attributes: .reverse)
    static let focusedSelection = Style(attributes: [.reverse, .bold])

    static let tab = Style.plain
    static let activeTab = Style(attributes: [.reverse, .bold])

    static let heading = Style(foreground: .magenta, attributes: .bold)
    static let title = Style(attributes: [.bold, .underline])
    static let label = Style(attributes: .bold)
    static let date = Style(foreground: .green)
    static let link = Style(foreground: .cyan, attributes: .underline)
    static let selectedLink = Style(foreground: .cyan, attributes: [.underline, .reverse, .bold])
    static let highlight = Style(foreground: .yellow, attributes: [.bold, .underline])
    static let typeMarker = Style(foreground: .blue, attributes: .bold)
    /// The `●` of an unread news item (its title is bold too, so it reads in monochrome).
    static let unread = Style(foreground: .blue, attributes: .bold)
    static let unreadTitle = Style(attributes: .bold)
    /// The `★` of a starred item.
    static let star = Style(foreground: .yellow, attributes: .bold)
    static let facet = Style(attributes: [.reverse, .bold, .underline])

    static let queryPrompt = Style(attributes: .bold)
    static let helpKey = Style(foreground: .cyan, attributes: .bold)
    static let helpHeading = Style(foreground: .magenta, attributes: [.bold, .underline])
}
