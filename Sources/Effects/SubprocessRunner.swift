#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The real runner on swift-subprocess: each child leads its own session (so terminal Ctrl-C
/// does not reach it and its whole group can be stopped), SIGTERM then SIGKILL on timeout or
/// cancellation, output streamed line by line.
public struct SubprocessRunner: ProcessRunner {
    /// Creates the runner.
    public init() {
        _ = Self.ignoreBrokenPipe
    }

    /// Writing stdin to a child that already exited raises SIGPIPE, whose default action ends
    /// our whole process; ignored, the write fails with EPIPE instead. Children still start
    /// with default dispositions (swift-subprocess resets them at spawn).
    private static let ignoreBrokenPipe: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Runs a command; see `ProcessRunner.run`.
    public func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        let started = ContinuousClock.now
        let pathValue = (command.environment["PATH"] ?? nil) ?? ExecutableLookup.currentPath
        guard let resolved = ExecutableLookup.resolve(command.executable, path: pathValue) else {
            let searched = command.executable.contains("/") ? [] : ExecutableLookup.directories(inPath: pathValue)
            return ProcessResult(argv: command.argv, status: .notFound(name: command.executable, searched: searched))
        }
        if let directory = command.workingDirectory {
            switch LocalFileSystem().kind(of: directory) {
            case .directory?: break
            case nil: throw ProcessRunnerError.launchFailed(argv: command.argv, reason: "the working directory \(directory) does not exist")
            default: throw ProcessRunnerError.launchFailed(argv: command.argv, reason: "the working directory \(directory) is not a directory")
            }
        }
        try Task.checkCancellation()

        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: command.gracePeriod)]
        var overrides: [Environment.Key: String?] = [:]
        for (key, value) in command.environment {
            guard let envKey = Environment.Key(rawValue: key) else {
                throw ProcessRunnerError.launchFailed(argv: command.argv, reason: "invalid environment variable name \(ShellQuote.quote(key))")
            }
            overrides[envKey] = value
        }
        let configuration = Configuration(
            executable: .path(FilePath(resolved)),
            arguments: Arguments(command.arguments),
            environment: .inherit.updating(overrides),
            workingDirectory: command.workingDirectory.map { FilePath($0) },
            platformOptions: options
        )

        if let files = command.outputFiles {
            return try await runFollowingFiles(command, files: files, configuration: configuration, resolved: resolved, onLine: onLine)
        }
        if command.detachSwitch != nil {
            throw ProcessRunnerError.launchFailed(argv: command.argv, reason: "a detachable command needs output files")
        }

        let captured: Captured
        let termination: TerminationStatus
        do {
            if let input = command.standardInput {
                // Written by us rather than with `.array`: a child that exits without reading
                // makes the write fail, and that failure must not escape as a crash or error.
                let outcome = try await Subprocess.run(configuration, input: .inputWriter, output: .sequence, error: .sequence) { execution in
                    await Self.drive(execution, command: command, input: (input, execution.standardInputWriter), onLine: onLine)
                }
                (captured, termination) = (outcome.closureResult, outcome.terminationStatus)
            } else {
                let outcome = try await Subprocess.run(configuration, input: .none, output: .sequence, error: .sequence) { execution in
                    await Self.drive(execution, command: command, input: nil, onLine: onLine)
                }
                (captured, termination) = (outcome.closureResult, outcome.terminationStatus)
            }
        } catch let error as SubprocessError {
            throw ProcessRunnerError.launchFailed(argv: command.argv, reason: error.description)
        }
        if Task.isCancelled && !captured.timedOut { throw CancellationError() }

        let status: ExitStatus
        if captured.timedOut {
            status = .timedOut(after: command.timeout)
        } else {
            switch termination {
            case .exited(let code): status = .exited(code)
            case .signaled(let signal): status = .signaled(signal)
            }
        }
        return ProcessResult(
            argv: command.argv, status: status,
            standardOutput: LineSplitter.decode(captured.output.bytes),
            standardError: LineSplitter.decode(captured.error.bytes),
            standardOutputTruncated: captured.output.truncated,
            standardErrorTruncated: captured.error.truncated,
            duration: ContinuousClock.now - started,
            executablePath: resolved
        )
    }

    /// What one run collected.
    struct Captured: Sendable {
        var output: StreamCapture
        var error: StreamCapture
        var timedOut: Bool
    }

    /// The bytes kept from one stream.
    struct StreamCapture: Sendable {
        var bytes: [UInt8] = []
        var truncated = false
    }

    private static func drive<Input: InputProtocol>(
        _ execution: Execution<Input, SequenceOutput, SequenceOutput>,
        command: ProcessCommand,
        input: ([UInt8], StandardInputWriter)?,
        onLine: @escaping @Sendable (OutputLine) -> Void
    ) async -> Captured {
        let pid = execution.processIdentifier.value
        let timedOut = AtomicFlag()
        let stdout = execution.standardOutput
        let stderr = execution.standardError
        let limit = command.outputLimit
        var captured = Captured(output: StreamCapture(), error: StreamCapture(), timedOut: false)
        await withTaskGroup(of: (OutputStreamKind, StreamCapture)?.self) { group in
            group.addTask { (.standardOutput, await capture(stdout, kind: .standardOutput, limit: limit, onLine: onLine)) }
            group.addTask { (.standardError, await capture(stderr, kind: .standardError, limit: limit, onLine: onLine)) }
            if let (bytes, writer) = input {
                group.addTask {
                    // A child that stops reading early gives EPIPE here; its exit status tells the story.
                    _ = try? await writer.write(bytes)
                    try? await writer.finish()
                    return nil
                }
            }
            group.addTask {
                do { try await Task.sleep(for: command.timeout) } catch { return nil }
                timedOut.set()
                await execution.teardown(using: [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: command.gracePeriod)])
                return nil
            }
            var remaining = 2
            while remaining > 0, let next = await group.next() {
                guard let (kind, capture) = next else { continue }
                remaining -= 1
                if kind == .standardOutput { captured.output = capture } else { captured.error = capture }
            }
            group.cancelAll()
        }
        captured.timedOut = timedOut.isSet
        if captured.timedOut || Task.isCancelled {
            // The leader is not reaped yet, so its pid still names our group: sweep any
            // descendants that outlived the leader (for example ones ignoring SIGTERM).
            _ = kill(-pid, SIGKILL)
        }
        return captured
    }

    private static func capture(
        _ sequence: SubprocessOutputSequence,
        kind: OutputStreamKind,
        limit: Int,
        onLine: @Sendable (OutputLine) -> Void
    ) async -> StreamCapture {
        var result = StreamCapture()
        var splitter = LineSplitter()
        do {
            for try await buffer in sequence {
                let bytes = buffer.withUnsafeBytes { Array($0) }
                let room = limit - result.bytes.count
                if room >= bytes.count {
                    result.bytes.append(contentsOf: bytes)
                } else {
                    if room > 0 { result.bytes.append(contentsOf: bytes[..<room]) }
                    result.truncated = true
                }
                for line in splitter.feed(bytes) { onLine(OutputLine(kind, line)) }
            }
        } catch {
            // A read error ends this stream; the exit status still tells what happened.
        }
        if let last = splitter.finish() { onLine(OutputLine(kind, last)) }
        return result
    }
}

/// A thread-safe boolean that can only be raised.
final class AtomicFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Raises the flag.
    func set() { value.store(true, ordering: .sequentiallyConsistent) }

    /// Whether the flag was raised.
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}
