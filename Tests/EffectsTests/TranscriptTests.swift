import Glibc
import PosthogTestSupport
import Synchronization
import Testing
@testable import Effects

@Suite struct TranscriptTests {
    @Test func recordsCommandsOutputAndEndsWithSecretsMasked() async throws {
        let clock = ManualClock()
        let sink = MemoryTranscriptSink()
        let transcript = Transcript(sink: sink, clock: clock)
        transcript.registerSecret("generated-pw-123")
        let scripted = ScriptedRunner()
        let install = ["helm", "install", "posthog", "posthog/posthog", "--set", "clickhouse.password=generated-pw-123", "-f", "my values.yaml"]
        scripted.expect(install, .exit(0, stdout: "NAME: posthog\npassword: generated-pw-123", stderr: "Authorization: Bearer abc"))
        scripted.expect(["kubectl", "get", "secret", "posthog", "-o", "yaml"], .exit(0, stdout: "data:\n  key: c2VjcmV0\nkind: Secret"))
        scripted.expect(["kubectl", "get", "pods"], .exit(1, stderr: "error: boom"))
        let runner = TranscriptingRunner(scripted, transcript: transcript)

        let seen = Mutex<[String]>([])
        let result = try await runner.run(ProcessCommand(install[0], Array(install.dropFirst()), timeout: .seconds(5))) { line in
            seen.withLock { $0.append(line.text) }
        }
        #expect(result.status == .exited(0))
        // Callers see the real output; only the transcript is masked.
        #expect(seen.withLock { $0 } == ["NAME: posthog", "password: generated-pw-123", "Authorization: Bearer abc"])
        _ = try await runner.run(ProcessCommand("kubectl", ["get", "secret", "posthog", "-o", "yaml"], timeout: .seconds(5)))
        _ = try await runner.run(ProcessCommand("kubectl", ["get", "pods"], timeout: .seconds(5), environment: ["KUBECONFIG": "/k"]))
        await #expect(throws: UnexpectedCommandError.self) {
            _ = try await runner.run(ProcessCommand("kubectl", ["delete", "ns", "posthog"], timeout: .seconds(5)))
        }
        transcript.note("values written, admin password: generated-pw-123")

        #expect(sink.contents == """
        21:40:03.000 [1] $ helm install posthog posthog/posthog --set 'clickhouse.password=***' -f 'my values.yaml'
        21:40:03.000 [1] out| NAME: posthog
        21:40:03.000 [1] out| password: ***
        21:40:03.000 [1] err| Authorization: ***
        21:40:03.000 [1] exit code 0 (0 s)
        21:40:03.000 [2] $ kubectl get secret posthog -o yaml
        21:40:03.000 [2] out| data:
        21:40:03.000 [2] out|   key: ***
        21:40:03.000 [2] out| kind: Secret
        21:40:03.000 [2] exit code 0 (0 s)
        21:40:03.000 [3] $ kubectl get pods    (env: KUBECONFIG)
        21:40:03.000 [3] err| error: boom
        21:40:03.000 [3] exit code 1 (0 s)
        21:40:03.000 [4] $ kubectl delete ns posthog
        21:40:03.000 [4] unexpected command: kubectl delete ns posthog
        21:40:03.000 [4] expected one of:
        21:40:03.000 [4]   (nothing)
        21:40:03.000 note: values written, admin password: ***

        """)
    }

    @Test func fileTranscriptIsPrivateAndPerRun() throws {
        let dir = try TemporaryDirectory(prefix: "effects-transcript")
        defer { dir.remove() }
        let clock = ManualClock()
        let logs = dir.appending("state/posthog-install")
        let first = try Transcript.open(inDirectory: logs, clock: clock)
        let second = try Transcript.open(inDirectory: logs, clock: clock)
        #expect(first.path == logs + "/transcript-2026-11-24T21-40-03.log")
        #expect(second.path == logs + "/transcript-2026-11-24T21-40-03-2.log")
        first.note("hello")
        first.note("token=abc")
        let text = try LocalFileSystem().readString(try #require(first.path))
        #expect(text == "21:40:03.000 note: hello\n21:40:03.000 note: token=***\n")
        var info = stat()
        #expect(stat(try #require(first.path), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(logs, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func realRunnerTranscriptMasksSecretJSON() async throws {
        let sink = MemoryTranscriptSink()
        let runner = TranscriptingRunner(SubprocessRunner(), transcript: Transcript(sink: sink, clock: ManualClock()))
        let json = #"{\n    "data": {\n        "password": "aHVudGVy"\n    },\n    "kind": "Secret"\n}"#
        let result = try await runner.run(ProcessCommand("printf", [json, "get", "secrets"], timeout: .seconds(10)))
        #expect(result.standardOutput.contains("aHVudGVy"))
        #expect(!sink.contents.contains("aHVudGVy"))
        #expect(sink.contents.contains(#"out|         "password": "***""#))
    }
}

@Suite struct ScriptedRunnerTests {
    @Test func playsScriptsInOrderAndRecordsCalls() async throws {
        let runner = ScriptedRunner()
        runner.expect(["kubectl", "version"], .exit(0, stdout: "v1"))
        runner.expect(["kubectl", "version"], .exit(1, stderr: "second"))
        runner.expect(["helm", "list"], times: nil, .exit(0, stdout: "[]"))
        let first = try await runner.run(ProcessCommand("kubectl", ["version"], timeout: .seconds(1)))
        let second = try await runner.run(ProcessCommand("kubectl", ["version"], timeout: .seconds(1)))
        for _ in 0..<3 { _ = try await runner.run(ProcessCommand("helm", ["list"], timeout: .seconds(1))) }
        #expect(first.standardOutput == "v1\n" && first.status == .exited(0))
        #expect(second.standardError == "second\n" && second.status == .exited(1))
        #expect(runner.callArgvs.count == 5)
        #expect(runner.unmetExpectations.isEmpty)
    }

    @Test func unexpectedArgvFailsWithAClearMessage() async throws {
        let runner = ScriptedRunner()
        runner.expect(["kubectl", "get", "pods"], .exit(0))
        let error = await #expect(throws: UnexpectedCommandError.self) {
            _ = try await runner.run(ProcessCommand("kubectl", ["get", "nodes"], timeout: .seconds(1)))
        }
        #expect(error?.description == "unexpected command: kubectl get nodes\nexpected one of:\n  kubectl get pods")
        #expect(runner.unmetExpectations == ["kubectl get pods"])
    }

    @Test func delaysFollowTheManualClockAndTimeoutsApply() async throws {
        let clock = ManualClock()
        let runner = ScriptedRunner(clock: clock)
        runner.expect(["helm", "install"], Script([.line(OutputLine(.standardOutput, "started")), .sleep(.seconds(30))], status: .exited(0)))
        runner.expect(["kubectl", "get", "ns"], .hang())
        let lines = Recorder<String>()
        let install = Task { try await runner.run(ProcessCommand("helm", ["install"], timeout: .seconds(60))) { lines.append($0.text) } }
        #expect(await clock.waitForSleepers(1))
        #expect(lines.values == ["started"])
        clock.advance(by: .seconds(30))
        #expect(try await install.value.status == .exited(0))

        let hung = Task { try await runner.run(ProcessCommand("kubectl", ["get", "ns"], timeout: .seconds(10))) }
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(10))
        #expect(try await hung.value.status == .timedOut(after: .seconds(10)))
    }

    @Test func cancellationEndsAScriptedPause() async throws {
        let clock = ManualClock()
        let runner = ScriptedRunner(clock: clock)
        runner.expect(["helm", "upgrade"], .hang())
        let task = Task { try await runner.run(ProcessCommand("helm", ["upgrade"], timeout: .seconds(7200))) }
        #expect(await clock.waitForSleepers(1))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func notFoundIsAStatus() async throws {
        let runner = ScriptedRunner()
        runner.expect(["helm", "version"], .notFound("helm"))
        let result = try await runner.run(ProcessCommand("helm", ["version"], timeout: .seconds(1)))
        #expect(result.status == .notFound(name: "helm", searched: ["/usr/local/bin", "/usr/bin", "/bin"]))
    }
}

@Suite struct ClockAndTimestampTests {
    static let cases: [(Timestamp, String)] = [
        (Timestamp(secondsSinceEpoch: 0), "1970-01-01T00:00:00Z"),
        (Timestamp(secondsSinceEpoch: 951_782_400), "2000-02-29T00:00:00Z"),
        (Timestamp(secondsSinceEpoch: -1), "1969-12-31T23:59:59Z"),
        (Timestamp(year: 2026, month: 11, day: 24, hour: 21, minute: 40, second: 3), "2026-11-24T21:40:03Z"),
        (Timestamp(year: 2100, month: 3, day: 1), "2100-03-01T00:00:00Z"),
    ]

    @Test(arguments: cases) func formatsISO8601(timestamp: Timestamp, expected: String) {
        #expect(timestamp.iso8601 == expected)
    }

    @Test func fileStampAndTimeOfDay() {
        let t = Timestamp(year: 2026, month: 11, day: 24, hour: 21, minute: 40, second: 3) + .milliseconds(45)
        #expect(t.fileStamp == "2026-11-24T21-40-03")
        #expect(t.timeOfDay == "21:40:03.045")
        #expect(t - Timestamp(year: 2026, month: 11, day: 24, hour: 21, minute: 40) == .milliseconds(3045))
    }

    @Test func systemClockIsCloseToTime() {
        var now = time_t()
        time(&now)
        let clock = SystemClock()
        #expect(abs(clock.now.secondsSinceEpoch - Int64(now)) <= 2)
        let a = clock.monotonic
        #expect(clock.monotonic >= a)
    }

    @Test func manualClockWakesSleepersInOrder() async throws {
        let clock = ManualClock()
        let order = Recorder<Int>()
        let a = Task { try await clock.sleep(for: .seconds(5)); order.append(5) }
        let b = Task { try await clock.sleep(for: .seconds(2)); order.append(2) }
        #expect(await clock.waitForSleepers(2))
        clock.advance(by: .seconds(1))
        #expect(clock.sleeperCount == 2)
        clock.advance(by: .seconds(1))
        try await b.value
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(3))
        try await a.value
        #expect(order.values == [2, 5])
        #expect(clock.now.iso8601 == "2026-11-24T21:40:08Z")
    }

    @Test func durationFormatting() {
        #expect(formatDuration(.seconds(2)) == "2 s")
        #expect(formatDuration(.milliseconds(2500)) == "2.5 s")
        #expect(formatDuration(.milliseconds(177)) == "0.177 s")
    }
}

@Suite struct XDGPathsTests {
    @Test func usesXDGVariablesWhenAbsolute() {
        let paths = XDGPaths(environment: ["HOME": "/home/me", "XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/c/", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.stateDirectory == "/s/posthog-install")
        #expect(paths.cacheDirectory == "/c/posthog-install")
        #expect(paths.configDirectory == "/cfg/posthog-install")
    }

    @Test func fallsBackToHomeAndIgnoresRelativeValues() {
        let paths = XDGPaths(environment: ["HOME": "/home/me", "XDG_STATE_HOME": "relative/state"])
        #expect(paths.stateDirectory == "/home/me/.local/state/posthog-install")
        #expect(paths.cacheDirectory == "/home/me/.cache/posthog-install")
        #expect(paths.configDirectory == "/home/me/.config/posthog-install")
        #expect(XDGPaths(environment: [:], home: "/root").stateDirectory == "/root/.local/state/posthog-install")
    }

    @Test func currentEnvironmentIsRead() {
        #expect(ProcessEnvironment.current()["PATH"] != nil)
        #expect(XDGPaths.current.cacheDirectory.hasSuffix("/posthog-install"))
    }
}

/// A thread-safe list for values recorded from concurrent code.
final class Recorder<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) { storage.withLock { $0.append(value) } }
    var values: [Value] { storage.withLock { $0 } }
}

@Suite struct TranscriptHousekeepingTests {
    @Test func prunesOldTranscriptsNewestKept() throws {
        let fs = InMemoryFileSystem(files: [
            "/s/transcript-2026-11-20T10-00-00.log": "", "/s/transcript-2026-11-21T10-00-00.log": "",
            "/s/transcript-2026-11-21T10-00-00-2.log": "", "/s/transcript-2026-11-21T10-00-00-10.log": "",
            "/s/values.yaml": "",
        ])
        Transcript.pruneTranscripts(inDirectory: "/s", keep: 2, fileSystem: fs)
        #expect(try fs.listDirectory("/s") == ["transcript-2026-11-21T10-00-00-10.log", "transcript-2026-11-21T10-00-00-2.log", "values.yaml"])
    }

    @Test func standardInputIsNotedButNotRecorded() async throws {
        let sink = MemoryTranscriptSink()
        let scripted = ScriptedRunner()
        scripted.expect(["kubectl", "apply", "-f", "-"], .exit(0))
        let runner = TranscriptingRunner(scripted, transcript: Transcript(sink: sink, clock: ManualClock()))
        _ = try await runner.run(ProcessCommand("kubectl", ["apply", "-f", "-"], timeout: .seconds(5), standardInput: Array("password: x".utf8)))
        #expect(sink.contents.hasPrefix("21:40:03.000 [1] $ kubectl apply -f -    (stdin: 11 bytes, not recorded)\n"))
    }

    @Test func literalSecretArgumentsAreMasked() {
        let argv = ["kubectl", "create", "secret", "generic", "s", "--from-literal=POSTHOG_PW=abc=def", "--from-literal", "X=y", "--from-file=a.txt"]
        #expect(Redactor().redactArguments(argv) == ["kubectl", "create", "secret", "generic", "s", "--from-literal=POSTHOG_PW=***", "--from-literal", "X=***", "--from-file=a.txt"])
    }
}

@Suite struct ScriptedDetachTests {
    @Test func detachIsNoticedBetweenSteps() async throws {
        let clock = ManualClock()
        let runner = ScriptedRunner(clock: clock)
        let sink = MemoryTranscriptSink()
        let logged = TranscriptingRunner(runner, transcript: Transcript(sink: sink, clock: clock))
        runner.expect(["helm", "install"], Script([.line(OutputLine(.standardOutput, "a")), .sleep(.seconds(5)), .line(OutputLine(.standardOutput, "b"))], status: .exited(0)))
        let detach = DetachSwitch()
        let command = ProcessCommand("helm", ["install"], timeout: .seconds(60), detachSwitch: detach)
        let task = Task { try await logged.run(command) }
        #expect(await clock.waitForSleepers(1))
        detach.detach()
        clock.advance(by: .seconds(5))
        let result = try await task.value
        #expect(result.status == .detached(pid: ScriptedRunner.detachedPid))
        #expect(result.standardOutput == "a\n")
        #expect(sink.contents.hasSuffix("[1] left running as process 4242 (5 s)\n"))
    }
}
