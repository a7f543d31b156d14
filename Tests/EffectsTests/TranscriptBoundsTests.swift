import Foundation
import Glibc
import PosthogTestSupport
import Testing
@testable import Effects

/// Transcripts stay small: repeated polls, a size cap, pruning, and no file for a run that
/// never ran a command.
@Suite struct TranscriptBoundsTests {
    private func poll(_ runner: TranscriptingRunner) async throws {
        _ = try await runner.run(ProcessCommand("kubectl", ["get", "pods", "-o", "json"], timeout: .seconds(5)))
    }

    @Test func aRepeatedPollWithTheSameOutputIsRecordedOnce() async throws {
        let sink = MemoryTranscriptSink()
        let scripted = ScriptedRunner()
        let pods = (1...50).map { "pod-\($0) Running" }.joined(separator: "\n")
        for _ in 0..<3 { scripted.expect(["kubectl", "get", "pods", "-o", "json"], .exit(0, stdout: pods)) }
        scripted.expect(["kubectl", "get", "pods", "-o", "json"], .exit(0, stdout: pods.replacingOccurrences(of: "pod-50 Running", with: "pod-50 Ready")))
        let runner = TranscriptingRunner(scripted, transcript: Transcript(sink: sink, clock: ManualClock()))
        for _ in 0..<4 { try await poll(runner) }
        let log = sink.contents
        #expect(log.components(separatedBy: "out| pod-1 Running").count - 1 == 1)  // only the first poll in full
        #expect(log.contains("[2] output unchanged from [1] (50 lines)"))
        #expect(log.contains("[3] output unchanged from [1] (50 lines)"))
        #expect(log.contains("[4] output changed from [1] (50 lines; only the changed ones follow)\n"))
        #expect(log.contains("[4] @@ line 50 @@\n21:40:03.000 [4] - out| pod-50 Running\n21:40:03.000 [4] + out| pod-50 Ready\n"))
        #expect(log.contains("[4] exit code 0"))
    }

    @Test func outputChangedBeyondTheLimitIsWrittenInFull() async throws {
        let sink = MemoryTranscriptSink()
        let scripted = ScriptedRunner()
        let first = (1...3000).map { "a\($0)" }.joined(separator: "\n")
        let second = (1...3000).map { "b\($0)" }.joined(separator: "\n")
        scripted.expect(["kubectl", "get", "pods", "-o", "json"], .exit(0, stdout: first))
        scripted.expect(["kubectl", "get", "pods", "-o", "json"], .exit(0, stdout: second))
        let runner = TranscriptingRunner(scripted, transcript: Transcript(sink: sink, clock: ManualClock()))
        try await poll(runner)
        try await poll(runner)
        #expect(sink.contents.contains("[2] out| b1\n"))
        #expect(sink.contents.contains("[2] out| b3000\n"))
        #expect(!sink.contents.contains("changed from"))
    }

    @Test func aFailedRunIsWrittenWhole() async throws {
        let sink = MemoryTranscriptSink()
        let transcript = Transcript(sink: sink, clock: ManualClock())
        let first = transcript.outputRecorder(1, argv: ["kubectl", "get", "pods"])
        first.record(OutputLine(.standardOutput, "same"))
        first.finish(exitedNormally: true)
        let second = transcript.outputRecorder(2, argv: ["kubectl", "get", "pods"])
        second.record(OutputLine(.standardOutput, "same"))
        second.finish(exitedNormally: false)
        #expect(sink.contents.contains("[2] out| same\n"))
    }

    @Test func aTranscriptStopsGrowingAtItsLimitButKeepsCommandsUntilTheHardLimit() async throws {
        let sink = MemoryTranscriptSink()
        let scripted = ScriptedRunner()
        let big = (1...200).map { "line \($0) " + String(repeating: "x", count: 80) }.joined(separator: "\n")
        for number in 0..<40 { scripted.expect(["kubectl", "logs", "p\(number)"], .exit(0, stdout: big)) }
        let limit = Transcript.SizeLimit(limit: 60_000, reserve: 20_000)
        let runner = TranscriptingRunner(scripted, transcript: Transcript(sink: sink, clock: ManualClock(), sizeLimit: limit))
        for number in 0..<40 { _ = try await runner.run(ProcessCommand("kubectl", ["logs", "p\(number)"], timeout: .seconds(5))) }
        let log = sink.contents
        #expect(log.utf8.count <= limit.limit)
        #expect(log.contains("from here on only commands and their exit codes are recorded"))
        #expect(log.contains("$ kubectl logs p39") || log.contains("nothing more is recorded"))
    }

    @Test func pruningKeepsTheNewestWithinCountAndSize() throws {
        let kb = String(repeating: "x", count: 1000)
        let fs = InMemoryFileSystem(files: [
            "/s/transcript-2026-11-20T10-00-00.log": kb, "/s/transcript-2026-11-21T10-00-00.log": kb,
            "/s/transcript-2026-11-22T10-00-00.log": kb, "/s/transcript-2026-11-23T10-00-00.log": kb + kb,
            "/s/values.yaml": kb + kb + kb,
        ])
        Transcript.pruneTranscripts(inDirectory: "/s", keep: 3, keepBytes: 3000, fileSystem: fs)
        #expect(try fs.listDirectory("/s") == ["transcript-2026-11-22T10-00-00.log", "transcript-2026-11-23T10-00-00.log", "values.yaml"])
        Transcript.pruneTranscripts(inDirectory: "/s", keep: 3, keepBytes: 10, fileSystem: fs)
        // The newest is kept even when it alone is over the size.
        #expect(try fs.listDirectory("/s") == ["transcript-2026-11-23T10-00-00.log", "values.yaml"])
    }

    @Test func theDefaultTranscriptFileAppearsWithTheFirstLinePrivateInAPrivateDirectory() throws {
        let dir = try TemporaryDirectory(prefix: "effects-transcript-deferred")
        defer { dir.remove() }
        let state = dir.appending("state")
        try LocalFileSystem().makeDirectories(state + "/posthog-install", mode: 0o755)
        let paths = XDGPaths(environment: ["HOME": dir.path, "XDG_STATE_HOME": state])
        let transcript = Transcript.openDefault(paths: paths, clock: ManualClock())
        #expect(transcript.path == nil)
        #expect(try LocalFileSystem().listDirectory(state + "/posthog-install").isEmpty)
        transcript.note("first")
        let path = try #require(transcript.path)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(state + "/posthog-install", &info) == 0 && info.st_mode & 0o777 == 0o700)
    }
}
