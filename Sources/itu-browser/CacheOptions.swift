import ArgumentParser

/// `--no-cache` and `--verbose`: whether a command may use the fixtures folder's snapshot, and
/// whether it says what it did with it.
struct CacheOptions: ParsableArguments {
    /// The help of `--no-cache`, also offered by `browse` on its own.
    static let noCacheHelp: ArgumentHelp = "Neither read nor write the fixtures' snapshot (see: itu-browser cache info)."

    @Flag(name: .customLong("no-cache"), help: noCacheHelp)
    var noCache = false

    @Flag(help: "Say on standard error why the snapshot was not used, and whether a new one was written.")
    var verbose = false
}
