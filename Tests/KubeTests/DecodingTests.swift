import Foundation
import Testing
@testable import Kube

struct DecodingTests {
    @Test func nodesFromDigitalOcean() throws {
        let nodes = try Fixture.list(Node.self, "nodes-do-2x2.json")
        #expect(nodes.count == 2)
        #expect(nodes[0].allocatableAmounts.milliCPU == 1900)
        #expect(nodes[0].allocatableAmounts.memory == 2981 * 1_048_576)
        #expect(nodes[0].allocatableAmounts.pods == 110)
        #expect(nodes[0].capacityAmounts.milliCPU == 2000)
        #expect(nodes[0].isReady)
        #expect(nodes[0].labels["doks.digitalocean.com/node-pool"] == "pool-posthog")
    }

    @Test func podsList() throws {
        let pods = try Fixture.list(Pod.self, "pods.json")
        #expect(pods.count == 11)
        let ch = try Fixture.pod("chi-posthog-posthog-0-0-0")
        #expect(ch.status.phase == "Pending")
        #expect(ch.unschedulableCondition?.message?.hasPrefix("0/2 nodes are available") == true)
        #expect(ch.spec.effectiveRequests == ResourceAmounts(milliCPU: 1000, memory: 2 << 30, pods: 1))
        #expect(ch.spec.containers[0].resourceLimits["memory"]?.value == 3 << 30)
        #expect(ch.spec.tolerations.count == 2)
        let worker = try Fixture.pod("posthog-worker-5c4f6d8b7-qq8rt")
        #expect(worker.status.containerStatuses[0].state.waitingReason == "CrashLoopBackOff")
        #expect(worker.status.containerStatuses[0].lastState == .terminated(reason: "Error", message: "", exitCode: 1, finishedAt: KubeTime.parse("2024-05-01T10:03:04Z")))
        #expect(worker.status.containerStatuses[0].restartCount == 5)
        #expect(worker.owner?.kind == "ReplicaSet")
    }

    @Test func initContainersCountInEffectiveRequests() throws {
        let events = try Fixture.pod("posthog-events-8b7c6d5f4-z9y8x")
        #expect(events.spec.initContainers.map(\.name) == ["wait-for-service-dependencies", "wait-for-migrations"])
        #expect(events.spec.effectiveRequests.milliCPU == 100)
        var spec = PodSpec(containers: [Container(name: "a", requests: ["cpu": try Quantity("100m"), "memory": try Quantity("64Mi")]),
                                        Container(name: "b", requests: ["cpu": try Quantity("200m"), "memory": try Quantity("64Mi")])],
                           initContainers: [Container(name: "i", requests: ["cpu": try Quantity("500m"), "memory": try Quantity("16Mi")])])
        #expect(spec.effectiveRequests == ResourceAmounts(milliCPU: 500, memory: 128 << 20, pods: 1))
        spec.overhead = ["cpu": try Quantity("50m")]
        #expect(spec.effectiveRequests.milliCPU == 550)
        // A limit without a request counts as the request.
        let limitOnly = Container(name: "l", limits: ["memory": try Quantity("1Gi")])
        #expect(limitOnly.requests.memory == 1 << 30)
    }

    @Test func eventsWithEventTimeAndNullTimestamps() throws {
        let events = try Fixture.list(Event.self, "events.json")
        #expect(events.count == 8)
        let fs = events[0]
        #expect(fs.reason == "FailedScheduling")
        #expect(fs.firstTimestamp == nil)
        #expect(fs.count == 1)
        let t = try #require(fs.eventTime)
        #expect(abs(t.timeIntervalSince1970 - 1_714_557_603.512345) < 0.000_01)
        #expect(fs.lastSeen == fs.eventTime)
        #expect(events[2].count == 4)
        #expect(events[2].involvedObject.name == "posthog-plugins-6f7d9b8c4-m5n6p")
    }

    @Test func singleObjectAsList() throws {
        let sts = try Fixture.list(StatefulSet.self, "statefulset-kafka.json")
        #expect(sts.count == 1)
        #expect(sts[0].currentRevision != sts[0].updateRevision)
        #expect(sts[0].podSpec.containers[0].requests.memory == 512 << 20)
        let job = try KubeJSON.decode(Job.self, from: Fixture.data("job-migrate-failed.json"))
        #expect(job.backoffLimit == 3 && job.failed == 4)
    }

    @Test func storageServicesIngressNamespace() throws {
        let pvcs = try Fixture.list(PersistentVolumeClaim.self, "pvcs.json")
        #expect(pvcs.map(\.phase) == ["Bound", "Pending", "Pending"])
        #expect(pvcs[0].capacity?.value == 10 << 30)
        #expect(pvcs[1].requestedStorage?.value == 15 << 30)
        #expect(pvcs[2].storageClassName == nil)
        let classes = try Fixture.list(StorageClass.self, "storageclasses.json")
        #expect(classes.map(\.isDefault) == [true, false])
        #expect(classes[1].volumeBindingMode == "WaitForFirstConsumer" && classes[0].allowVolumeExpansion)
        let svcs = try Fixture.list(Service.self, "services.json")
        #expect(svcs[0].type == "LoadBalancer" && svcs[0].ports.map(\.port) == [80, 443])
        #expect(svcs[0].loadBalancerIngress == [LoadBalancerIngress(ip: "203.0.113.10")])
        #expect(svcs[2].loadBalancerIngress.isEmpty)
        let ing = try KubeJSON.decode(Ingress.self, from: Fixture.data("ingress-do.json"))
        #expect(ing.hosts == ["posthog.example.com"])
        let ns = try KubeJSON.decode(Namespace.self, from: Fixture.data("namespace-terminating.json"))
        #expect(ns.phase == "Terminating" && ns.specFinalizers == ["kubernetes"])
        #expect(ns.blockingMessages.count == 2)
        #expect(ns.metadata.deletionTimestamp != nil)
    }

    @Test func toleratesMissingFields() throws {
        let pods = try KubeJSON.decodeList(Pod.self, from: #"{"kind":"PodList","items":[{},{"metadata":{"name":"x"},"spec":null,"status":{"containerStatuses":[{"name":"c","state":{}}]}}]}"#)
        #expect(pods.count == 2)
        #expect(pods[1].name == "x" && pods[1].status.containerStatuses[0].state == .unknown)
        let empty = try KubeJSON.decodeList(Node.self, from: #"{"apiVersion":"v1","kind":"List","items":[]}"#)
        #expect(empty.isEmpty)
        let noItems = try KubeJSON.decodeList(Node.self, from: #"{"kind":"NodeList"}"#)
        #expect(noItems.isEmpty)
    }

    static let badInputs: [(String, String)] = [
        (#"{"items":[{"spec":{"containers":[{"resources":{"requests":{"cpu":"lots"}}}]}}]}"#, "[0].spec.containers[0].resources.requests.cpu"),
        (#"{"items":[{"metadata":{"creationTimestamp":"yesterday"}}]}"#, "[0].metadata.creationTimestamp"),
        (#"{"items":[{"status":{"phase":3}}]}"#, "[0].status.phase"),
    ]
    @Test(arguments: badInputs) func badInputNamesThePath(json: String, path: String) {
        do {
            _ = try KubeJSON.decodeList(Pod.self, from: json)
            Issue.record("expected an error")
        } catch let e as KubeError {
            guard case let .invalidJSON(kind, p, _) = e else { Issue.record("wrong error \(e)"); return }
            #expect(kind == "Pod")
            #expect(p.hasSuffix(path), "\(p)")
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test func notJSON() {
        #expect(throws: KubeError.self) { try KubeJSON.decodeList(Pod.self, from: "error: the server doesn't have a resource type") }
    }

    static let times: [(String, Double?)] = [
        ("2024-05-01T10:00:00Z", 1_714_557_600), ("2024-05-01T10:00:00.5Z", 1_714_557_600.5),
        ("2024-05-01T12:00:00+02:00", 1_714_557_600), ("1970-01-01T00:00:00Z", 0), ("2000-02-29T00:00:00Z", 951_782_400),
        ("2024-13-01T00:00:00Z", nil), ("2024-05-01", nil), ("2024-05-01T10:00:00", nil), ("", nil),
    ]
    @Test(arguments: times) func parsesTimestamps(text: String, epoch: Double?) {
        #expect(KubeTime.parse(text)?.timeIntervalSince1970 == epoch)
    }

    @Test func formatsTimestamps() {
        #expect(KubeTime.format(Date(timeIntervalSince1970: 1_714_557_600)) == "2024-05-01T10:00:00Z")
        #expect(KubeTime.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}
