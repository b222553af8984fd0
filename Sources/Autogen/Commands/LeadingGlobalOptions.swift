/// Alembic takes its global options before the command (`alembic -c prod.ini upgrade head`);
/// autogen's commands each parse them (``GlobalOptions``). This moves the global options that
/// come before the command name to just behind it, so both spellings work.
public enum LeadingGlobalOptions {
    /// Options with a value, in either spelling.
    static let withValue: Set<String> = ["-c", "--config", "-n", "--name", "-x"]
    static let flags: Set<String> = ["-q", "--quiet"]

    /// `arguments` (without the program name) with the leading global options moved behind
    /// the command name; unchanged when they do not start with one, or when no command follows.
    public static func moved(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if flags.contains(argument) {
                leading.append(argument)
                i += 1
            } else if withValue.contains(argument), i + 1 < arguments.count {
                leading += [argument, arguments[i + 1]]
                i += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first,
                argument.contains("="), argument.hasPrefix("--"), withValue.contains(String(name))
            {
                leading.append(argument)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count, !arguments[i].hasPrefix("-") else { return arguments }
        return [arguments[i]] + leading + arguments[(i + 1)...]
    }
}
