#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// Everything the simulated cluster holds: nodes, objects, events, helm releases, repositories.
/// Plain values; `SimulatedCluster` guards one instance with a lock.
struct SimState: Codable, Sendable {
    var spec: SimulatedClusterSpec
    var rng: SimulatedRandom
    /// The time the objects were last brought up to date.
    var now: Date
    var nodes: [SimNode] = []
    var namespaces: [String: Date] = [:]
    var workloads: [SimWorkload] = []
    var pods: [SimPod] = []
    var claims: [SimClaim] = []
    var services: [SimService] = []
    var ingresses: [SimIngress] = []
    var others: [ObjectKey: JSONValue] = [:]
    var events: [SimEvent] = []
    var releases: [SimRelease] = []
    var repositories: [String: String] = [:]
    /// Global addresses reserved with the simulated `gcloud compute addresses create` (name → IP).
    var staticAddresses: [String: String] = [:]
    var podIPCounter = 10
    var serviceIPCounter = 10
    var addressCounter = 10
    /// Set when resources were freed, so unschedulable pods are tried again.
    var capacityChanged = false

    init(spec: SimulatedClusterSpec, now: Date) {
        self.spec = spec
        rng = SimulatedRandom(seed: spec.seed)
        let start = now.addingTimeInterval(-86_400)
        self.now = now
        for ns in ["default", "kube-node-lease", "kube-public", "kube-system"] { namespaces[ns] = start }
        var index = 0
        for pool in spec.pools {
            for _ in 0..<pool.count {
                index += 1
                let name = nodeName(index)
                let (cpu, mem) = SimNode.allocatable(milliCPU: pool.milliCPU, memoryBytes: pool.memoryBytes)
                var labels = [
                    "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                    "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64",
                    "node.kubernetes.io/instance-type": instanceType(pool),
                ]
                labels["topology.kubernetes.io/region"] = region
                nodes.append(
                    SimNode(
                        name: name, uid: rng.uid(), created: start, internalIP: "10.116.0.\(index + 1)",
                        milliCPU: pool.milliCPU, memoryBytes: pool.memoryBytes,
                        allocatableMilliCPU: cpu, allocatableMemory: mem, labels: labels))
            }
        }
        addSystemPods(at: start)
    }

    // MARK: the cloud's details

    /// The imitated cloud's behaviour.
    var cloud: SimulatedCloud { spec.flavour.cloud }

    var region: String { cloud.region }

    mutating func nodeName(_ index: Int) -> String { cloud.nodeName(&rng, index) }

    func instanceType(_ pool: SimulatedNodePool) -> String { cloud.instanceType(pool) }

    /// The StorageClasses: the cloud's, or on a cluster of one's own the class it was told of.
    var storageClasses: [SimulatedCloud.StorageClass] {
        if let told = spec.storageClass, !told.isEmpty, !cloud.storageClasses.contains(where: { $0.name == told }) {
            return cloud.storageClasses.map {
                var c = $0
                c.isDefault = false
                return c
            }
                + [SimulatedCloud.StorageClass(name: told, provisioner: "rancher.io/local-path", isDefault: true)]
        }
        return cloud.storageClasses
    }

    /// The default storage class, if there is one.
    var defaultStorageClass: SimulatedCloud.StorageClass? { storageClasses.first(where: \.isDefault) }

    /// The provisioner of a class (the cloud's CSI driver when the class is unknown).
    func provisioner(of className: String) -> String {
        storageClasses.first { $0.name == className }?.provisioner ?? defaultStorageClass?.provisioner ?? "kubernetes.io/no-provisioner"
    }

    var storageClassesJSON: [JSONValue] {
        storageClasses.sorted { $0.name < $1.name }.map { sc in
            let meta = SimMeta(
                name: sc.name, namespace: "", uid: String(stableHash(sc.name), radix: 16),
                annotations: sc.isDefault ? ["storageclass.kubernetes.io/is-default-class": "true"] : [:],
                created: now.addingTimeInterval(-86_400))
            return .object([
                "apiVersion": .string("storage.k8s.io/v1"), "kind": .string("StorageClass"), "metadata": meta.json(),
                "provisioner": .string(sc.provisioner), "reclaimPolicy": .string("Delete"),
                "volumeBindingMode": .string("WaitForFirstConsumer"), "allowVolumeExpansion": .bool(spec.volumeExpansion),
            ])
        }
    }

    /// What every node runs before PostHog arrives: a network agent per node and two DNS pods.
    mutating func addSystemPods(at start: Date) {
        let agent = cloud.networkAgent
        for node in nodes {
            addRunningSystemPod(
                name: "\(agent.0)-\(rng.suffix())", container: agent.0, image: agent.1, cpu: agent.2, memory: agent.3,
                node: node, owner: ("DaemonSet", agent.0), at: start)
        }
        for i in 0..<min(2, nodes.count) {
            addRunningSystemPod(
                name: "coredns-6b7f8c9d5-\(rng.suffix())", container: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3",
                cpu: "100m", memory: "70Mi", node: nodes[i], owner: ("ReplicaSet", "coredns-6b7f8c9d5"), at: start)
        }
    }

    mutating func addRunningSystemPod(
        name: String, container: String, image: String, cpu: String, memory: String,
        node: SimNode, owner: (String, String), at start: Date
    ) {
        let spec: JSONValue = .object([
            "containers": .array([
                .object([
                    "name": .string(container), "image": .string(image),
                    "resources": .object(["requests": .object(["cpu": .string(cpu), "memory": .string(memory)])]),
                ])
            ])
        ])
        var c = SimContainer(name: container, image: image)
        c.state = .running(since: start)
        c.ready = true
        var pod = SimPod(
            meta: SimMeta(
                name: name, namespace: "kube-system", uid: rng.uid(), labels: ["k8s-app": container], created: start,
                owner: SimOwner(apiVersion: "apps/v1", kind: owner.0, name: owner.1, uid: rng.uid())),
            spec: spec, decodedSpec: SimPodSpec(spec), inits: [], containers: [c], stageSince: start, restartPolicy: "Always")
        pod.nodeName = node.name
        pod.hostIP = node.internalIP
        pod.podIP = nextPodIP()
        pod.stage = .running
        pod.scheduledAt = start
        pod.startTime = start
        pod.initializedAt = start
        pod.readyAt = start
        pods.append(pod)
    }

    // MARK: addresses

    mutating func nextPodIP() -> String {
        podIPCounter += 1
        return "10.244.\(podIPCounter / 250).\(podIPCounter % 250 + 2)"
    }

    mutating func nextServiceIP() -> String {
        serviceIPCounter += 1
        return "10.245.\(serviceIPCounter / 250).\(serviceIPCounter % 250 + 2)"
    }

    /// A load balancer address: an IP from the documentation range, or an AWS-style host name.
    mutating func nextLoadBalancerAddress() -> SimAddress {
        addressCounter += 1
        if cloud.loadBalancer == .hostname {
            return SimAddress(hostname: "a\(rng.hex(31))-\(1_000_000_000 + rng.below(999_999_999)).us-east-1.elb.amazonaws.com")
        }
        return SimAddress(ip: "203.0.113.\(addressCounter)")
    }

    // MARK: events

    /// Records an event; a repeat of the same reason and message on the same object is counted.
    mutating func record(
        _ kind: String, _ name: String, uid: String, apiVersion: String = "v1", namespace: String,
        fieldPath: String? = nil, reason: String, message: String, warning: Bool = false,
        component: String, host: String? = nil, at time: Date, scheduler: Bool = false
    ) {
        if let i = events.firstIndex(where: { $0.involved.uid == uid && $0.reason == reason && $0.message == message }) {
            events[i].count += 1
            events[i].last = time
            return
        }
        let nanos = UInt64(max(0, time.timeIntervalSince1970 * 1_000_000_000)) &+ UInt64(events.count)
        events.append(
            SimEvent(
                name: "\(name).\(String(nanos, radix: 16))", namespace: namespace,
                involved: SimInvolvedObject(kind: kind, name: name, uid: uid, apiVersion: apiVersion, fieldPath: fieldPath), reason: reason,
                message: message,
                type: warning ? "Warning" : "Normal", component: component, host: host,
                first: time, last: time, count: 1, schedulerStyle: scheduler))
    }

    // MARK: lookups

    func workloadIndex(_ key: ObjectKey) -> Int? { workloads.firstIndex { $0.key == key } }

    /// Whether every StatefulSet of the namespace has all replicas ready (what `wait-for-…` init containers wait for).
    func dataStoresReady(_ namespace: String) -> Bool {
        workloads.filter { $0.kind == .statefulSet && $0.meta.namespace == namespace }.allSatisfy { w in
            pods.filter { $0.meta.owner?.uid == w.meta.uid && $0.isReady }.count >= w.replicas
        }
    }

    /// Whether every Job of the namespace has completed.
    func jobsComplete(_ namespace: String) -> Bool {
        workloads.filter { $0.kind == .job && $0.meta.namespace == namespace }.allSatisfy { $0.completionTime != nil }
    }

    /// Deletes every object of a namespace (its pods, claims, events and releases too).
    mutating func purgeNamespace(_ namespace: String) {
        workloads.removeAll { $0.meta.namespace == namespace }
        pods.removeAll { $0.meta.namespace == namespace }
        claims.removeAll { $0.meta.namespace == namespace }
        services.removeAll { $0.meta.namespace == namespace }
        ingresses.removeAll { $0.meta.namespace == namespace }
        others = others.filter { $0.key.namespace != namespace }
        events.removeAll { $0.namespace == namespace }
        releases.removeAll { $0.namespace == namespace }
        namespaces[namespace] = nil
        capacityChanged = true
    }
}
