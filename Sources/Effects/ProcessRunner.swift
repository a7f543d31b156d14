/// Runs subprocesses. The real one is `SubprocessRunner`; tests use `ScriptedRunner`.
public protocol ProcessRunner: Sendable {
    /// Runs a command to the end, calling `onLine` for each output line as it arrives.
    ///
    /// Returns `.notFound` and `.timedOut` as statuses; throws `CancellationError` when the
    /// calling task is cancelled (after the child's process group is stopped) and
    /// `ProcessRunnerError` when the process cannot be launched.
    func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult
}

/// An event of a streamed command: a line, then the result last.
public enum ProcessEvent: Sendable, Hashable {
    /// A line of output.
    case line(OutputLine)
    /// The command finished.
    case finished(ProcessResult)
}

extension ProcessRunner {
    /// Runs a command to the end without watching its lines.
    public func run(_ command: ProcessCommand) async throws -> ProcessResult {
        try await run(command, onLine: { _ in })
    }

    /// Runs a command and delivers its lines and then its result as a stream; ending the
    /// iteration early cancels the command (stopping its process group).
    public func stream(_ command: ProcessCommand) -> AsyncThrowingStream<ProcessEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ProcessEvent.self)
        let task = Task {
            do {
                let result = try await self.run(command) { line in continuation.yield(.line(line)) }
                continuation.yield(.finished(result))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
