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

extension SubprocessRunner {
    /// Runs with output appended to files that are followed every 50 ms, so that on detach the
    /// child (in its own session, stdin /dev/null, no pipe to us) can outlive this process.
    func runFollowingFiles(
        _ command: ProcessCommand, files: OutputFiles, configuration: Configuration,
        resolved: String, onLine: @escaping @Sendable (OutputLine) -> Void
    ) async throws -> ProcessResult {
        let started = ContinuousClock.now
        if command.standardInput != nil {
            throw ProcessRunnerError.launchFailed(argv: command.argv, reason: "standard input cannot be given to a command whose output goes to files")
        }
        let outWrite = try Self.openOutput(files.standardOutput, argv: command.argv)
        let errWrite: Int32
        do { errWrite = try Self.openOutput(files.standardError, argv: command.argv) } catch { close(outWrite); throw error }
        var stdout = FileFollower(path: files.standardOutput, stream: .standardOutput, limit: command.outputLimit)
        var stderr = FileFollower(path: files.standardError, stream: .standardError, limit: command.outputLimit)
        defer { stdout.close(); stderr.close() }

        let pid = Mutex<pid_t?>(nil)
        let finished = AtomicFlag()
        let grace = command.gracePeriod
        let child = Task { () -> Result<TerminationStatus, any Error> in
            defer { finished.set() }
            do {
                let outcome = try await Subprocess.run(
                    configuration, input: .none,
                    output: .fileDescriptor(FileDescriptor(rawValue: outWrite), closeAfterSpawningProcess: true),
                    error: .fileDescriptor(FileDescriptor(rawValue: errWrite), closeAfterSpawningProcess: true)
                ) { execution in
                    let leader = execution.processIdentifier.value
                    pid.withLock { $0 = leader }
                    await Self.waitForExitOrCancellation(leader)
                    if Task.isCancelled {
                        await execution.teardown(using: [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)])
                        _ = kill(-leader, SIGKILL)  // leader not reaped yet: sweep what outlived it
                    }
                }
                return .success(outcome.terminationStatus)
            } catch {
                return .failure(error)
            }
        }

        let deadline = started + command.timeout
        var timedOut = false
        await withTaskCancellationHandler {
            while !finished.isSet {
                stdout.poll(onLine)
                stderr.poll(onLine)
                if let detach = command.detachSwitch, detach.isDetached, pid.withLock({ $0 }) != nil { return }
                if !timedOut && ContinuousClock.now >= deadline {
                    timedOut = true
                    child.cancel()
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        } onCancel: {
            if command.detachSwitch?.isDetached != true { child.cancel() }
        }

        if !finished.isSet, let leader = pid.withLock({ $0 }) {
            // Detached: the child task keeps waiting (and reaps it) while we live.
            return ProcessResult(
                argv: command.argv, status: .detached(pid: leader),
                standardOutput: LineSplitter.decode(stdout.captured.bytes), standardError: LineSplitter.decode(stderr.captured.bytes),
                standardOutputTruncated: stdout.captured.truncated, standardErrorTruncated: stderr.captured.truncated,
                duration: ContinuousClock.now - started, executablePath: resolved)
        }
        let outcome = await child.value
        stdout.poll(onLine, final: true)
        stderr.poll(onLine, final: true)
        let termination: TerminationStatus
        switch outcome {
        case .success(let status): termination = status
        case .failure(let error as SubprocessError):
            throw ProcessRunnerError.launchFailed(argv: command.argv, reason: error.description)
        case .failure(let error): throw error
        }
        if Task.isCancelled && !timedOut { throw CancellationError() }
        let status: ExitStatus
        if timedOut {
            status = .timedOut(after: command.timeout)
        } else {
            switch termination {
            case .exited(let code): status = .exited(code)
            case .signaled(let signal): status = .signaled(signal)
            }
        }
        return ProcessResult(
            argv: command.argv, status: status,
            standardOutput: LineSplitter.decode(stdout.captured.bytes), standardError: LineSplitter.decode(stderr.captured.bytes),
            standardOutputTruncated: stdout.captured.truncated, standardErrorTruncated: stderr.captured.truncated,
            duration: ContinuousClock.now - started, executablePath: resolved)
    }

    private static func openOutput(_ path: String, argv: [String]) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 {
            let error = FileSystemError(errno: errno, path: path, operation: "open the output file")
            throw ProcessRunnerError.launchFailed(argv: argv, reason: error.description)
        }
        return fd
    }

    /// Polls (without reaping, so the pid stays ours) until the leader exits or we are cancelled.
    private static func waitForExitOrCancellation(_ leader: pid_t) async {
        while !Task.isCancelled {
            var info = siginfo_t()
            if waitid(P_PID, id_t(leader), &info, WEXITED | WNOHANG | WNOWAIT) != 0 { return }
            if info._sifields._sigchld.si_pid == leader { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// Reads what a child appended to a file since the last poll and splits it into lines.
struct FileFollower {
    let stream: OutputStreamKind
    let limit: Int
    private var fd: Int32
    private var splitter = LineSplitter()
    private(set) var captured = SubprocessRunner.StreamCapture()

    /// Opens the file at its current end, so only output from now on is followed.
    init(path: String, stream: OutputStreamKind, limit: Int) {
        self.stream = stream
        self.limit = limit
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { lseek(fd, 0, SEEK_END) }
    }

    /// Emits the complete lines now in the file; `final` also emits an unterminated last line.
    mutating func poll(_ onLine: (OutputLine) -> Void, final: Bool = false) {
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let chunk = buffer[..<count]
            let room = limit - captured.bytes.count
            if room >= count {
                captured.bytes.append(contentsOf: chunk)
            } else {
                if room > 0 { captured.bytes.append(contentsOf: chunk.prefix(room)) }
                captured.truncated = true
            }
            for line in splitter.feed(chunk) { onLine(OutputLine(stream, line)) }
        }
        if final, let last = splitter.finish() { onLine(OutputLine(stream, last)) }
    }

    /// Closes the reading descriptor.
    mutating func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}
