import Foundation
import Testing
@testable import Kube

struct StatusTests {
    static let podRows: [(String, TimeInterval, ObjectStatus.State, String, FailFast.Kind?)] = [
        ("posthog-web-7d9f8c6b5-k2x9z", 300, .current, "ready", nil),
        ("chi-posthog-posthog-0-0-0", 30, .inProgress, "waiting for a node: 0/2 nodes are available", nil),
        ("chi-posthog-posthog-0-0-0", 64, .failed, "unschedulable for 61 s", .unschedulable),
        ("posthog-worker-5c4f6d8b7-qq8rt", 300, .failed, "container posthog-workers: CrashLoopBackOff", .crashLoopBackOff),
        ("posthog-plugins-6f7d9b8c4-m5n6p", 300, .failed, "container posthog-plugins: ImagePullBackOff", .imagePull),
        ("posthog-events-8b7c6d5f4-z9y8x", 300, .inProgress, "Init:0/2 waiting for ClickHouse", nil),
        ("posthog-migrate-2024-05-01-10-00-00-xk2lp", 300, .current, "completed", nil),
    ]
    @Test(arguments: podRows) func podStatus(name: String, at: TimeInterval, state: ObjectStatus.State, prefix: String, kind: FailFast.Kind?) throws {
        let s = StatusRules.status(of: try Fixture.pod(name), now: Fixture.time(at))
        #expect(s.state == state)
        #expect(s.message.hasPrefix(prefix), "\(s.message)")
        #expect(s.failure?.kind == kind)
    }

    static let waiting: [(String, ObjectStatus.State)] = [
        ("ContainerCreating", .inProgress), ("PodInitializing", .inProgress), ("CrashLoopBackOff", .failed),
        ("ImagePullBackOff", .failed), ("ErrImagePull", .failed), ("InvalidImageName", .failed),
        ("CreateContainerConfigError", .failed),
    ]
    @Test(arguments: waiting) func waitingReasons(reason: String, state: ObjectStatus.State) {
        var pod = Pod(metadata: ObjectMeta(name: "p"), spec: PodSpec(containers: [Container(name: "c")]))
        pod.spec.nodeName = "n"
        pod.status.phase = "Pending"
        pod.status.containerStatuses = [ContainerStatus(name: "c", state: .waiting(reason: reason, message: ""))]
        #expect(StatusRules.status(of: pod, now: Fixture.time(0)).state == state)
    }

    @Test func runningSidecarInitContainerDoesNotHoldBackAReadyPod() {
        var pod = Pod(metadata: ObjectMeta(name: "p"), spec: PodSpec(containers: [Container(name: "c")], initContainers: [Container(name: "proxy")]))
        pod.spec.nodeName = "n"; pod.status.phase = "Running"
        pod.status.conditions = [Condition(type: "Ready", status: "True")]
        pod.status.initContainerStatuses = [ContainerStatus(name: "proxy", ready: true, state: .running(startedAt: nil))]
        pod.status.containerStatuses = [ContainerStatus(name: "c", ready: true, state: .running(startedAt: nil))]
        #expect(StatusRules.status(of: pod, now: Fixture.time(0)) == ObjectStatus(.current, "ready"))
    }

    @Test func unschedulableGraceIsConfigurable() throws {
        let p = try Fixture.pod("chi-posthog-posthog-0-0-0")
        #expect(StatusRules.status(of: p, now: Fixture.time(64), policy: StatusPolicy(unschedulableGrace: 120)).state == .inProgress)
    }

    static let deployments: [(Int64, Int64, Int, Int, Int, Int, ObjectStatus.State, String)] = [
        // generation, observed, replicas, updated, statusReplicas, available
        (2, 1, 1, 1, 1, 1, .inProgress, "waiting for the controller to see the new spec"),
        (1, 1, 2, 1, 2, 1, .inProgress, "1 of 2 updated"),
        (1, 1, 2, 2, 3, 2, .inProgress, "1 old replicas terminating"),
        (1, 1, 2, 2, 2, 1, .inProgress, "1 of 2 available"),
        (1, 1, 2, 2, 2, 2, .current, "2 of 2 available"),
        (1, 1, 0, 0, 0, 0, .current, "0 of 0 available"),
    ]
    @Test(arguments: deployments) func deploymentStatus(g: Int64, o: Int64, r: Int, u: Int, s: Int, a: Int, state: ObjectStatus.State, msg: String) {
        var d = Deployment(name: "web", replicas: r)
        d.metadata.generation = g; d.observedGeneration = o; d.updatedReplicas = u; d.statusReplicas = s; d.availableReplicas = a
        #expect(StatusRules.status(of: d) == ObjectStatus(state, msg))
    }

    @Test func deploymentFixturesAndDeadline() throws {
        let ds = try Fixture.list(Deployment.self, "deployments.json")
        #expect(ds.map { StatusRules.status(of: $0).state } == [.current, .inProgress])
        var d = ds[1]
        d.conditions = [Condition(type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: "ReplicaSet \"posthog-worker-5c4f6d8b7\" has timed out progressing.")]
        #expect(StatusRules.status(of: d).state == .failed)
    }

    @Test func statefulSetRevisions() throws {
        var s = try Fixture.list(StatefulSet.self, "statefulset-kafka.json")[0]
        #expect(StatusRules.status(of: s) == ObjectStatus(.inProgress, "rolling update: 1 of 1 updated"))
        s.currentRevision = s.updateRevision
        #expect(StatusRules.status(of: s) == ObjectStatus(.current, "1 of 1 ready"))
        s.readyReplicas = 0
        #expect(StatusRules.status(of: s) == ObjectStatus(.inProgress, "0 of 1 ready"))
        s.readyReplicas = 1; s.updateStrategy = "OnDelete"; s.currentRevision = "old"
        #expect(StatusRules.status(of: s).state == .current)
    }

    @Test func jobStatus() throws {
        let failed = try KubeJSON.decode(Job.self, from: Fixture.data("job-migrate-failed.json"))
        let s = StatusRules.status(of: failed)
        #expect(s.state == .failed)
        #expect(s.message == "failed after 4 attempts (backoff limit 3)")
        #expect(s.failure?.kind == .jobBackoffLimitExceeded)
        var j = Job(name: "j")
        #expect(StatusRules.status(of: j) == ObjectStatus(.inProgress, "running: 0 of 1 done"))
        j.failed = 7
        #expect(StatusRules.status(of: j).state == .failed)
        j.failed = 1; j.succeeded = 1; j.conditions = [Condition(type: "Complete", status: "True")]
        #expect(StatusRules.status(of: j) == ObjectStatus(.current, "completed"))
    }

    @Test func pvcStatus() throws {
        let pvcs = try Fixture.list(PersistentVolumeClaim.self, "pvcs.json")
        #expect(StatusRules.status(of: pvcs[0], now: Fixture.time(10)) == ObjectStatus(.current, "bound (10 GiB)"))
        #expect(StatusRules.status(of: pvcs[1], now: Fixture.time(60)) == ObjectStatus(.inProgress, "waiting for a volume (storage class do-block-storage)"))
        let late = StatusRules.status(of: pvcs[2], now: Fixture.time(200))
        #expect(late.state == .failed && late.failure?.kind == .pvcPending)
        #expect(late.message == "no volume after 200 s (the default storage class)")
    }

    @Test func serviceAndIngressStatus() throws {
        let svcs = try Fixture.list(Service.self, "services.json")
        #expect(svcs.map { StatusRules.status(of: $0).state } == [.current, .current, .inProgress, .current])
        #expect(StatusRules.status(of: svcs[0]).message == "address 203.0.113.10")
        let ing = try KubeJSON.decode(Ingress.self, from: Fixture.data("ingress-do.json"))
        #expect(StatusRules.status(of: ing) == ObjectStatus(.current, "address 198.51.100.7"))
        #expect(StatusRules.status(of: Ingress(name: "x")).state == .inProgress)
    }

    @Test func aggregation() throws {
        let snap = NamespaceSnapshot(pods: try Fixture.list(Pod.self, "pods.json").filter { $0.metadata.namespace == "posthog" },
                                     deployments: try Fixture.list(Deployment.self, "deployments.json"),
                                     statefulSets: try Fixture.list(StatefulSet.self, "statefulset-kafka.json"),
                                     pvcs: try Fixture.list(PersistentVolumeClaim.self, "pvcs.json"),
                                     services: try Fixture.list(Service.self, "services.json"))
        let early = ProgressSummary.make(snap, now: Fixture.time(30))
        #expect(early.total == 9) // 2 deployments, 1 statefulset, 3 PVCs, 3 LoadBalancer services
        #expect(early.headline == "\(early.ready) of \(early.total) ready")
        #expect(early.overall == .failed)
        #expect(early.failures.map(\.kind) == [.imagePull, .crashLoopBackOff])
        let late = ProgressSummary.make(snap, now: Fixture.time(300))
        #expect(Set(late.failures.map(\.kind)) == [.imagePull, .crashLoopBackOff, .unschedulable, .pvcPending])
        #expect(late.pods.count == 8)
    }

    @Test func evictedReplacedPodDoesNotFailTheRelease() {
        var d = Deployment(name: "web", replicas: 1)
        d.updatedReplicas = 1; d.statusReplicas = 1; d.availableReplicas = 1
        var evicted = Pod(metadata: ObjectMeta(name: "web-1"), status: PodStatus(phase: "Failed"))
        evicted.status.reason = "Evicted"
        evicted.metadata.ownerReferences = [OwnerReference(kind: "ReplicaSet", name: "web-abc")]
        let s = ProgressSummary.make(NamespaceSnapshot(pods: [evicted], deployments: [d]), now: Fixture.time(0))
        #expect(s.overall == .current)
        #expect(s.pods.first?.status == ObjectStatus(.failed, "failed: Evicted"))
    }

    @Test func allCurrentIsCurrent() {
        var d = Deployment(name: "web", replicas: 1)
        d.updatedReplicas = 1; d.statusReplicas = 1; d.availableReplicas = 1
        let s = ProgressSummary.make(NamespaceSnapshot(deployments: [d]), now: Fixture.time(0))
        #expect(s.overall == .current && s.ready == 1 && s.total == 1 && s.failures.isEmpty)
        let empty = ProgressSummary.make(NamespaceSnapshot(), now: Fixture.time(0))
        #expect(empty.overall == .current && empty.total == 0)
    }
}
