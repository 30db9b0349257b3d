/// Where the browser's crash reports go: `$XDG_STATE_HOME/itu-browser`, else
/// `~/.local/state/itu-browser` (an `XDG_STATE_HOME` that is empty or not absolute is ignored,
/// as the XDG Base Directory specification asks). Nil when neither that variable nor `HOME`
/// gives an absolute folder.
enum CrashReportFolder {
    static let applicationName = "itu-browser"

    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/" + applicationName
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/" + applicationName
        }
        return nil
    }
}
