import ArgumentParser

/// `--no-cache` and `--verbose`: whether a command may use the fixtures folder's snapshot, and
/// whether it says what it did with it.
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the fixtures' snapshot (see: itu-browser cache info).")
    var noCache = false

    @Flag(help: "Say on standard error why the snapshot was not used, and whether a new one was written.")
    var verbose = false

    /// The same options without notes (the browser's screen is no place for them).
    var quiet: CacheOptions {
        var options = self
        options.verbose = false
        return options
    }
}
