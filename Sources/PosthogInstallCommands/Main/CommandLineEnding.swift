import ArgumentParser

/// How the program ends after argument parsing or a command's run threw: the text to print,
/// where, and the exit code. Pure, so every usage error's code and wording is testable.
struct CommandLineEnding: Equatable {
    /// The text to print (may be empty).
    var text: String
    /// True for standard output (help, completion scripts), false for standard error.
    var toStandardOutput: Bool
    /// The exit code.
    var code: Int32

    /// ArgumentParser's code for a usage error; the documented one is 2.
    static let parserUsageCode: Int32 = 64

    /// The ending for `error`, thrown while parsing or running `arguments`.
    static func make(for error: any Error, arguments: [String]) -> CommandLineEnding {
        let code = PosthogInstall.exitCode(for: error).rawValue
        if code == 0 {
            return CommandLineEnding(text: PosthogInstall.fullMessage(for: error), toStandardOutput: true, code: 0)
        }
        guard code == parserUsageCode else {
            // A command's own exit code (it printed its message already), or an unexpected error.
            return CommandLineEnding(text: PosthogInstall.fullMessage(for: error), toStandardOutput: false, code: code)
        }
        if let word = SubcommandSuggestion.unknownCommand(in: arguments) {
            return CommandLineEnding(text: SubcommandSuggestion.message(for: word), toStandardOutput: false,
                                     code: ToolExitCode.badInput.rawValue)
        }
        return CommandLineEnding(text: PosthogInstall.fullMessage(for: error), toStandardOutput: false,
                                 code: ToolExitCode.badInput.rawValue)
    }
}
