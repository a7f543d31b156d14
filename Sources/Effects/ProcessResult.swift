/// Which output stream of a child a line came from.
public enum OutputStreamKind: Sendable, Hashable {
    /// Standard output.
    case standardOutput
    /// Standard error.
    case standardError
}

/// One line of a child's output, without its line terminator.
public struct OutputLine: Sendable, Hashable {
    /// The stream the line was written to.
    public var stream: OutputStreamKind
    /// The line's text (invalid UTF-8 replaced by U+FFFD).
    public var text: String

    /// Creates a line.
    public init(_ stream: OutputStreamKind, _ text: String) {
        self.stream = stream
        self.text = text
    }
}

/// How a child process ended.
public enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The process exited with this code.
    case exited(Int32)
    /// The process was ended by this signal (not by our timeout).
    case signaled(Int32)
    /// The timeout ran out and the process group was stopped.
    case timedOut(after: Duration)
    /// The executable was not found; `searched` lists the PATH directories looked in.
    case notFound(name: String, searched: [String])
    /// We stopped waiting (see `DetachSwitch`); the process with this id keeps running.
    case detached(pid: Int32)

    /// True only for `.exited(0)`.
    public var isSuccess: Bool { self == .exited(0) }

    /// A short human description, e.g. "exit code 1" or "not found on PATH (/usr/bin:/bin)".
    public var description: String {
        switch self {
        case .exited(let code): return "exit code \(code)"
        case .signaled(let signal): return "killed by signal \(signal)"
        case .timedOut(let after): return "timed out after \(formatDuration(after))"
        case .detached(let pid): return "left running as process \(pid)"
        case .notFound(let name, let searched):
            if name.contains("/") { return "\(name): no such executable file" }
            return "\(name): not found on PATH (\(searched.joined(separator: ":")))"
        }
    }
}

/// What a finished command produced.
public struct ProcessResult: Sendable, Hashable {
    /// The argv that ran.
    public var argv: [String]
    /// How it ended.
    public var status: ExitStatus
    /// Standard output, up to the command's output limit.
    public var standardOutput: String
    /// Standard error, up to the command's output limit.
    public var standardError: String
    /// True when standard output went past the limit and was cut.
    public var standardOutputTruncated: Bool
    /// True when standard error went past the limit and was cut.
    public var standardErrorTruncated: Bool
    /// Wall time from start to end.
    public var duration: Duration
    /// The executable file that ran (after the PATH lookup), when one was found.
    public var executablePath: String?

    /// Creates a result.
    public init(
        argv: [String], status: ExitStatus, standardOutput: String = "", standardError: String = "",
        standardOutputTruncated: Bool = false, standardErrorTruncated: Bool = false,
        duration: Duration = .zero, executablePath: String? = nil
    ) {
        self.argv = argv
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardOutputTruncated = standardOutputTruncated
        self.standardErrorTruncated = standardErrorTruncated
        self.duration = duration
        self.executablePath = executablePath
    }

    /// The last non-empty line of standard error, the usual place for a tool's error message.
    public var lastErrorLine: String? {
        standardError.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init)
    }
}

/// A command that could not be started at all.
public enum ProcessRunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The process could not be launched (not executable, bad working directory, ...).
    case launchFailed(argv: [String], reason: String)

    /// A message naming the command (password-like arguments masked) and the reason.
    public var description: String {
        switch self {
        case .launchFailed(let argv, let reason):
            return "cannot run \(ShellQuote.join(Redactor().redactArguments(argv))): \(reason)"
        }
    }
}

/// Formats a duration as seconds with up to three decimals, e.g. "2.5 s".
func formatDuration(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let millis = Int64(seconds) * 1000 + Int64(attoseconds / 1_000_000_000_000_000)
    let whole = millis / 1000
    var fraction = millis % 1000
    if fraction == 0 { return "\(whole) s" }
    var digits = 3
    while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
    let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
    return "\(whole).\(padded) s"
}
