import Cluster
import Effects
import Installer
import Kube
import PosthogTestSupport
import Synchronization
import YAML
import Testing
@testable import PosthogInstallCommands

/// The wait for the load balancer's address after the pods are ready.
@Suite struct AddressWaitTests {
    final class Events: Sendable {
        let items = Mutex<[OperationEvent]>([])
        func append(_ e: OperationEvent) { items.withLock { $0.append(e) } }
        var problems: [PostInstallFinding] {
            items.withLock { $0 }.compactMap { if case .addressProblem(let f) = $0 { return f } else { return nil } }
        }
        var dnsRecords: Int { items.withLock { $0 }.filter { if case .dnsRecord = $0 { return true } else { return false } }.count }
    }

    static let pendingService = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"posthog-ingress-nginx-controller","namespace":"posthog"},
         "spec":{"type":"LoadBalancer","ports":[{"port":80}]},"status":{"loadBalancer":{}}}
        """

    func wait(cloud: Cloud, attempts: Int) async throws -> Events {
        let runner = ScriptedRunner()
        runner.expect(matching: "kubectl get service", times: nil, .exit(0, stdout: Self.pendingService),
                      where: { $0.executable == "kubectl" })
        let events = Events()
        let clock = FastClock(factor: 500)
        let connection = ClusterConnection.real(context: "own", runner: runner, paths: TestConnections.paths, clock: clock)
        let steps = ClusterSteps(connection: connection, clock: clock, report: { events.append($0) })
        let values = try YAML.parse("ingress:\n  hostname: posthog.example.com\n", file: "values.yaml")
        let address = try await steps.waitForAddress(source: .service("posthog-ingress-nginx-controller"), cloud: cloud,
                                                     values: values, namespace: "posthog", attempts: attempts)
        #expect(address == nil)
        return events
    }

    @Test func onAClusterOfOnesOwnThePendingAddressIsExplainedAfterAMinuteWhileTheWaitGoesOn() async throws {
        // 60 attempts, 2 s apart: two minutes of waiting; the advice comes once, mid-wait, then the final finding.
        let events = try await wait(cloud: .other, attempts: 60)
        let problems = events.problems
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.fix.contains("MetalLB") == true)
        #expect(events.dnsRecords == 0)
    }

    @Test func onACloudOnlyTheEndOfTheWaitSaysAnything() async throws {
        let events = try await wait(cloud: .aws, attempts: 60)
        #expect(events.problems.count == 1)
        #expect(events.problems.first?.fix.contains("MetalLB") == false)
    }
}
