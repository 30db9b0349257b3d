import CNcurses
import Screen

/// The mapping between `Attributes` and ncurses' `attr_t` bits.
enum TerminalAttributes {
    private static let table: [(Attributes, attr_t)] = [
        (.bold, itu_attr_bold()), (.dim, itu_attr_dim()), (.underline, itu_attr_underline()),
        (.reverse, itu_attr_reverse()), (.italic, itu_attr_italic()),
    ]

    static func curses(_ attributes: Attributes) -> attr_t {
        table.reduce(itu_attr_normal()) { bits, entry in attributes.contains(entry.0) ? bits | entry.1 : bits }
    }

    static func attributes(fromCurses bits: attr_t) -> Attributes {
        table.reduce(into: Attributes()) { attributes, entry in
            if bits & entry.1 != 0 { attributes.insert(entry.0) }
        }
    }
}
