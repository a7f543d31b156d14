import Glibc
import PosthogTestSupport
import Testing
@testable import Effects

@Suite struct OutputFilesRunnerTests {
    let runner = SubprocessRunner()

    private func files(_ dir: TemporaryDirectory) -> OutputFiles {
        OutputFiles(standardOutput: dir.appending("helm.out"), standardError: dir.appending("helm.err"))
    }

    @Test func followsBothFilesAndKeepsThem() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-files")
        defer { dir.remove() }
        let log = LineLog()
        let command = ProcessCommand("/bin/sh", ["-c", "echo out; echo err >&2; printf tail; exit 4"], timeout: .seconds(20), outputFiles: files(dir))
        let result = try await runner.run(command, onLine: log.append)
        #expect(result.status == .exited(4))
        #expect(result.standardOutput == "out\ntail")
        #expect(result.standardError == "err\n")
        #expect(log.lines.filter { $0.stream == .standardOutput }.map(\.text) == ["out", "tail"])
        #expect(try LocalFileSystem().readString(dir.appending("helm.out")) == "out\ntail")
        #expect(try LocalFileSystem().readString(dir.appending("helm.err")) == "err\n")
    }

    /// Handshake as in SubprocessRunnerTests: "second" is printed only once "first" was seen.
    @Test func linesArriveWhileTheCommandRuns() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-files")
        defer { dir.remove() }
        let marker = dir.path + "/seen-first"
        let log = LineLog()
        let script = "echo first; i=0; while [ ! -e '\(marker)' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; "
            + "if [ -e '\(marker)' ]; then echo second; else echo never-streamed; fi"
        _ = try await runner.run(ProcessCommand("/bin/sh", ["-c", script], timeout: .seconds(30), outputFiles: files(dir)), onLine: { line in
            log.append(line)
            if line.text == "first" { _ = creat(marker, 0o600) }
        })
        #expect(log.lines.map(\.text) == ["first", "second"])
    }

    @Test func timeoutStopsTheGroup() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-files")
        defer { dir.remove() }
        let log = LineLog()
        let result = try await runner.run(ProcessCommand("/bin/sh", ["-c", "sleep 30 & echo $!; wait"], timeout: .milliseconds(600), gracePeriod: .seconds(2), outputFiles: files(dir)), onLine: log.append)
        #expect(result.status == .timedOut(after: .milliseconds(600)))
        let grandchild = try #require(log.lines.first.flatMap { pid_t($0.text) })
        #expect(await processGone(grandchild))
    }

    @Test func cancellationStopsTheGroup() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-files")
        defer { dir.remove() }
        let log = LineLog()
        let runner = self.runner
        let command = ProcessCommand("/bin/sh", ["-c", "sleep 30 & echo $!; wait"], timeout: .seconds(60), outputFiles: files(dir))
        let task = Task { try await runner.run(command, onLine: log.append) }
        let deadline = ContinuousClock.now + .seconds(10)
        while log.lines.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let grandchild = try #require(log.lines.first.flatMap { pid_t($0.text) })
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await processGone(grandchild))
    }

    @Test func detachLeavesTheCommandRunningAndWritingItsFile() async throws {
        let dir = try TemporaryDirectory(prefix: "effects-files")
        defer { dir.remove() }
        let log = LineLog()
        let detach = DetachSwitch()
        let command = ProcessCommand("/bin/sh", ["-c", "echo started; sleep 1; echo finished-later"], timeout: .seconds(60),
                                     outputFiles: files(dir), detachSwitch: detach)
        let runner = self.runner
        let task = Task { try await runner.run(command, onLine: log.append) }
        let deadline = ContinuousClock.now + .seconds(10)
        while log.lines.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        detach.detach()
        let result = try await task.value
        guard case .detached(let pid) = result.status else { Issue.record("not detached: \(result.status)"); return }
        #expect(pid > 0)
        #expect(result.standardOutput == "started\n")
        #expect(await processGone(pid, within: .seconds(5)), "the detached command never finished")
        #expect(try LocalFileSystem().readString(dir.appending("helm.out")) == "started\nfinished-later\n")
    }

    @Test func detachNeedsOutputFiles() async {
        let command = ProcessCommand("true", timeout: .seconds(5), detachSwitch: DetachSwitch())
        await #expect(throws: ProcessRunnerError.self) { _ = try await runner.run(command) }
    }

    @Test func unwritableOutputFileIsALaunchError() async throws {
        let command = ProcessCommand("true", timeout: .seconds(5), outputFiles: OutputFiles(standardOutput: "/nonexistent/out", standardError: "/nonexistent/err"))
        let error = await #expect(throws: ProcessRunnerError.self) { _ = try await runner.run(command) }
        #expect(error?.description == "cannot run true: cannot open the output file /nonexistent/out: no such file or directory")
    }
}
