import Effects
import PosthogTestSupport
import Synchronization
import Testing
@testable import PosthogInstallCommands

/// `status --watch` and the port forward stop on Ctrl-C, SIGTERM and SIGHUP with exit 3,
/// saying what was left and what to run next.
@Suite struct StopOnSignalTests {
    @Test(arguments: [SignalEvent.interrupt, .terminate, .hangup])
    func aSignalCancelsTheWork(_ signal: SignalEvent) async throws {
        let signals = ManualSignalSource()
        let cancelled = Mutex(false)
        let task = Task {
            try await StopOnSignal.run(signals) { () async throws -> Int in
                do { try await Task.sleep(for: .seconds(3600)) } catch {
                    cancelled.withLock { $0 = true }
                    throw error
                }
                return 1
            }
        }
        for _ in 0..<500 where signals.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        signals.send(signal)
        guard case .stopped(let got) = try await task.value else { Issue.record("not stopped"); return }
        #expect(got == signal)
        #expect(cancelled.withLock { $0 })
        #expect(signals.subscriberCount == 0)
    }

    @Test func workThatEndsByItselfIsReturned() async throws {
        let outcome = try await StopOnSignal.run(ManualSignalSource()) { 42 }
        guard case .finished(let value) = outcome else { Issue.record("stopped"); return }
        #expect(value == 42)
    }

    @Test func statusWatchStopsOnSIGTERMWithExitThreeAndTheCommandToWatchAgain() async throws {
        let installed = try await InstalledCluster.make()
        // The namespace never settles: every pod poll hangs, as on a slow cluster.
        let runner = InterceptingRunner(installed.cluster) { command, _ in
            guard command.executable == "kubectl", command.arguments.contains(where: { $0.hasPrefix("pods") }) else { return nil }
            try await Task.sleep(for: .seconds(3600))
            return ProcessResult(argv: command.argv, status: .exited(0))
        }
        let signals = ManualSignalSource()
        let lines = InstallCommandTests.Lines()
        var run = StatusRun(files: installed.files, connection: installed.connection(through: runner), network: FixedNetworkProbes(address: nil),
                            clock: installed.clock, emit: { lines.append($0) })
        run.signals = signals
        let task = Task { await run.execute(StatusRun.Request(namespace: "posthog", watch: true)) }
        for _ in 0..<1000 where signals.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        signals.send(.terminate)
        #expect(await task.value == .stopped)
        #expect(lines.text.contains("Stopped watching (SIGTERM). Nothing was changed: PostHog goes on starting in the cluster."))
        #expect(lines.text.contains("Watch again with: posthog-install status --watch --simulate"))
    }
}
