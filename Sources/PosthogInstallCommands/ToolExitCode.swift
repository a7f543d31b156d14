import ArgumentParser

/// The documented exit codes (docs/commands.md); scripts rely on them.
public enum ToolExitCode: Int32, Sendable {
    /// Done.
    case success = 0
    /// Failed; the message says why and what to do.
    case failed = 1
    /// Bad usage or input (flags, answers, values files).
    case badInput = 2
    /// Stopped by the person (Ctrl-C, answered no).
    case stopped = 3
    /// Preflight found a blocker.
    case preflightBlocked = 4

    /// The argument-parser exit code.
    public var exitCode: ExitCode { ExitCode(rawValue) }
}
