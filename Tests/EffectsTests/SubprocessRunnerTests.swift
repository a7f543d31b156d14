import Glibc
import PosthogTestSupport
import Synchronization
import Testing
@testable import Effects

/// Collects streamed lines with the time each arrived.
final class LineLog: Sendable {
    private let entries = Mutex<[(OutputLine, ContinuousClock.Instant)]>([])

    func append(_ line: OutputLine) { entries.withLock { $0.append((line, .now)) } }
    var lines: [OutputLine] { entries.withLock { $0.map(\.0) } }
    var timed: [(OutputLine, ContinuousClock.Instant)] { entries.withLock { $0 } }
}

/// Waits until `pid` no longer runs: gone, or a zombie (in a container whose first process
/// does not reap orphans, a killed grandchild may stay a zombie).
func processGone(_ pid: pid_t, within limit: Duration = .seconds(3)) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        if processState(pid) == "Z" { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return false
}

/// The state letter from /proc/PID/stat (after the parenthesised command name).
func processState(_ pid: pid_t) -> Character? {
    guard let text = try? LocalFileSystem().readString("/proc/\(pid)/stat"),
          let close = text.lastIndex(of: ")") else { return nil }
    return text[text.index(after: close)...].first { $0 != " " }
}

func sh(_ script: String, timeout: Duration = .seconds(20), grace: Duration = .seconds(2)) -> ProcessCommand {
    ProcessCommand("/bin/sh", ["-c", script], timeout: timeout, gracePeriod: grace)
}

@Suite struct SubprocessRunnerTests {
    let runner = SubprocessRunner()

    @Test func collectsBothStreamsAndExitCode() async throws {
        let log = LineLog()
        let result = try await runner.run(sh("echo out1; echo err1 >&2; printf 'tail'; exit 3"), onLine: log.append)
        #expect(result.status == .exited(3))
        #expect(result.standardOutput == "out1\ntail")
        #expect(result.standardError == "err1\n")
        #expect(log.lines.filter { $0.stream == .standardOutput } == [OutputLine(.standardOutput, "out1"), OutputLine(.standardOutput, "tail")])
        #expect(log.lines.filter { $0.stream == .standardError } == [OutputLine(.standardError, "err1")])
        #expect(result.lastErrorLine == "err1")
    }

    /// A handshake instead of timing: the child only prints "second" after the test has
    /// seen "first" (and created a marker file), which is impossible without streaming.
    @Test func linesArriveBeforeTheProcessExits() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-stream")
        defer { dir.remove() }
        let marker = dir.path + "/seen-first"
        let log = LineLog()
        let script = "echo first; i=0; while [ ! -e '\(marker)' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; "
            + "if [ -e '\(marker)' ]; then echo second; else echo never-streamed; fi"
        let result = try await runner.run(sh(script, timeout: .seconds(30)), onLine: { line in
            log.append(line)
            if line.text == "first" { _ = creat(marker, 0o600) }
        })
        #expect(log.lines.map(\.text) == ["first", "second"])
        #expect(result.status == .exited(0))
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let log = LineLog()
        let started = ContinuousClock.now
        let result = try await runner.run(sh("sleep 30 & echo $!; wait", timeout: .milliseconds(500)), onLine: log.append)
        #expect(result.status == .timedOut(after: .milliseconds(500)))
        #expect(ContinuousClock.now - started < .seconds(15))
        let grandchild = try #require(log.lines.first.flatMap { pid_t($0.text) })
        #expect(await processGone(grandchild), "grandchild \(grandchild) survived the timeout")
    }

    @Test func timeoutEscalatesToSigkill() async throws {
        let started = ContinuousClock.now
        let result = try await runner.run(sh("trap '' TERM; sleep 30", timeout: .milliseconds(300), grace: .milliseconds(500)))
        #expect(result.status == .timedOut(after: .milliseconds(300)))
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test func descendantIgnoringSigtermIsSweptAfterTheLeaderDies() async throws {
        let log = LineLog()
        let script = "sh -c 'trap \"\" TERM; echo $$; exec sleep 30' & wait"
        let result = try await runner.run(sh(script, timeout: .milliseconds(700), grace: .seconds(3)), onLine: log.append)
        #expect(result.status == .timedOut(after: .milliseconds(700)))
        let grandchild = try #require(log.lines.first.flatMap { pid_t($0.text) })
        #expect(await processGone(grandchild), "SIGTERM-immune grandchild \(grandchild) survived")
    }

    @Test func cancellationStopsTheProcessGroup() async throws {
        let log = LineLog()
        let runner = self.runner
        let task = Task { try await runner.run(sh("sleep 30 & echo $!; wait", timeout: .seconds(60)), onLine: log.append) }
        let deadline = ContinuousClock.now + .seconds(10)
        while log.lines.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let grandchild = try #require(log.lines.first.flatMap { pid_t($0.text) })
        let cancelled = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - cancelled < .seconds(15))
        #expect(await processGone(grandchild), "grandchild \(grandchild) survived cancellation")
    }

    @Test func missingExecutableReportsTheSearchedPath() async throws {
        let result = try await runner.run(ProcessCommand("no-such-tool-4711", ["x"], timeout: .seconds(5), environment: ["PATH": "/nonexistent/a:/nonexistent/b"]))
        #expect(result.status == .notFound(name: "no-such-tool-4711", searched: ["/nonexistent/a", "/nonexistent/b"]))
        #expect(result.status.description == "no-such-tool-4711: not found on PATH (/nonexistent/a:/nonexistent/b)")
        let byPath = try await runner.run(ProcessCommand("/nonexistent/kubectl", timeout: .seconds(5)))
        #expect(byPath.status == .notFound(name: "/nonexistent/kubectl", searched: []))
    }

    @Test func namesAreLookedUpOnPath() async throws {
        let result = try await runner.run(ProcessCommand("echo", ["hello", "world"], timeout: .seconds(10)))
        #expect(result.status == .exited(0))
        #expect(result.standardOutput == "hello world\n")
        #expect(result.executablePath.map { $0.hasSuffix("/echo") } == true)
    }

    @Test func largeOutputIsStreamedAndCappedInTheResult() async throws {
        let count = Mutex(0)
        let lastLine = Mutex("")
        let result = try await runner.run(ProcessCommand("seq", ["1", "200000"], timeout: .seconds(30), outputLimit: 1000)) { line in
            count.withLock { $0 += 1 }
            lastLine.withLock { $0 = line.text }
        }
        #expect(result.status == .exited(0))
        #expect(count.withLock { $0 } == 200_000)
        #expect(lastLine.withLock { $0 } == "200000")
        #expect(result.standardOutput.utf8.count == 1000)
        #expect(result.standardOutputTruncated)
        let full = try await runner.run(ProcessCommand("seq", ["1", "200000"], timeout: .seconds(30)))
        #expect(full.standardOutput.utf8.count == 1_288_895)
        #expect(!full.standardOutputTruncated)
    }

    @Test func standardInputEnvironmentAndWorkingDirectory() async throws {
        let echo = try await runner.run(ProcessCommand("cat", timeout: .seconds(10), standardInput: Array("a\nb\n".utf8)))
        #expect(echo.standardOutput == "a\nb\n")
        let env = try await runner.run(ProcessCommand("/bin/sh", ["-c", "echo \"$POSTHOG_TEST_VAR\"; pwd; echo \"${HOME-unset}\""], timeout: .seconds(10),
                                                      environment: ["POSTHOG_TEST_VAR": "x y", "HOME": nil], workingDirectory: "/tmp"))
        #expect(env.standardOutput == "x y\n/tmp\nunset\n")
        let noInput = try await runner.run(ProcessCommand("cat", timeout: .seconds(10)))
        #expect(noInput.status == .exited(0))
        #expect(noInput.standardOutput.isEmpty)
    }

    @Test func badWorkingDirectoryIsALaunchError() async throws {
        let error = await #expect(throws: ProcessRunnerError.self) {
            _ = try await runner.run(ProcessCommand("cat", timeout: .seconds(5), workingDirectory: "/nonexistent/dir"))
        }
        #expect(error?.description == "cannot run cat: the working directory /nonexistent/dir does not exist")
    }

    @Test func signaledChildReportsTheSignal() async throws {
        let result = try await runner.run(sh("kill -USR1 $$"))
        #expect(result.status == .signaled(SIGUSR1))
    }

    @Test func streamDeliversLinesThenTheResult() async throws {
        var events: [ProcessEvent] = []
        for try await event in runner.stream(sh("echo one; echo two")) { events.append(event) }
        #expect(events.count == 3)
        #expect(events.prefix(2) == [.line(OutputLine(.standardOutput, "one")), .line(OutputLine(.standardOutput, "two"))])
        guard case .finished(let result) = events.last else { Issue.record("no result"); return }
        #expect(result.status == .exited(0))
    }
}

@Suite struct KubectlTests {
    let runner = SubprocessRunner()
    let kubectl = "/usr/bin/kubectl"

    @Test func clientVersionAsJSON() async throws {
        try #require(ExecutableLookup.isExecutableFile(kubectl), "kubectl missing at \(kubectl)")
        let result = try await runner.run(ProcessCommand(kubectl, ["version", "--client", "-o", "json"], timeout: .seconds(20)))
        #expect(result.status == .exited(0))
        #expect(result.standardOutput.contains("\"clientVersion\""))
        #expect(result.standardOutput.contains("\"gitVersion\""))
    }

    @Test func refusedServerFailsQuickly() async throws {
        try #require(ExecutableLookup.isExecutableFile(kubectl), "kubectl missing at \(kubectl)")
        let result = try await runner.run(ProcessCommand(
            kubectl, ["--server", "https://127.0.0.1:1", "--token=unused", "--request-timeout=5s", "get", "namespaces"],
            timeout: .seconds(20)))
        #expect(result.status == .exited(1))
        #expect(result.duration < .seconds(15))
        let last = try #require(result.lastErrorLine)
        #expect(last.contains("The connection to the server 127.0.0.1:1 was refused"), "\(last)")
    }

    /// Without credentials kubectl asks for a user name on stdin; ours is /dev/null, so it
    /// fails at once with "error: EOF" instead of waiting for input.
    @Test func credentialPromptGetsEndOfFile() async throws {
        try #require(ExecutableLookup.isExecutableFile(kubectl), "kubectl missing at \(kubectl)")
        let result = try await runner.run(ProcessCommand(
            kubectl, ["--server", "https://127.0.0.1:1", "get", "namespaces"], timeout: .seconds(20)))
        #expect(result.status == .exited(1))
        #expect(result.lastErrorLine == "error: EOF")
    }
}
