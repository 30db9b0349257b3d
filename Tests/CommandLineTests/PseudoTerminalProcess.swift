import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process whose standard input, output and error are the far end of a new
/// pseudo-terminal, as when a person runs it in a terminal window. The test holds both ends:
/// it reads what the child writes (it must, or the child blocks once the buffer is full) and
/// looks at the terminal's modes with `tcgetattr` or `stty`.
final class PseudoTerminalProcess {
    let pid: pid_t
    /// The terminal side's path, e.g. `/dev/pts/3`.
    let terminalPath: String
    private let controller: Int32
    private let terminal: Int32
    /// Everything the child wrote so far.
    private(set) var output: [UInt8] = []
    private var exitStatus: Int32?

    init(executable: URL, arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        let functions = try PseudoTerminalFunctions()
        controller = functions.open(O_RDWR | O_NOCTTY)
        try #require(controller >= 0, "posix_openpt failed: errno \(errno)")
        try #require(functions.grant(controller) == 0 && functions.unlock(controller) == 0, "cannot unlock the pseudo-terminal")
        let name = try #require(functions.name(controller).map { String(cString: $0) })
        terminalPath = name
        terminal = open(name, O_RDWR | O_NOCTTY)
        try #require(terminal >= 0, "cannot open \(name): errno \(errno)")
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for standard in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_adddup2(&actions, terminal, standard)
        }
        posix_spawn_file_actions_addclose(&actions, controller)
        posix_spawn_file_actions_addclose(&actions, terminal)

        // Every signal at its default action and none blocked, whatever the test runner
        // arranged for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
        try #require(result == 0, "posix_spawn failed: \(result)")
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(controller)
        close(terminal)
    }

    /// The output so far as text (invalid UTF-8 replaced).
    var outputText: String { String(decoding: output, as: UTF8.self) }

    /// The terminal's local modes: whether it echoes and reads whole lines.
    var modes: (echo: Bool, canonical: Bool) {
        var attributes = termios()
        tcgetattr(terminal, &attributes)
        return (attributes.c_lflag & tcflag_t(ECHO) != 0, attributes.c_lflag & tcflag_t(ICANON) != 0)
    }

    /// Reads what the child wrote, for up to `milliseconds` when nothing is waiting.
    func drain(milliseconds: Int32 = 20) {
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var wait = milliseconds
        while poll(&descriptor, 1, wait) > 0 && descriptor.revents & Int16(POLLIN) != 0 {
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            output += chunk.prefix(count)
            wait = 0
        }
    }

    /// Drains the output until `condition` holds or `seconds` pass; returns whether it held.
    func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            drain()
            if condition() { return true }
        }
        drain()
        return condition()
    }

    /// The raw wait status once the child has ended, else nil (never blocks).
    func reapedStatus() -> Int32? {
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
        }
        return exitStatus
    }

    /// The signal that ended the child, or nil if it exited (or runs).
    var terminatingSignal: Int32? {
        guard let status = reapedStatus() else { return nil }
        let signal = status & 0x7F
        return signal != 0 && signal != 0x7F ? signal : nil
    }

    /// `stty -a` run on this terminal, as a shell started after the child would see it.
    func sttyAll() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/stty")
        process.arguments = ["-a"]
        process.standardInput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The C library's pseudo-terminal functions (`posix_openpt`, `grantpt`, `unlockpt`,
/// `ptsname`), which Swift's C library module does not declare: looked up by name.
private struct PseudoTerminalFunctions {
    let open: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init() throws {
        let library = dlopen(nil, RTLD_NOW)
        func find<Function>(_ symbol: String, as type: Function.Type) throws -> Function {
            let address = try #require(dlsym(library, symbol), "the C library has no \(symbol)")
            return unsafeBitCast(address, to: type)
        }
        open = try find("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        grant = try find("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        unlock = try find("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        name = try find("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    }
}
