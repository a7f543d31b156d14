/// One subprocess to run: an argv array (never a shell string) with its environment and limits.
public struct ProcessCommand: Sendable, Hashable {
    /// A program name looked up on PATH, or a path containing a slash.
    public var executable: String
    /// The arguments after the program name.
    public var arguments: [String]
    /// Variables set (non-nil) or removed (nil) on top of the inherited environment.
    public var environment: [String: String?]
    /// The working directory; nil keeps ours.
    public var workingDirectory: String?
    /// Bytes written to the child's standard input, then closed; nil gives it /dev/null.
    public var standardInput: [UInt8]?
    /// How long the command may run before its whole process group is stopped.
    public var timeout: Duration
    /// How long to wait after SIGTERM before SIGKILL when stopping the process group.
    public var gracePeriod: Duration
    /// The most bytes kept per stream in the result; lines are still streamed past it.
    public var outputLimit: Int
    /// When set, standard output and error are appended to these files and followed from
    /// there (not through pipes), so the command can keep running after we stop waiting.
    public var outputFiles: OutputFiles?
    /// When set together with `outputFiles`, flipping it makes `run` return `.detached` and
    /// leave the command running (for helm after Ctrl-C, when the person chooses so).
    public var detachSwitch: DetachSwitch?

    /// Creates a command; the timeout is mandatory because kubectl can hang for minutes.
    public init(
        _ executable: String,
        _ arguments: [String] = [],
        timeout: Duration,
        environment: [String: String?] = [:],
        workingDirectory: String? = nil,
        standardInput: [UInt8]? = nil,
        gracePeriod: Duration = .seconds(5),
        outputLimit: Int = 16 << 20,
        outputFiles: OutputFiles? = nil,
        detachSwitch: DetachSwitch? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
        self.gracePeriod = gracePeriod
        self.outputLimit = outputLimit
        self.outputFiles = outputFiles
        self.detachSwitch = detachSwitch
    }

    /// The full argv: the executable followed by the arguments.
    public var argv: [String] { [executable] + arguments }

    /// The argv as one line for reading (shell-style quoting, never executed).
    public var displayString: String { ShellQuote.join(argv) }
}

/// The files a command's output is appended to (see `ProcessCommand.outputFiles`).
public struct OutputFiles: Sendable, Hashable {
    /// Where standard output goes.
    public var standardOutput: String
    /// Where standard error goes.
    public var standardError: String

    /// Creates the pair of paths.
    public init(standardOutput: String, standardError: String) {
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// A one-way switch a caller flips to stop waiting for a command and leave it running.
public final class DetachSwitch: Sendable, Hashable {
    private let flag = AtomicFlag()

    /// Creates an unflipped switch.
    public init() {}

    /// Stops waiting; the command keeps running.
    public func detach() { flag.set() }

    /// Whether `detach()` was called.
    public var isDetached: Bool { flag.isSet }

    /// Identity: two switches are equal only if they are the same object.
    public static func == (lhs: DetachSwitch, rhs: DetachSwitch) -> Bool { lhs === rhs }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
