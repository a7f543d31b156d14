import Effects
import Foundation
import Kube
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

@Suite struct SimulatedInstallTests {
    @Test func fullInstallOnTwoSmallNodesBecomesReady() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let lines = Mutex<[String]>([])
        let helm = h.helm, request = h.request
        let result = try await h.drive { try await helm.install(request) { line in lines.withLock { $0.append(line.text) } } }
        #expect(result.status == .exited(0))
        let printed = lines.withLock { $0 }
        #expect(printed.first == "NAME: posthog")
        #expect(printed.contains("LAST DEPLOYED: Tue Nov 24 21:40:03 2026"))
        #expect(printed.contains("NAMESPACE: posthog"))
        #expect(printed.contains("STATUS: deployed"))
        #expect(printed.contains("REVISION: 1"))
        #expect(printed.contains("NOTES:"))

        let update = try await h.pollUntilDecided()
        #expect(update.decision == .allReady)
        #expect(update.summary.overall == .current)
        #expect(update.summary.ready == update.summary.total)
        let s = update.objects.snapshot
        #expect(s.deployments.map(\.metadata.name).sorted() == ["posthog-cert-manager", "posthog-events", "posthog-ingress-nginx-controller",
                                                                "posthog-pgbouncer", "posthog-plugins", "posthog-web", "posthog-worker"])
        #expect(s.statefulSets.count == 5)
        #expect(s.pvcs.count == 5 && s.pvcs.allSatisfy { $0.phase == "Bound" })
        #expect(s.jobs.first?.conditions.contains { $0.type == "Complete" && $0.isTrue } == true)
        #expect(s.events.contains { $0.reason == "Scheduled" && $0.message.hasPrefix("Successfully assigned posthog/") })
        #expect(s.events.contains { $0.reason == "Pulled" })
        #expect(update.diagnoses.isEmpty)
        #expect(update.objects.ingresses.first?.hosts == ["posthog.example.com"])

        // The external address, as design.md §2 reads it for nginx clouds.
        let svc = try await h.kubectl.service("posthog-ingress-nginx-controller", namespace: "posthog")
        let address = try #require(ExternalAddress(service: svc))
        #expect(address.kind == .ipv4 && address.value.hasPrefix("203.0.113."))
        let ingress = try await h.kubectl.ingress("posthog", namespace: "posthog")
        #expect(ExternalAddress(ingress: ingress)?.value == address.value)

        let release = try #require(try await h.helm.installedRelease("posthog", namespace: "posthog"))
        #expect(release.status == "deployed" && release.chart.hasPrefix("posthog-30.") && release.revision == 1)
        #expect(try await h.helm.status(release: "posthog", namespace: "posthog")?.status == "deployed")
    }

    @Test func clusterQueriesDecodeThroughTheClients() async throws {
        let h = try SimulationHarness()
        let nodes = try await h.kubectl.nodes()
        #expect(nodes.count == 2)
        #expect(nodes.allSatisfy { $0.isReady && $0.capacityAmounts.milliCPU == 2000 && $0.allocatableAmounts.milliCPU < 2000 })
        #expect(nodes.allSatisfy { $0.allocatableAmounts.memory < $0.capacityAmounts.memory })
        #expect(ClusterSizeCheck.check(nodes: nodes).verdict != .fail)
        let classes = try await h.kubectl.storageClasses()
        // DigitalOcean's three classes, do-block-storage the default, all waiting for their first consumer.
        #expect(classes.map(\.metadata.name) == ["do-block-storage", "do-block-storage-retain", "do-block-storage-xfs"])
        #expect(classes.filter(\.isDefault).map(\.metadata.name) == ["do-block-storage"])
        #expect(classes.allSatisfy { $0.volumeBindingMode == "WaitForFirstConsumer" && $0.allowVolumeExpansion })
        #expect(try await h.kubectl.currentContext() == "posthog-simulated")
        #expect(try await h.kubectl.contexts() == ["posthog-simulated"])
        let version = try await h.kubectl.version()
        #expect(version.server?.gitVersion == "v1.32.2" && version.client.minorNumber == 32)
        #expect(try await h.kubectl.namespaceExists("posthog") == false)
        #expect(try await h.kubectl.namespaceExists("kube-system"))
        #expect(try await h.helm.version() == "v3.16.3+gcfd0749")
        #expect(try await h.kubectl.allPods().count == 4)  // two network agents, two DNS pods

        let wrong = KubectlClient(runner: h.cluster, options: KubectlOptions(context: "prod"))
        let error = await #expect(throws: KubectlError.self) { try await wrong.nodes() }
        #expect(error?.kind == .noContext)
        #expect(error?.message == "Error in configuration: context was not found for specified context: prod")
    }

    @Test func undersizedClusterLeavesPodsPendingAndHelmTimesOut() async throws {
        // A values file asking for more memory for ClickHouse than a 2 GiB node can give.
        let values = SimulationHarness.doValues + """
        clickhouse:
          resources:
            requests:
              cpu: 500m
              memory: 2Gi

        """
        let h = try SimulationHarness(nodes: "1x2cpu2gi", values: values)
        try await h.addRepository()
        var shortTimeout = h.request
        shortTimeout.timeout = .seconds(120)
        let helm = h.helm, request = shortTimeout
        let error = await #expect(throws: HelmCommandError.self) {
            try await h.drive { try await helm.install(request, onLine: { _ in }) }
        }
        #expect(error?.message == "Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition")
        #expect(error?.diagnosis?.code == .helmTimeout)
        #expect(try await h.helm.installedRelease("posthog", namespace: "posthog")?.status == "failed")

        let update = try await h.poller().poll()
        let pending = try #require(update.objects.snapshot.events.first { $0.reason == "FailedScheduling" })
        #expect(pending.involvedObject.name == "chi-posthog-posthog-0-0-0")
        #expect(pending.type == "Warning")
        #expect(pending.message == "0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
        guard case .stop(let reasons) = update.decision else { Issue.record("expected a stop, got \(update.decision)"); return }
        #expect(reasons.contains { $0.kind == .unschedulable && $0.objectName == "chi-posthog-posthog-0-0-0" })
        #expect(update.diagnoses.contains { $0.code == .insufficientResources && $0.subject == "Pod chi-posthog-posthog-0-0-0" })
    }

    @Test func secondInstallIsRefusedWithHelmsWords() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm, request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        let error = await #expect(throws: HelmCommandError.self) { try await helm.install(request, onLine: { _ in }) }
        #expect(error?.message == "Error: INSTALLATION FAILED: cannot re-use a name that is still in use")
        #expect(error?.diagnosis?.code == .helmNameInUse)
    }

    @Test func installWithoutTheRepositoryFailsLikeHelm() async throws {
        let h = try SimulationHarness()
        let error = await #expect(throws: HelmCommandError.self) { try await h.helm.install(h.request, onLine: { _ in }) }
        #expect(error?.message == "Error: INSTALLATION FAILED: repo posthog not found")
        var missing = h.request
        missing.valuesFile = "/work/nope.yaml"
        try await h.addRepository()
        let noFile = await #expect(throws: HelmCommandError.self) { try await h.helm.install(missing, onLine: { _ in }) }
        #expect(noFile?.message == "Error: open /work/nope.yaml: no such file or directory")
    }
}

extension SimulationHarness {
    func poller() -> NamespacePoller { NamespacePoller(kubectl: kubectl, namespace: "posthog", clock: clock) }
}
