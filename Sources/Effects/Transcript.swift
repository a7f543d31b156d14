#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where transcript text goes.
public protocol TranscriptSink: Sendable {
    /// Appends text (whole lines, each ending in "\n").
    func append(_ text: String)
}

/// A record of every command run and its output, with secrets masked, for reading after the fact.
///
/// Lines look like `21:40:03.123 [3] $ kubectl get pods`, `... [3] out| text`,
/// `... [3] err| text` and `... [3] exit code 0 (0.18 s)`.
public final class Transcript: Sendable {
    private struct State {
        var redactor = Redactor()
        var nextCommand = 1
        var bytesWritten = 0
        var outputCut = false
        var everythingCut = false
        /// The last recorded output of each command line, for "output unchanged".
        var lastOutputs: [String: (number: Int, lines: [String])] = [:]
    }

    /// The most one run's transcript grows to. Past `limit - reserve` command output is no
    /// longer recorded (commands and exit codes still are); past `limit` nothing is.
    public struct SizeLimit: Sendable, Hashable {
        /// The hard limit in bytes.
        public var limit: Int
        /// Bytes kept for command lines and exit codes once output is no longer recorded.
        public var reserve: Int

        /// Creates a limit.
        public init(limit: Int, reserve: Int) {
            self.limit = limit
            self.reserve = reserve
        }

        /// 2 MB per run, the last 256 KB of it for commands and exit codes.
        public static let standard = SizeLimit(limit: 2_000_000, reserve: 256_000)
    }

    private let sink: any TranscriptSink
    private let clock: any WallClock
    private let state = Mutex(State())
    private let sizeLimit: SizeLimit

    /// Creates a transcript writing to `sink`, growing to at most `sizeLimit`.
    public init(sink: any TranscriptSink, clock: any WallClock = SystemClock(), sizeLimit: SizeLimit = .standard) {
        self.sink = sink
        self.clock = clock
        self.sizeLimit = sizeLimit
    }

    /// Opens a new file `transcript-<stamp>.log` (mode 0600) in `directory` (created 0700).
    public static func open(inDirectory directory: String, clock: any WallClock = SystemClock()) throws(FileSystemError) -> Transcript {
        let sink = try FileTranscriptSink.create(inDirectory: directory, stamp: clock.now.fileStamp)
        return Transcript(sink: sink, clock: clock)
    }

    /// A transcript for one run in the XDG state directory (`~/.local/state/posthog-install/`).
    /// Its file is created with the first line recorded, so a run that stops before running
    /// anything (a bad flag, a refused answer) leaves no file; older transcripts are pruned
    /// then, to the newest `keep` and at most `keepBytes` in all.
    public static func openDefault(paths: XDGPaths = .current, clock: any WallClock = SystemClock(), keep: Int = 20,
                                   keepBytes: Int = 100_000_000) -> Transcript {
        let directory = paths.stateDirectory
        let sink = DeferredFileTranscriptSink(directory: directory, stamp: clock.now.fileStamp) {
            pruneTranscripts(inDirectory: directory, keep: keep, keepBytes: keepBytes)
        }
        return Transcript(sink: sink, clock: clock)
    }

    /// Deletes all but the newest `keep` transcript files (by name, which sorts by time), then
    /// the oldest of those while they hold more than `keepBytes` together (the newest is kept).
    public static func pruneTranscripts(inDirectory directory: String, keep: Int, keepBytes: Int = .max,
                                        fileSystem: any FileSystem = LocalFileSystem()) {
        guard let names = try? fileSystem.listDirectory(directory) else { return }
        let transcripts = names.filter { $0.hasPrefix("transcript-") && $0.hasSuffix(".log") }.sorted { transcriptOrder($0) < transcriptOrder($1) }
        for name in transcripts.dropLast(max(0, keep)) { try? fileSystem.removeFile(joinPath(directory, name)) }
        var kept = Array(transcripts.suffix(max(0, keep)))
        var total = kept.reduce(0) { $0 + (fileSystem.fileSize(joinPath(directory, $1)) ?? 0) }
        while total > keepBytes, kept.count > 1 {
            let oldest = joinPath(directory, kept.removeFirst())
            total -= fileSystem.fileSize(oldest) ?? 0
            try? fileSystem.removeFile(oldest)
        }
    }

    // "transcript-STAMP.log" < "transcript-STAMP-2.log" < "transcript-STAMP-10.log".
    private static func transcriptOrder(_ name: String) -> (String, Int) {
        let core = name.dropFirst("transcript-".count).dropLast(".log".count)
        let stampLength = 19
        let stamp = String(core.prefix(stampLength))
        let sequence = Int(core.dropFirst(stampLength + 1)) ?? 1
        return (stamp, sequence)
    }

    /// A transcript that records nothing (when the state directory cannot be written).
    public static func discarding() -> Transcript {
        Transcript(sink: DiscardingTranscriptSink())
    }

    /// The file being written, when the sink is a file.
    public var path: String? { (sink as? FileTranscriptSink)?.path ?? (sink as? DeferredFileTranscriptSink)?.path }

    /// Registers a value to mask wherever it appears from now on (passwords the tool creates or reads).
    public func registerSecret(_ secret: String) {
        state.withLock { $0.redactor.register(secret) }
    }

    /// The current redactor (a value; later registrations do not change it).
    public var redactor: Redactor { state.withLock { $0.redactor } }

    /// Records a free-form note.
    public func note(_ text: String) {
        let redactor = self.redactor
        write(text.split(separator: "\n", omittingEmptySubsequences: false).map { "note: " + redactor.redact(String($0)) })
    }

    /// Records the start of a command and returns its number for the following lines.
    public func commandStarted(_ command: ProcessCommand) -> Int {
        let (number, redactor) = state.withLock { state -> (Int, Redactor) in
            defer { state.nextCommand += 1 }
            return (state.nextCommand, state.redactor)
        }
        var line = "[\(number)] $ " + ShellQuote.join(redactor.redactArguments(command.argv))
        if let directory = command.workingDirectory { line += "    (in \(directory))" }
        let variables = command.environment.keys.sorted()
        if !variables.isEmpty { line += "    (env: \(variables.joined(separator: ", ")))" }
        if let input = command.standardInput { line += "    (stdin: \(input.count) bytes, not recorded)" }
        write([line])
        return number
    }

    /// Records one output line of command `number` (already masked by the caller's stream state).
    public func output(_ number: Int, _ line: OutputLine) {
        write(["[\(number)] \(Self.tagged(line))"], isOutput: true)
    }

    /// A recorder for command `number`'s output that leaves out a repeated poll's output when
    /// it is the same as the last time this command line ran.
    public func outputRecorder(_ number: Int, argv: [String]) -> TranscriptOutputRecorder {
        let key = ShellQuote.join(argv)
        let previous = state.withLock { $0.lastOutputs[key] }
        return TranscriptOutputRecorder(number: number, previous: previous) { [weak self] lines in
            self?.write(lines.map { "[\(number)] \($0)" }, isOutput: true)
        } remember: { [weak self] lines in
            self?.state.withLock { $0.lastOutputs[key] = (number, lines) }
        }
    }

    static func tagged(_ line: OutputLine) -> String {
        (line.stream == .standardOutput ? "out| " : "err| ") + line.text
    }

    /// Records how command `number` ended.
    public func finished(_ number: Int, _ result: ProcessResult) {
        var text = "[\(number)] \(result.status) (\(formatDuration(result.duration)))"
        if result.standardOutputTruncated || result.standardErrorTruncated { text += ", output cut at the size limit" }
        write([text])
    }

    /// Records that command `number` failed to run or was cancelled.
    public func failed(_ number: Int, _ error: any Error) {
        let redactor = self.redactor
        let text = error is CancellationError ? "cancelled" : String(describing: error)
        write(text.split(separator: "\n", omittingEmptySubsequences: false).map { "[\(number)] " + redactor.redact(String($0)) })
    }

    private func write(_ lines: [String], isOutput: Bool = false) {
        let stamp = clock.now.timeOfDay
        var text = lines.map { "\(stamp) \($0)\n" }.joined()
        let limit = sizeLimit
        let allowed = state.withLock { state -> Bool in
            let cap = isOutput ? limit.limit - limit.reserve : limit.limit
            if state.bytesWritten + text.utf8.count <= cap { return true }
            if isOutput, !state.outputCut {
                state.outputCut = true
                text = "\(stamp) note: this transcript reached \(cap / 1000) KB; from here on only commands and their exit codes are recorded.\n"
                return true
            }
            if !isOutput, !state.everythingCut {
                state.everythingCut = true
                text = "\(stamp) note: this transcript reached its limit of \(limit.limit / 1000) KB; nothing more is recorded.\n"
                return true
            }
            return false
        }
        guard allowed else { return }
        state.withLock { $0.bytesWritten += text.utf8.count }
        sink.append(text)
    }
}

/// A sink that drops everything.
public struct DiscardingTranscriptSink: TranscriptSink {
    /// Creates the sink.
    public init() {}

    /// Drops the text.
    public func append(_ text: String) {}
}

/// Appends to a file opened once with O_APPEND; each `append` is one write call.
public final class FileTranscriptSink: TranscriptSink {
    /// The file's path.
    public let path: String
    private let fd: Int32
    private let lock = Mutex(())

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Creates `transcript-<stamp>.log` (or `-2`, `-3`... if taken) in `directory`.
    static func create(inDirectory directory: String, stamp: String) throws(FileSystemError) -> FileTranscriptSink {
        try LocalFileSystem().makeDirectories(directory, mode: 0o700)
        // A directory made earlier by something else may be wider: transcripts are private.
        _ = chmod(directory, 0o700)
        var attempt = 1
        while true {
            let name = attempt == 1 ? "transcript-\(stamp).log" : "transcript-\(stamp)-\(attempt).log"
            let path = joinPath(directory, name)
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            if fd >= 0 { return FileTranscriptSink(path: path, fd: fd) }
            if errno != EEXIST || attempt > 1000 { throw FileSystemError(errno: errno, path: path, operation: "create") }
            attempt += 1
        }
    }

    /// Appends text; a failing log write is ignored (the log must never stop the install).
    public func append(_ text: String) {
        lock.withLock { _ in
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return write(fd, base + offset, raw.count - offset)
                }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                offset += count
            }
        }
    }
}

/// A runner that records every command and its output in a transcript, masking secrets,
/// and otherwise behaves exactly like the runner it wraps (callers get the unmasked lines).
public struct TranscriptingRunner: ProcessRunner {
    private let base: any ProcessRunner
    private let transcript: Transcript

    /// Wraps `base`, recording into `transcript`.
    public init(_ base: any ProcessRunner, transcript: Transcript) {
        self.base = base
        self.transcript = transcript
    }

    /// Runs through the wrapped runner and records the command, its lines and its end.
    public func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        let number = transcript.commandStarted(command)
        let masking = OutputMasking(argv: command.argv, redactor: transcript.redactor)
        let recorder = transcript.outputRecorder(number, argv: command.argv)
        do {
            let result = try await base.run(command) { line in
                recorder.record(masking.mask(line))
                onLine(line)
            }
            recorder.finish(exitedNormally: true)
            transcript.finished(number, result)
            return result
        } catch {
            recorder.finish(exitedNormally: false)
            transcript.failed(number, error)
            throw error
        }
    }
}

/// Per-command masking state: one set of line trackers per stream.
final class OutputMasking: Sendable {
    private struct StreamState {
        var secretData = SecretDataRedactor()
        var environment = EnvironmentValueMasker()
    }

    private let redactor: Redactor
    private let masksSecretData: Bool
    private let streams = Mutex([StreamState(), StreamState()])

    init(argv: [String], redactor: Redactor) {
        self.redactor = redactor
        masksSecretData = SecretDataRedactor.applies(to: argv)
    }

    func mask(_ line: OutputLine) -> OutputLine {
        let index = line.stream == .standardOutput ? 0 : 1
        let masksSecretData = self.masksSecretData
        let text = streams.withLock { streams -> String in
            var text = streams[index].environment.mask(line.text)
            if masksSecretData { text = streams[index].secretData.redact(text) }
            return text
        }
        return OutputLine(line.stream, redactor.redact(text))
    }
}
