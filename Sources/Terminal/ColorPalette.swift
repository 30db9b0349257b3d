import CNcurses
import Screen

/// Color pairs for the (foreground, background) combinations a Frame uses, allocated on demand.
///
/// Eight colors plus the terminal's default make at most 81 pairs, but some terminals offer
/// fewer (the Linux console has 64): when none are left, a style falls back to its foreground
/// on the default background, then to pair 0, so painting never fails.
struct ColorPalette {
    /// False under monochrome terminals and `NO_COLOR`: every style is painted with pair 0.
    let enabled: Bool
    /// Whether `use_default_colors` worked, so -1 means the terminal's own color.
    let hasDefaultColors: Bool
    private let pairLimit: Int
    /// How many colors the terminal has (`COLORS`): 8, 16, 256…
    let colorCount: Int
    private let initializePair: (Int16, Int16, Int16) -> Bool
    private var pairs: [Pair: Int16] = [:]

    private struct Pair: Hashable {
        var foreground: Color
        var background: Color
    }

    /// A palette that allocates through `initializePair(pair, foreground, background)`.
    init(enabled: Bool, hasDefaultColors: Bool, pairLimit: Int, colorCount: Int = 8,
         initializePair: @escaping (Int16, Int16, Int16) -> Bool) {
        self.enabled = enabled
        self.hasDefaultColors = hasDefaultColors
        self.pairLimit = min(pairLimit, Int(Int16.max))
        self.colorCount = colorCount
        self.initializePair = initializePair
    }

    /// The palette for the ncurses screen that is current, after `start_color`.
    static func forCurrentScreen(enabled: Bool, hasDefaultColors: Bool) -> ColorPalette {
        ColorPalette(enabled: enabled, hasDefaultColors: hasDefaultColors, pairLimit: Int(itu_color_pairs()),
                     colorCount: Int(itu_colors())) {
            init_pair($0, $1, $2) == OK
        }
    }

    /// The ncurses pair number that paints `foreground` on `background`.
    mutating func pair(foreground: Color, background: Color) -> Int16 {
        guard enabled else { return 0 }
        let wanted = Pair(foreground: foreground, background: background)
        if wanted == Pair(foreground: .terminalDefault, background: .terminalDefault) { return 0 }
        if let known = pairs[wanted] { return known }
        let next = Int16(pairs.count + 1)
        if Int(next) < pairLimit,
           initializePair(next, cursesColor(foreground, isBackground: false), cursesColor(background, isBackground: true)) {
            pairs[wanted] = next
            return next
        }
        if background != .terminalDefault { return pair(foreground: foreground, background: .terminalDefault) }
        return 0
    }

    /// The ncurses color number for `color`: -1 for the terminal's default when the terminal
    /// supports it, otherwise white text on black. A 256-color number beyond the terminal's
    /// colors becomes its ANSI color (8–15 → 0–7), else the default.
    func cursesColor(_ color: Color, isBackground: Bool) -> Int16 {
        switch color {
        case .indexed(let number) where Int(number) < colorCount: Int16(number)
        case .indexed(let number) where number < 16: Int16(number - 8)
        case .terminalDefault, .indexed: hasDefaultColors ? -1 : Int16(isBackground ? COLOR_BLACK : COLOR_WHITE)
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    /// The `Color` for an ncurses color number (the inverse of `cursesColor`).
    func color(fromCurses number: Int16) -> Color {
        switch Int32(number) {
        case COLOR_BLACK: .black
        case COLOR_RED: .red
        case COLOR_GREEN: .green
        case COLOR_YELLOW: .yellow
        case COLOR_BLUE: .blue
        case COLOR_MAGENTA: .magenta
        case COLOR_CYAN: .cyan
        case COLOR_WHITE: .white
        case 8...255: .indexed(UInt8(number))
        default: .terminalDefault
        }
    }
}
