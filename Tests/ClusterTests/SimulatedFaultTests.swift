import Effects
import Foundation
import JSON
import Kube
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

@Suite struct SimulatedFaultTests {
    static let badTag = SimulationHarness.doValues + "image:\n  tag: no-such-tag\n"

    @Test func unpullableImageGivesImagePullBackOffWithTheRealMessage() async throws {
        let h = try SimulationHarness(faults: SimulatedFaults(unpullableImages: ["posthog/posthog:no-such-tag"]), values: Self.badTag)
        try await h.addRepository()
        var short = h.request
        short.timeout = .seconds(90)
        let helm = h.helm
        let request = short
        await #expect(throws: HelmCommandError.self) { try await h.drive { try await helm.install(request, onLine: { _ in }) } }

        let update = try await h.poller().poll()
        let migrate = try #require(update.objects.snapshot.pods.first { $0.owner?.kind == "Job" })
        let status = try #require(migrate.status.containerStatuses.first)
        #expect(status.state.waitingReason == "ImagePullBackOff")
        let failed = update.objects.snapshot.events.first {
            $0.reason == "Failed" && $0.involvedObject.name == migrate.name && $0.message.hasPrefix("Failed to pull")
        }
        #expect(
            failed?.message
                == "Failed to pull image \"posthog/posthog:no-such-tag\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/posthog/posthog:no-such-tag\": failed to resolve reference \"docker.io/posthog/posthog:no-such-tag\": docker.io/posthog/posthog:no-such-tag: not found"
        )
        #expect(failed?.type == "Warning")
        #expect((failed?.count ?? 0) > 1)
        guard case .stop(let reasons) = update.decision else {
            Issue.record("expected a stop")
            return
        }
        #expect(reasons.contains { $0.kind == .imagePull && $0.objectName == migrate.name })
        let diagnosis = try #require(update.diagnoses.first { $0.code == .imagePull })
        #expect(diagnosis.summary.contains("the image or tag does not exist"))
    }

    @Test func crashLoopIsStoppedOnAndItsLogIsRead() async throws {
        let log = ["Code: 210. DB::NetException: Connection refused (zookeeper:2181)", "Application: shutting down"]
        let h = try SimulationHarness(faults: SimulatedFaults(crashingContainers: ["clickhouse": log]))
        try await h.addRepository()
        let helm = h.helm
        let request = h.request
        let install = Task { try? await helm.install(request, onLine: { _ in }) }
        let clock = h.clock
        // Log reads are ticks without an update, so the clock moves on its own here.
        let driver = Task {
            while !Task.isCancelled {
                if await clock.waitForSleepers(1, limit: .milliseconds(20)) { clock.advance(by: .seconds(2)) }
            }
        }
        defer {
            install.cancel()
            driver.cancel()
        }

        var lastDiagnoses: [Diagnosis] = []
        var stopped: [FailFast] = []
        var ticks = 0
        for try await event in h.poller().events() {
            ticks += 1
            if case .update(let u) = event {
                lastDiagnoses = u.diagnoses
                if case .stop(let reasons) = u.decision, u.diagnoses.contains(where: { $0.details.contains("  " + log[0]) }) {
                    stopped = reasons
                    break
                }
            }
            if ticks > 300 { break }
        }
        #expect(stopped.contains { $0.kind == .crashLoopBackOff && $0.container == "clickhouse" })
        let crash = try #require(lastDiagnoses.first { $0.code == .crashLoop })
        #expect(crash.subject == "Pod chi-posthog-posthog-0-0-0")
        #expect(crash.details.contains("  Application: shutting down"))
        let previous = try await h.kubectl.previousLogs(
            pod: "chi-posthog-posthog-0-0-0", container: "clickhouse", namespace: "posthog", tail: 1)
        #expect(previous == ["Application: shutting down"])
        #expect(try await h.kubectl.previousLogs(pod: "posthog-posthog-kafka-0", container: "kafka", namespace: "posthog").isEmpty)
    }

    @Test func claimThatIsNeverProvisionedFailsFast() async throws {
        let h = try SimulationHarness(faults: SimulatedFaults(stuckClaims: ["data-posthog-posthog-kafka-0"]))
        try await h.addRepository()
        var short = h.request
        short.timeout = .seconds(60)
        let helm = h.helm
        let request = short
        await #expect(throws: HelmCommandError.self) { try await h.drive { try await helm.install(request, onLine: { _ in }) } }
        let update = try await h.pollUntilDecided(seconds: 300)
        guard case .stop(let reasons) = update.decision else {
            Issue.record("expected a stop")
            return
        }
        #expect(reasons.contains { $0.kind == .pvcPending && $0.objectName == "data-posthog-posthog-kafka-0" })
        #expect(update.objects.snapshot.events.contains { $0.reason == "ProvisioningFailed" && $0.type == "Warning" })
        #expect(update.diagnoses.contains { $0.code == .pvcPending && $0.subject == "PersistentVolumeClaim data-posthog-posthog-kafka-0" })
    }
}

@Suite struct SimulatedLifecycleTests {
    @Test func uninstallRemovesTheReleaseButKeepsTheVolumes() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm
        let request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        let lines = Mutex<[String]>([])
        try await h.helm.uninstall(release: "posthog", namespace: "posthog") { l in lines.withLock { $0.append(l.text) } }
        #expect(lines.withLock { $0 } == ["release \"posthog\" uninstalled"])
        #expect(try await h.helm.list(namespace: "posthog").isEmpty)
        let left = try await h.kubectl.namespaceObjects("posthog").snapshot
        #expect(left.pods.isEmpty && left.deployments.isEmpty && left.statefulSets.isEmpty && left.jobs.isEmpty && left.services.isEmpty)
        #expect(
            left.pvcs.map(\.metadata.name).sorted() == [
                "data-chi-posthog-posthog-0-0-0", "data-posthog-posthog-kafka-0",
                "data-posthog-posthog-postgresql-0", "data-posthog-posthog-redis-master-0", "data-posthog-posthog-zookeeper-0",
            ])
        let again = await #expect(throws: HelmCommandError.self) { try await h.helm.uninstall(release: "posthog", namespace: "posthog") }
        #expect(again?.kind == .releaseNotFound)
        #expect(again?.message == "Error: uninstall: Release not loaded: posthog: release: not found")

        #expect(try await h.kubectl.deleteNamespace("posthog") == "namespace \"posthog\" deleted")
        #expect(try await h.kubectl.namespaceExists("posthog") == false)
        let gone = await #expect(throws: KubectlError.self) { try await h.kubectl.deleteNamespace("posthog") }
        #expect(gone?.message == "Error from server (NotFound): namespaces \"posthog\" not found")
    }

    @Test func upgradeBumpsTheRevisionAndRefusesStatefulSetVolumeChanges() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm
        let request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        h.files.addFile("/work/values.yaml", SimulationHarness.doValues + "web:\n  replicacount: 2\n")
        let out = try await h.drive { try await helm.upgrade(request, onLine: { _ in }) }
        #expect(out.standardOutput.hasPrefix("Release \"posthog\" has been upgraded. Happy Helming!\nNAME: posthog\n"))
        #expect(out.standardOutput.contains("REVISION: 2"))
        let ready = try await h.pollUntilDecided()
        #expect(ready.decision == .allReady)
        #expect(ready.objects.snapshot.deployments.first { $0.metadata.name == "posthog-web" }?.readyReplicas == 2)

        h.files.addFile("/work/values.yaml", SimulationHarness.doValues + "kafka:\n  persistence:\n    size: 40Gi\n")
        let error = await #expect(throws: HelmCommandError.self) { try await helm.upgrade(request, onLine: { _ in }) }
        #expect(
            error?.message.hasPrefix(
                "Error: UPGRADE FAILED: cannot patch \"posthog-posthog-kafka\" with kind StatefulSet: StatefulSet.apps \"posthog-posthog-kafka\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than"
            ) == true)
        #expect(error?.diagnosis?.code == .helmStatefulSetForbidden)
        #expect(error?.diagnosis?.upgradeNoteID == "kafka-zookeeper-statefulsets-3")
    }

    @Test func awsLoadBalancersGiveAHostName() async throws {
        let h = try SimulationHarness(flavour: .aws)
        try await h.addRepository()
        let helm = h.helm
        let request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        _ = try await h.pollUntilDecided()
        let svc = try await h.kubectl.service("posthog-ingress-nginx-controller", namespace: "posthog")
        let address = try #require(ExternalAddress(service: svc))
        #expect(address.kind == .hostname && address.value.hasSuffix(".us-east-1.elb.amazonaws.com"))
        #expect(address.dnsRecord(for: "posthog.example.com").type == "CNAME")
        #expect(try await h.kubectl.storageClasses().first?.metadata.name == "gp2")
    }

    @Test func sameSeedSameCluster() async throws {
        let a = try SimulationHarness()
        let b = try SimulationHarness()
        let na = try await a.kubectl.nodes().map(\.name)
        let nb = try await b.kubectl.nodes().map(\.name)
        #expect(na == nb && na.allSatisfy { $0.hasPrefix("pool-posthog-") })
    }
}

@Suite struct SimulatedSpecTests {
    @Test func nodeSpecsParse() throws {
        #expect(try SimulatedNodePool.parse("2x2cpu4gi") == [SimulatedNodePool(count: 2, milliCPU: 2000, memoryBytes: 4 << 30)])
        #expect(
            try SimulatedNodePool.parse("1x1.5cpu2048mi,3x4cpu8gi") == [
                SimulatedNodePool(count: 1, milliCPU: 1500, memoryBytes: 2 << 30),
                SimulatedNodePool(count: 3, milliCPU: 4000, memoryBytes: 8 << 30),
            ])
        #expect(throws: SimulatedClusterSpecError.self) { try SimulatedNodePool.parse("2x2cpu") }
        #expect(throws: SimulatedClusterSpecError.self) { try SimulatedNodePool.parse("lots") }
        let message = SimulatedClusterSpecError(text: "2x2").description
        #expect(message.contains("\"2x2\"") && message.contains("2x2cpu4gi"))
    }

    @Test func allocatableIsBelowCapacityLikeRealNodes() {
        let (cpu, mem) = SimNode.allocatable(milliCPU: 2000, memoryBytes: 4 << 30)
        #expect(cpu == 1930)
        #expect(mem == (4 << 30) - (1 << 30) - (100 << 20))  // 2972 MiB, close to DigitalOcean's 2981Mi
    }

    @Test func jsonIsPrintedLikeKubectl() {
        let v: JSONValue = .object(["b": .array([.int(1), .string("<x&y>")]), "a": .object([:]), "c": .null])
        #expect(
            v.pretty == "{\n    \"a\": {},\n    \"b\": [\n        1,\n        \"\\u003cx\\u0026y\\u003e\"\n    ],\n    \"c\": null\n}\n")
        #expect(KubeTimeText.ansic(Date(timeIntervalSince1970: 1_795_556_403)) == "Tue Nov 24 21:40:03 2026")
        #expect(SimulatedCluster.parseGoDuration("20m") == .seconds(1200))
        #expect(SimulatedCluster.parseGoDuration("1h30m5s") == .seconds(5405))
        #expect(SimulatedCluster.parseGoDuration("soon") == nil)
    }

    @Test func preemptionPartFollowsTheScheduler() {
        let fit = "0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory."
        #expect(
            SimState.schedulerMessage(fit, nodeCount: 2, failure: SchedulingFailure.parse(fit))
                == "0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."
        )
    }
}
