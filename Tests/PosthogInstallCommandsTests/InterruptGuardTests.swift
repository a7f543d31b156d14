import Effects
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// Ctrl-C during an operation: once leaves helm running, twice stops it.
@Suite struct InterruptGuardTests {
    let signals = ManualSignalSource()
    let clock = FastClock(factor: 50)

    func guardian(_ lines: InstallCommandTests.Lines) -> InterruptGuard {
        InterruptGuard(signals: signals, clock: clock, emit: { lines.append($0) })
    }

    /// An operation that takes simulated minutes unless cancelled.
    func longOperation() -> @Sendable () async -> ToolExitCode {
        let clock = self.clock
        return {
            do { try await clock.sleep(for: .seconds(600)) } catch { return .stopped }
            return .success
        }
    }

    func waitForSubscriber() async throws {
        for _ in 0..<200 where signals.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func anOperationThatEndsReportsItsCode() async {
        let outcome = await guardian(InstallCommandTests.Lines()).run { .preflightBlocked }
        #expect(outcome == .finished(.preflightBlocked))
    }

    @Test func oneCtrlCExplainsTheChoiceAndLeavesHelmRunning() async throws {
        let lines = InstallCommandTests.Lines()
        let task = Task { await guardian(lines).run(longOperation()) }
        try await waitForSubscriber()
        signals.send(.interrupt)
        #expect(await task.value == .leftRunning)
        #expect(lines.text.contains("press it again within 5 s to stop now, helm included"))
        #expect(lines.text.contains("`posthog-install status --watch` follows it"))
    }

    @Test func aSecondCtrlCStopsTheOperation() async throws {
        let lines = InstallCommandTests.Lines()
        let task = Task { await guardian(lines).run(longOperation()) }
        try await waitForSubscriber()
        signals.send(.interrupt)
        signals.send(.interrupt)
        #expect(await task.value == .stopped)
    }

    @Test func sigtermStopsAtOnce() async throws {
        let task = Task { await guardian(InstallCommandTests.Lines()).run(longOperation()) }
        try await waitForSubscriber()
        signals.send(.terminate)
        #expect(await task.value == .stopped)
    }
}
