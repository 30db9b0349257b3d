import ArgumentParser

/// Options every command shares (`--fixtures DIR`), accepted before the subcommand as well as
/// after it: `itu-browser --fixtures DIR list news` is read as `itu-browser list news --fixtures DIR`.
///
/// ArgumentParser only gives a subcommand the options written after its name, so the leading
/// shared options are moved behind the subcommand's full path (`state check`) before parsing.
enum GlobalOptions {
    /// The shared options that take a value.
    static let valued: Set<String> = ["--fixtures"]

    static func reordered(_ arguments: [String], root: ParsableCommand.Type) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if let equals = argument.firstIndex(of: "="), valued.contains(String(argument[..<equals])) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var command = root
        var end = index
        while end < arguments.count,
              let subcommand = command.configuration.subcommands.first(where: { $0._commandName == arguments[end] }) {
            command = subcommand
            end += 1
        }
        guard end > index else { return arguments }
        return Array(arguments[index..<end]) + leading + Array(arguments[end...])
    }
}
