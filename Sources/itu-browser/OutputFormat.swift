import ArgumentParser

/// `--format` of `list` and `search`: a table for people, JSON for scripts.
enum TableFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json
}

/// `--format` of `show`: text for people, JSON for scripts.
enum DetailFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
