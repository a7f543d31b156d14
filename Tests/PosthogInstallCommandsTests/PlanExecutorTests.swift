import Cluster
import Effects
import Foundation
import Installer
import Kube
import PosthogTestSupport
import Synchronization
import Testing
@testable import PosthogInstallCommands

/// The one loop every cluster-changing command runs its plan through.
@Suite struct PlanExecutorTests {
    final class Events: Sendable {
        let items = Mutex<[OperationEvent]>([])
        func append(_ e: OperationEvent) { items.withLock { $0.append(e) } }
        /// The lines printed as notes: notes, and why a wait stopped.
        var notes: [String] {
            items.withLock { $0 }.compactMap {
                switch $0 {
                case .note(let t), .stopped(let t): return t
                default: return nil
                }
            }
        }
        var heartbeats: [String] { items.withLock { $0 }.compactMap { if case .heartbeat(let t) = $0 { return t } else { return nil } } }
    }

    static let refusal = "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?"

    func executor(_ runner: ScriptedRunner, clock: any WallClock, events: Events) -> PlanExecutor {
        let connection = ClusterConnection.real(context: "prod", runner: runner, paths: TestConnections.paths, clock: clock)
        let steps = ClusterSteps(connection: connection, clock: clock, report: { events.append($0) })
        return PlanExecutor(steps: steps, namespace: "posthog", followUp: FollowUpCommands(context: "prod", namespace: "posthog"))
    }

    @Test func aClusterThatStopsAnsweringIsReportedAtOnceAndTheWatchGivesUpWithTheNextCommand() async throws {
        let runner = ScriptedRunner()
        runner.expect(matching: "kubectl get", times: nil, .exit(1, stderr: Self.refusal), where: { $0.executable == "kubectl" })
        let events = Events()
        let clock = FastClock(factor: 200)
        let watch = PlanStep(id: "watch", title: "Wait", action: .task(.watchProgress), readOnly: true)
        let code = try await executor(runner, clock: clock, events: events).execute([watch])
        #expect(code == .failed)
        let notes = events.notes
        let told = try #require(notes.firstIndex { $0.contains("The cluster stopped answering") })
        #expect(notes[told].contains("was refused"))
        #expect(notes.contains { $0.contains("Gave up: the cluster has not answered for 1m") }, "\(notes)")
        #expect(notes.last?.contains("run `posthog-install status --watch --context prod`") == true, "\(notes)")
    }

    @Test func aFailedStepEndsThePlanWithTheNextCommandAndLaterStepsDoNotRun() async throws {
        let runner = ScriptedRunner()
        runner.expect(["helm", "repo", "update"], .exit(1, stderr: "Error: no repositories found"))
        let events = Events()
        let plan = [
            PlanStep(id: "repo-update", title: "Update", action: .run(["helm", "repo", "update"])),
            PlanStep(id: "install", title: "Install", action: .run(["helm", "install", "x"])),
        ]
        let code = try await executor(runner, clock: FastClock(factor: 50), events: events).execute(plan)
        #expect(code == .failed)
        #expect(
            events.notes.last == "Next: fix what is shown above, then run the same command again. "
                + "`posthog-install status --context prod` shows what is in the cluster now.")
    }

    @Test func helmsErrorIsPrintedOnceWithTheExplanation() async throws {
        let runner = ScriptedRunner()
        let error =
            "Error: UPGRADE FAILED: cannot patch \"posthog-posthog-postgresql\" with kind StatefulSet: StatefulSet.apps \"posthog-posthog-postgresql\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        runner.expect(["helm", "upgrade", "posthog"], .exit(1, stderr: error + "\n"))
        let lines = Mutex<[String]>([])
        let printer = HeadlessPrinter(emit: { line in lines.withLock { $0.append(line) } })
        let connection = ClusterConnection.real(context: "prod", runner: runner, paths: TestConnections.paths)
        let steps = ClusterSteps(connection: connection, clock: FastClock(factor: 50), report: { printer.print($0) })
        let step = PlanStep(id: "upgrade", title: "Upgrade", action: .run(["helm", "upgrade", "posthog"]))
        #expect(try await steps.run(step, argv: ["helm", "upgrade", "posthog"], watchNamespace: nil) == false)
        let printed = lines.withLock { $0 }
        #expect(printed.filter { $0.contains("UPGRADE FAILED") }.count == 1, "\(printed)")
        #expect(printed.contains { $0.contains("Kubernetes does not allow to change") }, "the explanation is still there: \(printed)")
    }

    @Test func aHandlerCanTakeAStepOrStopThePlan() async throws {
        let runner = ScriptedRunner()
        let events = Events()
        let plan = [
            PlanStep(id: "a", title: "A", action: .task(.writeValues)),
            PlanStep(id: "b", title: "B", action: .run(["helm", "never"])),
        ]
        let seen = Mutex<[String]>([])
        let code = try await executor(runner, clock: FastClock(factor: 50), events: events).execute(plan) { step in
            seen.withLock { $0.append(step.id) }
            return step.id == "a" ? .next : .finish(.stopped)
        }
        #expect(code == .stopped)
        #expect(seen.withLock { $0 } == ["a", "b"])
    }

    @Test func helmWaitingForHooksIsStoppedWhenTheClusterStopsAnswering() async throws {
        let clock = FastClock(factor: 200)
        let runner = ScriptedRunner(clock: clock)
        // helm would wait its whole timeout for hooks that a lost cluster can never run.
        runner.expect(["helm", "install", "posthog"], Script.exit(0).after(.seconds(20 * 60)))
        runner.expect(matching: "kubectl get", times: nil, .exit(1, stderr: Self.refusal), where: { $0.executable == "kubectl" })
        let events = Events()
        var executor = executor(runner, clock: clock, events: events)
        executor.watchedWhileRunning = ["install"]
        let plan = [PlanStep(id: "install", title: "Install PostHog", action: .run(["helm", "install", "posthog"]))]
        let started = clock.monotonic
        let code = try await executor.execute(plan)
        #expect(code == .failed)
        #expect(clock.monotonic - started < .seconds(5 * 60), "helm was waited for after the watch gave up")
        let notes = events.notes
        #expect(notes.contains { $0.contains("Gave up: the cluster has not answered") }, "\(notes)")
        #expect(notes.contains { $0.contains("Stopped helm") }, "\(notes)")
        #expect(notes.last?.contains("run `posthog-install status --watch --context prod`") == true, "\(notes)")
        // Between "stopped answering" and "gave up" a heartbeat keeps the log alive.
        #expect(events.heartbeats.contains { $0.hasPrefix("no answer from the cluster for ") }, "\(events.heartbeats)")
    }

    @Test func aWatchedToolIsNeverSilentForLongerThanTheHeartbeat() async throws {
        let clock = FastClock(factor: 100)
        let runner = ScriptedRunner(clock: clock)
        runner.expect(["helm", "install", "posthog"], Script.exit(0).after(.seconds(70)))
        // Nothing exists yet for the whole run: the watch has nothing to print.
        runner.expect(
            matching: "kubectl get", times: nil, .exit(0, stdout: #"{"apiVersion":"v1","kind":"List","items":[]}"#),
            where: { $0.executable == "kubectl" })
        let events = Events()
        var executor = executor(runner, clock: clock, events: events)
        executor.watchedWhileRunning = ["install"]
        let plan = [PlanStep(id: "install", title: "Install PostHog", action: .run(["helm", "install", "posthog"]))]
        #expect(try await executor.execute(plan) == .success)
        #expect(events.heartbeats.count >= 2, "\(events.heartbeats)")
        #expect(events.heartbeats.first?.hasSuffix("): Install PostHog") == true, "\(events.heartbeats)")
    }

    @Test func aQuietToolGetsAHeartbeat() async throws {
        let clock = FastClock(factor: 100)
        let runner = ScriptedRunner(clock: clock)
        runner.expect(["helm", "uninstall", "posthog"], Script.exit(0, stdout: "release \"posthog\" uninstalled\n").after(.seconds(70)))
        let events = Events()
        let plan = [PlanStep(id: "uninstall", title: "Uninstall release posthog", action: .run(["helm", "uninstall", "posthog"]))]
        let code = try await executor(runner, clock: clock, events: events).execute(plan)
        #expect(code == .success)
        #expect(events.heartbeats.count >= 2, "\(events.heartbeats)")
        #expect(events.heartbeats.first?.hasPrefix("still running (") == true)
        #expect(events.heartbeats.first?.hasSuffix("): Uninstall release posthog") == true)
    }
}

/// The commands printed as next steps carry the cluster, namespace and release that were used.
@Suite struct FollowUpCommandsTests {
    @Test func flagsFollowWhatWasUsed() {
        #expect(
            FollowUpCommands(context: "do-fra1", namespace: "posthog").posthogInstall("status")
                == "posthog-install status --context do-fra1")
        #expect(
            FollowUpCommands(context: "c", namespace: "ph", release: "analytics").watchStatus
                == "posthog-install status --watch --context c --namespace ph --release analytics")
        #expect(
            FollowUpCommands(context: "posthog-simulated", simulated: true).posthogInstall("status") == "posthog-install status --simulate")
        #expect(FollowUpCommands(context: "my ctx").posthogInstall("status") == "posthog-install status --context 'my ctx'")
        #expect(FollowUpCommands(context: nil, namespace: "ph").kubectl(["get", "pods"]) == "kubectl get pods -n ph")
        #expect(FollowUpCommands(context: "c").helm(["status", "posthog"]) == "helm status posthog --namespace posthog --kube-context c")
    }

    @Test func elapsedTimeReads() {
        #expect(ElapsedText.text(.seconds(9)) == "9s")
        #expect(ElapsedText.text(.seconds(125)) == "2m05s")
        #expect(ElapsedText.text(.seconds(3725)) == "1h02m")
    }
}
