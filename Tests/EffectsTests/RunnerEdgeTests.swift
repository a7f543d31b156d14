import Glibc
import Testing
@testable import Effects

@Suite struct RunnerEdgeTests {
    let runner = SubprocessRunner()

    @Test func childIgnoringLargeStdinDoesNotKillUs() async throws {
        let input = [UInt8](repeating: 0x41, count: 4 << 20)
        let result = try await runner.run(ProcessCommand("true", timeout: .seconds(10), standardInput: input))
        #expect(result.status == .exited(0))
    }

    @Test func leaderExitReturnsEvenIfAGrandchildHoldsTheOutput() async throws {
        let started = ContinuousClock.now
        let result = try await runner.run(ProcessCommand("/bin/sh", ["-c", "sleep 60 & echo $!"], timeout: .seconds(90)))
        #expect(result.status == .exited(0))
        #expect(ContinuousClock.now - started < .seconds(15), "should stop long before the child's own end")
        if let pid = pid_t(result.standardOutput.split(separator: "\n").first ?? "") { kill(pid, SIGKILL) }
    }
}

@Suite struct StreamTerminationTests {
    @Test func leavingTheStreamEarlyStopsTheCommand() async throws {
        var leader: pid_t?
        for try await event in SubprocessRunner().stream(ProcessCommand("/bin/sh", ["-c", "echo $$; exec sleep 30"], timeout: .seconds(60))) {
            if case .line(let line) = event { leader = pid_t(line.text) }
            break
        }
        let pid = try #require(leader)
        #expect(await processGone(pid), "the command kept running after the stream was dropped")
    }
}

@Suite struct LaunchErrorTests {
    @Test func launchErrorsMaskSecretArguments() {
        let error = ProcessRunnerError.launchFailed(argv: ["helm", "install", "--set", "redis.password=hunter2", "--password", "x"], reason: "boom")
        #expect(error.description == "cannot run helm install --set 'redis.password=***' --password '***': boom")
    }
}
