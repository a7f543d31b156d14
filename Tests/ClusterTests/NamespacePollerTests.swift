import Effects
import Foundation
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

@Suite struct NamespacePollerTests {
    static let emptyList = "{\"apiVersion\": \"v1\", \"items\": [], \"kind\": \"List\", \"metadata\": {\"resourceVersion\": \"\"}}\n"

    @Test func atMostOneKubectlProcessPerInterval() async throws {
        let clock = ManualClock()
        let runner = ScriptedRunner(clock: clock)
        let kubectl = KubectlClient(runner: runner)
        let argv = kubectl.namespaceObjectsCommand("posthog").argv
        runner.expect(matching: "poll", times: nil, .exit(0, stdout: Self.emptyList)) { $0.argv == argv }
        let poller = NamespacePoller(kubectl: kubectl, namespace: "posthog", clock: clock)
        var events = poller.events().makeAsyncIterator()
        _ = try await events.next()
        #expect(runner.calls.count == 1)
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(1))
        try await Task.sleep(for: .milliseconds(20))
        #expect(runner.calls.count == 1)  // still waiting out the interval
        clock.advance(by: .seconds(1))
        _ = try await events.next()
        #expect(runner.calls.count == 2)
        #expect(runner.callArgvs.allSatisfy { $0 == argv })
    }

    @Test func aFailedPollIsReportedAndPollingGoesOn() async throws {
        let clock = ManualClock()
        let runner = ScriptedRunner(clock: clock)
        let kubectl = KubectlClient(runner: runner)
        let argv = kubectl.namespaceObjectsCommand("posthog").argv
        runner.expect(argv, .exit(1, stderr: "The connection to the server 10.0.0.1:443 was refused - did you specify the right host or port?\n"))
        runner.expect(argv, .exit(0, stdout: Self.emptyList))
        var events = NamespacePoller(kubectl: kubectl, namespace: "posthog", clock: clock).events().makeAsyncIterator()
        guard case .pollFailed(let error) = try await events.next() else { Issue.record("expected a failed poll"); return }
        #expect(error.kind == .unreachable)
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(2))
        guard case .update(let update) = try await events.next() else { Issue.record("expected an update"); return }
        #expect(update.decision == .keepWaiting)  // nothing there yet is not "all ready"
    }

    @Test func decisionsFollowTheSummary() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var ready = Deployment(name: "posthog-web")
        ready.observedGeneration = 1; ready.metadata.generation = 1
        ready.updatedReplicas = 1; ready.statusReplicas = 1; ready.readyReplicas = 1; ready.availableReplicas = 1
        let done = NamespacePollUpdate.evaluate(NamespaceObjects(snapshot: NamespaceSnapshot(deployments: [ready])), now: now)
        #expect(done.decision == .allReady)
        var job = Job(name: "posthog-migrate")
        job.failed = 4; job.backoffLimit = 3
        job.conditions = [Condition(type: "Failed", status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")]
        let failed = NamespacePollUpdate.evaluate(NamespaceObjects(snapshot: NamespaceSnapshot(deployments: [ready], jobs: [job])), now: now)
        guard case .stop(let reasons) = failed.decision else { Issue.record("expected a stop"); return }
        #expect(reasons.map(\.kind) == [.jobBackoffLimitExceeded])
        #expect(failed.diagnoses.contains { $0.code == .jobFailed })
    }
}
