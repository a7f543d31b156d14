import Foundation
import Testing
@testable import Kube

struct DiagnosisTests {
    @Test func unschedulableClickHouseIsQuantified() throws {
        let ctx = try Fixture.context()
        let d = Diagnostics.diagnose(pod: try Fixture.pod("chi-posthog-posthog-0-0-0"), context: ctx)
        #expect(d.count == 1)
        let first = try #require(d.first)
        #expect(first.code == .insufficientResources)
        #expect(first.summary == "no node has enough CPU and memory for chi-posthog-posthog-0-0-0")
        #expect(first.details == [
            "needs 135 MiB more memory on one node; the largest free is 1.9 GiB (it requests 2 GiB)",
            "the nodes have 3.2 GiB free in total, but not on one node",
            "scheduler: 0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
        ])
        #expect(first.fix == "Add a node with at least 4 GiB memory, or choose a smaller tier.")
    }

    @Test func crashLoopWithLogs() throws {
        let ctx = try Fixture.context(logs: ["posthog-worker-5c4f6d8b7-qq8rt/posthog-workers": [
            "django.db.utils.OperationalError: could not translate host name \"posthog-pgbouncer\" to address",
        ]])
        let d = Diagnostics.diagnose(pod: try Fixture.pod("posthog-worker-5c4f6d8b7-qq8rt"), context: ctx)
        #expect(d.map(\.code) == [.crashLoop])
        #expect(d.first?.summary == "container posthog-workers of posthog-worker-5c4f6d8b7-qq8rt keeps crashing")
        #expect(d.first?.details == [
            "restarted 5 times", "last exit: code 1 (Error)", "last log lines:",
            "  django.db.utils.OperationalError: could not translate host name \"posthog-pgbouncer\" to address",
        ])
    }

    @Test func crashLoopWithoutLogsSaysHowToGetThem() throws {
        let d = Diagnostics.diagnose(pod: try Fixture.pod("posthog-worker-5c4f6d8b7-qq8rt"), context: try Fixture.context())
        #expect(d.first?.fix == "Read its log: `kubectl logs posthog-worker-5c4f6d8b7-qq8rt -c posthog-workers --previous`.")
    }

    @Test func outOfMemory() throws {
        var pod = try Fixture.pod("posthog-worker-5c4f6d8b7-qq8rt")
        pod.spec.containers[0].resourceLimits = ["memory": try Quantity("512Mi")]
        pod.status.containerStatuses[0].lastState = .terminated(reason: "OOMKilled", message: "", exitCode: 137, finishedAt: nil)
        let d = Diagnostics.diagnose(pod: pod, context: try Fixture.context())
        #expect(d.map(\.code) == [.outOfMemory])
        #expect(d.first?.details.last == "memory limit: 512 MiB")
    }

    @Test func imagePullNamesTheImageFromTheEvent() throws {
        let d = Diagnostics.diagnose(pod: try Fixture.pod("posthog-plugins-6f7d9b8c4-m5n6p"), context: try Fixture.context())
        #expect(d.map(\.code) == [.imagePull])
        #expect(d.first?.summary == "image posthog/posthog:no-such-tag for container posthog-plugins of posthog-plugins-6f7d9b8c4-m5n6p cannot be pulled: the image or tag does not exist")
        #expect(d.first?.details.first?.hasPrefix("rpc error: code = NotFound") == true)
    }

    static let pullErrors: [(String, String)] = [
        ("rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/x/y:1\": failed to resolve reference \"docker.io/x/y:1\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed", "the repository does not exist or needs credentials"),
        ("rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/posthog/posthog:latest\": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/posthog/posthog/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.", "the registry's pull rate limit was reached"),
        ("rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/posthog/posthog:x\": failed to resolve reference: failed to do request: Head \"https://registry-1.docker.io/v2/posthog/posthog/manifests/x\": dial tcp: lookup registry-1.docker.io: no such host", "the nodes cannot reach the registry"),
        ("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/posthog/posthog:nope\": failed to resolve reference \"docker.io/posthog/posthog:nope\": docker.io/posthog/posthog:nope: not found", "the image or tag does not exist"),
        ("Error response from daemon: manifest for posthog/posthog:nope not found: manifest unknown: manifest unknown", "the image or tag does not exist"),
        ("something odd", "pull failed"),
    ]
    @Test(arguments: pullErrors) func explainsPullErrors(error: String, why: String) {
        #expect(ImagePullMessage.explain(error, image: "x").0 == why)
    }

    static let imageMessages: [(String, String?)] = [
        ("Failed to pull image \"posthog/posthog:no-such-tag\": rpc error: x", "posthog/posthog:no-such-tag"),
        ("Back-off pulling image \"bitnami/redis:6.2.7\"", "bitnami/redis:6.2.7"),
        ("Pulling image \"busybox:1.34\"", "busybox:1.34"),
        ("Error: ErrImagePull", nil),
    ]
    @Test(arguments: imageMessages) func imageInMessage(message: String, image: String?) {
        #expect(ImagePullMessage.image(in: message) == image)
    }

    @Test func initWaitingIsNamed() throws {
        let pod = try Fixture.pod("posthog-events-8b7c6d5f4-z9y8x")
        let plain = Diagnostics.diagnose(pod: pod, context: try Fixture.context())
        #expect(plain.map(\.code) == [.initWaiting])
        #expect(plain.first?.summary == "posthog-events-8b7c6d5f4-z9y8x is waiting for ClickHouse, PgBouncer, PostgreSQL, Redis and Kafka")
        let withLog = Diagnostics.diagnose(pod: pod, context: try Fixture.context(logs: [
            "posthog-events-8b7c6d5f4-z9y8x/wait-for-service-dependencies": ["waiting for PgBouncer", "waiting for Kafka"],
        ]))
        #expect(withLog.first?.summary == "posthog-events-8b7c6d5f4-z9y8x is waiting for Kafka")
    }

    static let initNames: [(String, String?, String)] = [
        ("wait-for-service-dependencies", nil, "waiting for ClickHouse, PgBouncer, PostgreSQL, Redis and Kafka"),
        ("wait-for-service-dependencies", "waiting for all ClickHouse nodes to be available", "waiting for ClickHouse nodes to be available"),
        ("wait-for-migrations", nil, "waiting for database migrations"),
        ("wait-for-migrations", "Waiting for PostgreSQL database migrations to be completed", "waiting for database migrations"),
        ("run-migrations", nil, "running database migrations"),
        ("wait-for-redis", nil, "waiting for redis"),
        ("copy-config", nil, "running copy-config"),
    ]
    @Test(arguments: initNames) func initActivity(name: String, log: String?, text: String) {
        #expect(InitContainerNames.activity(name, lastLogLine: log) == text)
    }

    @Test func createContainerConfigError() {
        var pod = Pod(metadata: ObjectMeta(name: "posthog-web-1"), spec: PodSpec(containers: [Container(name: "web")]))
        pod.spec.nodeName = "n"; pod.status.phase = "Pending"
        pod.status.containerStatuses = [ContainerStatus(name: "web", state: .waiting(reason: "CreateContainerConfigError", message: "secret \"posthog\" not found"))]
        let d = Diagnostics.diagnose(pod: pod, context: DiagnosisContext(now: Fixture.time(0)))
        #expect(d.map(\.code) == [.containerConfig])
        #expect(d.first?.summary == "container web of posthog-web-1 cannot be created: secret \"posthog\" not found")
    }

    @Test func readyAndCompletedPodsHaveNoFindings() throws {
        let ctx = try Fixture.context()
        #expect(Diagnostics.diagnose(pod: try Fixture.pod("posthog-web-7d9f8c6b5-k2x9z"), context: ctx).isEmpty)
        #expect(Diagnostics.diagnose(pod: try Fixture.pod("posthog-migrate-2024-05-01-10-00-00-xk2lp"), context: ctx).isEmpty)
    }

    @Test func taintAndSelectorFindings() throws {
        var pod = Pod(metadata: ObjectMeta(name: "p"))
        pod.spec.nodeSelector = ["pool": "big"]
        pod.status.conditions = [Condition(type: "PodScheduled", status: "False", reason: "Unschedulable",
                                           message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")]
        let d = Diagnostics.diagnose(pod: pod, context: DiagnosisContext(now: Fixture.time(0)))
        #expect(d.map(\.code) == [.untoleratedTaint, .nodeSelectorMismatch])
        #expect(d[0].summary == "1 node has taint {node-role.kubernetes.io/control-plane: } that p does not tolerate")
        #expect(d[0].fix == "Those are control-plane nodes; add worker nodes to the cluster.")
        #expect(d[1].details.last == "nodeSelector: pool=big")
    }

    @Test func schedulingMessageFromEventWhenNoCondition() throws {
        var pod = try Fixture.pod("chi-posthog-posthog-0-0-0")
        pod.status.conditions = []
        let d = Diagnostics.diagnose(pod: pod, context: try Fixture.context())
        #expect(d.first?.code == .insufficientResources)
    }

    @Test func volumeFindings() {
        var pod = Pod(metadata: ObjectMeta(name: "p"))
        pod.status.conditions = [Condition(type: "PodScheduled", status: "False", reason: "Unschedulable",
                                           message: "0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")]
        let noDefault = DiagnosisContext(storageClasses: [StorageClass(name: "standard")], now: Fixture.time(0))
        let d = Diagnostics.diagnose(pod: pod, context: noDefault)
        #expect(d.map(\.code) == [.volumeBinding])
        #expect(d.first?.fix.hasPrefix("The cluster has no default StorageClass") == true)
    }

    @Test func failedMigrationJob() throws {
        let job = try KubeJSON.decode(Job.self, from: Fixture.data("job-migrate-failed.json"))
        var pod = Pod(metadata: ObjectMeta(name: "posthog-migrate-2024-05-01-10-00-00-abcde"), spec: PodSpec(containers: [Container(name: "migrate-job")]))
        pod.metadata.ownerReferences = [OwnerReference(kind: "Job", name: job.metadata.name)]
        let ctx = DiagnosisContext(pods: [pod], logs: ["posthog-migrate-2024-05-01-10-00-00-abcde/migrate-job": ["psycopg2.OperationalError: connection refused"]], now: Fixture.time(0))
        let d = Diagnostics.diagnose(job: job, context: ctx)
        #expect(d.map(\.code) == [.jobFailed])
        #expect(d.first?.summary == "the database migrations failed")
        #expect(d.first?.details.last == "  psycopg2.OperationalError: connection refused")
    }

    @Test func pendingClaims() throws {
        let pvcs = try Fixture.list(PersistentVolumeClaim.self, "pvcs.json")
        let ctx = try Fixture.context()
        #expect(Diagnostics.diagnose(pvc: pvcs[0], context: ctx).isEmpty)
        let kafka = Diagnostics.diagnose(pvc: pvcs[1], context: ctx)
        #expect(kafka.first?.summary == "data-posthog-posthog-kafka-0 has no volume yet")
        #expect(kafka.first?.details == ["WaitForFirstConsumer: waiting for first consumer to be created before binding", "requests 15 GiB"])
        var noDefault = ctx
        noDefault.storageClasses = noDefault.storageClasses.map { var c = $0; c.metadata.annotations = [:]; return c }
        #expect(Diagnostics.diagnose(pvc: pvcs[2], context: noDefault).first?.summary == "redis-data names no storage class and the cluster has no default one")
        var wffc = pvcs[1]; wffc.storageClassName = "do-block-storage-xfs"
        #expect(Diagnostics.diagnose(pvc: wffc, context: ctx).first?.summary.contains("binds on first use") == true)
        var missing = pvcs[1]; missing.storageClassName = "fast"
        #expect(Diagnostics.diagnose(pvc: missing, context: ctx).first?.summary == "storage class fast of data-posthog-posthog-kafka-0 does not exist")
    }

    @Test func wholeNamespace() throws {
        let pods = try Fixture.list(Pod.self, "pods.json").filter { $0.metadata.namespace == "posthog" }
        let snap = NamespaceSnapshot(pods: pods, pvcs: try Fixture.list(PersistentVolumeClaim.self, "pvcs.json"))
        let d = Diagnostics.diagnose(snap, context: try Fixture.context())
        #expect(d.map(\.code) == [.insufficientResources, .initWaiting, .imagePull, .crashLoop, .pvcPending, .pvcPending])
    }
}

struct DiagnosisTextTests {
    @Test func headlessTextGolden() throws {
        let d = Diagnostics.diagnose(pod: try Fixture.pod("chi-posthog-posthog-0-0-0"), context: try Fixture.context())
        #expect(d.map(\.text).joined(separator: "\n") == """
        Pod chi-posthog-posthog-0-0-0: no node has enough CPU and memory for chi-posthog-posthog-0-0-0
          needs 135 MiB more memory on one node; the largest free is 1.9 GiB (it requests 2 GiB)
          the nodes have 3.2 GiB free in total, but not on one node
          scheduler: 0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.
          fix: Add a node with at least 4 GiB memory, or choose a smaller tier.
        """)
    }

    @Test func failedMount() {
        var pod = Pod(metadata: ObjectMeta(name: "posthog-posthog-kafka-0"), spec: PodSpec(containers: [Container(name: "kafka")]))
        pod.spec.nodeName = "n1"; pod.status.phase = "Pending"
        pod.status.containerStatuses = [ContainerStatus(name: "kafka", state: .waiting(reason: "ContainerCreating", message: ""))]
        var e = Event(reason: "FailedAttachVolume",
                      message: "Multi-Attach error for volume \"pvc-1f2e\" Volume is already exclusively attached to one node and can't be attached to another",
                      type: "Warning", involvedObject: ObjectReference(kind: "Pod", name: "posthog-posthog-kafka-0"))
        e.count = 3
        let d = Diagnostics.diagnose(pod: pod, context: DiagnosisContext(events: [e], now: Fixture.time(0)))
        #expect(d.map(\.code) == [.podSetup])
        #expect(d.first?.details.first?.hasSuffix("(×3)") == true)
        #expect(Diagnostics.diagnose(pod: pod, context: DiagnosisContext(now: Fixture.time(0))).isEmpty)
    }
}
