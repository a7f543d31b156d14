import Effects
import Synchronization

/// What a scripted command does: output lines and pauses in order, then an exit status.
public struct Script: Sendable, Hashable {
    /// One step of a script.
    public enum Step: Sendable, Hashable {
        /// Emit a line.
        case line(OutputLine)
        /// Wait (on the runner's clock).
        case sleep(Duration)
    }

    /// The steps, in order.
    public var steps: [Step]
    /// How the command ends (unless its timeout runs out first).
    public var status: ExitStatus

    /// Creates a script from steps.
    public init(_ steps: [Step] = [], status: ExitStatus) {
        self.steps = steps
        self.status = status
    }

    /// Exits with `code` after printing `stdout` then `stderr` (each split into lines).
    public static func exit(_ code: Int32 = 0, stdout: String = "", stderr: String = "") -> Script {
        Script(lines(stdout, .standardOutput) + lines(stderr, .standardError), status: .exited(code))
    }

    /// The executable is missing.
    public static func notFound(_ name: String) -> Script {
        Script(status: .notFound(name: name, searched: ["/usr/local/bin", "/usr/bin", "/bin"]))
    }

    /// Hangs for `duration` and then exits 0 (with a short timeout this simulates a hang).
    public static func hang(_ duration: Duration = .seconds(3600)) -> Script {
        Script([.sleep(duration)], status: .exited(0))
    }

    /// This script preceded by a pause.
    public func after(_ delay: Duration) -> Script {
        Script([.sleep(delay)] + steps, status: status)
    }

    private static func lines(_ text: String, _ stream: OutputStreamKind) -> [Step] {
        if text.isEmpty { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts.map { .line(OutputLine(stream, $0)) }
    }
}

/// A command the scripted runner was not told about.
public struct UnexpectedCommandError: Error, Sendable, CustomStringConvertible {
    /// The argv that was run.
    public var argv: [String]
    /// The argvs still expected, for the message.
    public var expected: [String]

    /// Names the command and what was expected instead.
    public var description: String {
        let list = expected.isEmpty ? "  (nothing)" : expected.map { "  " + $0 }.joined(separator: "\n")
        return "unexpected command: \(ShellQuote.join(argv))\nexpected one of:\n\(list)"
    }
}

/// A `ProcessRunner` that plays scripts for expected argvs, records every call and throws
/// `UnexpectedCommandError` for anything else. A flipped `DetachSwitch` is noticed between steps.
public final class ScriptedRunner: ProcessRunner, Sendable {
    private struct Entry {
        let description: String
        let matches: @Sendable (ProcessCommand) -> Bool
        let script: Script
        var remaining: Int?  // nil: answers any number of times
    }

    private struct State {
        var entries: [Entry] = []
        var calls: [ProcessCommand] = []
    }

    private let state = Mutex(State())
    private let clock: (any WallClock)?

    /// Creates a runner; pauses use `clock` (e.g. a `ManualClock`) or real time when nil.
    public init(clock: (any WallClock)? = nil) {
        self.clock = clock
    }

    /// Expects `argv` exactly, `times` times (nil: any number), answering with `script`.
    public func expect(_ argv: [String], times: Int? = 1, _ script: Script) {
        expect(matching: ShellQuote.join(argv), times: times, script) { $0.argv == argv }
    }

    /// Expects any command accepted by `matches`, described by `description` in messages.
    public func expect(matching description: String, times: Int? = 1, _ script: Script,
                       where matches: @escaping @Sendable (ProcessCommand) -> Bool) {
        state.withLock { $0.entries.append(Entry(description: description, matches: matches, script: script, remaining: times)) }
    }

    /// Every command run so far, in order.
    public var calls: [ProcessCommand] { state.withLock { $0.calls } }

    /// The argvs of every command run so far.
    public var callArgvs: [[String]] { calls.map(\.argv) }

    /// Descriptions of expectations with calls still owed (those with a fixed count).
    public var unmetExpectations: [String] {
        state.withLock { $0.entries.filter { ($0.remaining ?? 0) > 0 }.map(\.description) }
    }

    /// Plays the script of the first matching expectation.
    public func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        let script = try state.withLock { state throws(UnexpectedCommandError) -> Script in
            state.calls.append(command)
            guard let index = state.entries.firstIndex(where: { ($0.remaining ?? 1) > 0 && $0.matches(command) }) else {
                throw UnexpectedCommandError(argv: command.argv, expected: state.entries.filter { ($0.remaining ?? 1) > 0 }.map(\.description))
            }
            if let remaining = state.entries[index].remaining { state.entries[index].remaining = remaining - 1 }
            return state.entries[index].script
        }
        if case .notFound = script.status { return ProcessResult(argv: command.argv, status: script.status) }

        var stdout: [String] = []
        var stderr: [String] = []
        var elapsed = Duration.zero
        for step in script.steps {
            if let detach = command.detachSwitch, detach.isDetached {
                return result(command, .detached(pid: Self.detachedPid), stdout, stderr, elapsed)
            }
            switch step {
            case .line(let line):
                if line.stream == .standardOutput { stdout.append(line.text) } else { stderr.append(line.text) }
                onLine(line)
            case .sleep(let duration):
                if elapsed + duration > command.timeout {
                    try await pause(command.timeout - elapsed)
                    return result(command, .timedOut(after: command.timeout), stdout, stderr, command.timeout)
                }
                try await pause(duration)
                elapsed += duration
            }
        }
        return result(command, script.status, stdout, stderr, elapsed)
    }

    /// The process id reported for a scripted command that was detached.
    public static let detachedPid: Int32 = 4242

    private func pause(_ duration: Duration) async throws {
        if duration <= .zero { return try Task.checkCancellation() }
        if let clock { try await clock.sleep(for: duration) } else { try await Task.sleep(for: duration) }
    }

    private func result(_ command: ProcessCommand, _ status: ExitStatus, _ stdout: [String], _ stderr: [String], _ elapsed: Duration) -> ProcessResult {
        func joined(_ lines: [String]) -> String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
        return ProcessResult(argv: command.argv, status: status, standardOutput: joined(stdout), standardError: joined(stderr), duration: elapsed)
    }
}
