#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// Identifies an object: kind, namespace (empty for cluster-scoped), name.
struct ObjectKey: Hashable, Sendable, Comparable, Codable {
    var kind: String
    var namespace: String
    var name: String

    static func < (a: ObjectKey, b: ObjectKey) -> Bool { (a.kind, a.namespace, a.name) < (b.kind, b.namespace, b.name) }
}

/// A Deployment, StatefulSet or Job and what its controller has done.
struct SimWorkload: Codable, Sendable {
    enum Kind: String, Codable, Sendable { case deployment = "Deployment", statefulSet = "StatefulSet", job = "Job" }

    var kind: Kind
    var meta: SimMeta
    var manifest: JSONValue
    var replicas: Int
    var template: JSONValue
    /// The pod template's spec as the scheduler reads it.
    var decodedSpec: SimPodSpec
    var podSpec: PodSpec { decodedSpec.value }
    /// Hash of the pod template (pod-template-hash / controller-revision-hash).
    var templateHash: String
    /// `volumeClaimTemplates`: claim name, size, storage class.
    var claimTemplates: [SimClaimTemplate] = []
    var generation = 1
    var backoffLimit = 6
    var completions = 1
    var failedPods = 0
    var succeededPods = 0
    var startTime: Date?
    var completionTime: Date?
    var failedAt: Date?

    var key: ObjectKey { ObjectKey(kind: kind.rawValue, namespace: meta.namespace, name: meta.name) }
    var apiVersion: String { kind == .job ? "batch/v1" : "apps/v1" }
    var owner: SimOwner { SimOwner(apiVersion: apiVersion, kind: kind.rawValue, name: meta.name, uid: meta.uid) }

    /// The ReplicaSet that owns a Deployment's pods.
    var replicaSetName: String { "\(meta.name)-\(templateHash)" }
}

/// A simulated PersistentVolumeClaim.
struct SimClaim: Codable, Sendable {
    var meta: SimMeta
    var storageClass: String
    /// The size asked for (`spec.resources.requests.storage`).
    var size: String
    var bound: Date?
    /// When provisioning started (the first consumer was scheduled).
    var provisioningSince: Date?
    var volumeName: String
    var stuck: Bool
    /// The size the volume has (`status.capacity`), set when it is bound and when a resize finishes.
    var capacity: String?
    /// When a bigger size was asked for on a bound claim; cleared when the resize is done.
    var resizeRequested: Date?
    /// Whether the volume itself has grown and only the file system waits (FileSystemResizePending).
    var resizeAwaitsNode = false
    /// Whether it was ever resized (Kubernetes then keeps `status.allocatedResources`).
    var resizedOnce = false

    /// Whether a resize was asked for and has not finished.
    var isResizing: Bool { resizeRequested != nil }

    var json: JSONValue {
        var spec: JSONObject = [
            "accessModes": .array([.string("ReadWriteOnce")]),
            "resources": .object(["requests": .object(["storage": .string(size)])]),
            "storageClassName": .string(storageClass), "volumeMode": .string("Filesystem"),
        ]
        var status: JSONObject = ["phase": .string(bound == nil ? "Pending" : "Bound")]
        if bound != nil {
            spec["volumeName"] = .string(volumeName)
            status["accessModes"] = .array([.string("ReadWriteOnce")])
            status["capacity"] = .object(["storage": .string(capacity ?? size)])
        }
        if let since = resizeRequested, bound != nil {
            // What Kubernetes 1.32 shows while a volume grows (RecoverVolumeExpansionFailure is on by default).
            status["allocatedResources"] = .object(["storage": .string(size)])
            status["allocatedResourceStatuses"] = .object([
                "storage": .string(resizeAwaitsNode ? "NodeResizePending" : "ControllerResizeInProgress")
            ])
            var condition: JSONObject = ["status": .string("True"), "lastProbeTime": .null, "lastTransitionTime": .time(since)]
            if resizeAwaitsNode {
                condition["type"] = .string("FileSystemResizePending")
                condition["message"] = .string("Waiting for user to (re-)start a pod to finish file system resize of volume on node.")
            } else {
                condition["type"] = .string("Resizing")
            }
            status["conditions"] = .array([.object(condition)])
        } else if bound != nil, resizedOnce {
            status["allocatedResources"] = .object(["storage": .string(size)])
        }
        return .object([
            "apiVersion": .string("v1"), "kind": .string("PersistentVolumeClaim"), "metadata": meta.json(),
            "spec": .object(spec), "status": .object(status),
        ])
    }
}

/// A simulated Service.
struct SimService: Codable, Sendable {
    var meta: SimMeta
    var manifest: JSONValue
    var type: String
    var clusterIP: String
    var ports: [JSONValue]
    /// When its load balancer gets an address (LoadBalancer services).
    var addressAt: Date?
    var address: SimAddress?

    var json: JSONValue {
        var spec = manifest["spec"] ?? .object([:])
        spec["type"] = .string(type)
        spec["clusterIP"] = .string(clusterIP)
        spec["clusterIPs"] = .array([.string(clusterIP)])
        spec["ports"] = .array(ports)
        spec["sessionAffinity"] = spec["sessionAffinity"] ?? .string("None")
        var lb: JSONObject = [:]
        if let a = address {
            var entry: JSONObject = [:]
            if let ip = a.ip {
                entry["ip"] = .string(ip)
                entry["ipMode"] = .string("VIP")
            }
            if let h = a.hostname { entry["hostname"] = .string(h) }
            lb["ingress"] = .array([.object(entry)])
        }
        return .object([
            "apiVersion": .string("v1"), "kind": .string("Service"), "metadata": meta.json(),
            "spec": spec, "status": .object(["loadBalancer": .object(lb)]),
        ])
    }
}

/// A simulated Ingress.
struct SimIngress: Codable, Sendable {
    var meta: SimMeta
    var manifest: JSONValue
    var address: SimAddress?
    /// For controllers with their own load balancer (GCE): when it gets an address.
    var addressAt: Date?

    /// `nginx`, `gce`, or the class named in the spec.
    var ingressClass: String {
        meta.annotations["kubernetes.io/ingress.class"] ?? manifest["spec"]?["ingressClassName"]?.stringValue ?? ""
    }

    var json: JSONValue {
        var lb: JSONObject = [:]
        if let a = address {
            var entry: JSONObject = [:]
            if let ip = a.ip { entry["ip"] = .string(ip) }
            if let h = a.hostname { entry["hostname"] = .string(h) }
            lb["ingress"] = .array([.object(entry)])
        }
        return .object([
            "apiVersion": .string("networking.k8s.io/v1"), "kind": .string("Ingress"), "metadata": meta.json(generation: 1),
            "spec": manifest["spec"] ?? .object([:]), "status": .object(["loadBalancer": .object(lb)]),
        ])
    }
}

/// A simulated core/v1 Event; repeats of the same reason and message are counted.
struct SimEvent: Codable, Sendable {
    var name: String
    var namespace: String
    var involved: SimInvolvedObject
    var reason: String
    var message: String
    var type: String
    var component: String
    var host: String?
    var first: Date
    var last: Date
    var count: Int
    /// Scheduler events are written through events.k8s.io: eventTime set, timestamps null.
    var schedulerStyle: Bool

    var json: JSONValue {
        var involvedObject: JSONObject = [
            "kind": .string(involved.kind), "name": .string(involved.name), "namespace": .string(namespace),
            "uid": .string(involved.uid), "apiVersion": .string(involved.apiVersion),
        ]
        if let f = involved.fieldPath { involvedObject["fieldPath"] = .string(f) }
        var e: JSONObject = [
            "apiVersion": .string("v1"), "kind": .string("Event"),
            "metadata": .object([
                "name": .string(name), "namespace": .string(namespace), "creationTimestamp": .time(first),
                "resourceVersion": .string(String(stableHash(name) % 900_000 + 100_000)),
                "uid": .string(String(stableHash(name + "uid"), radix: 16)),
            ]),
            "involvedObject": .object(involvedObject), "reason": .string(reason), "message": .string(message),
            "type": .string(type), "reportingComponent": .string(component),
            "reportingInstance": .string(host.map { "\(component)-\($0)" } ?? ""),
        ]
        var source: JSONObject = [:]
        if !schedulerStyle { source["component"] = .string(component) }
        if let host, !schedulerStyle { source["host"] = .string(host) }
        e["source"] = .object(source)
        if schedulerStyle {
            e["eventTime"] = .string(KubeTimeText.micro(first))
            e["firstTimestamp"] = .null
            e["lastTimestamp"] = .null
            e["action"] = .string("Scheduling")
            if count > 1 {
                e["series"] = .object(["count": .int(Int64(count)), "lastObservedTime": .string(KubeTimeText.micro(last))])
            }
        } else {
            e["eventTime"] = .null
            e["firstTimestamp"] = .time(first)
            e["lastTimestamp"] = .time(last)
            e["count"] = .int(Int64(count))
        }
        return .object(e)
    }
}

/// A simulated helm release.
struct SimRelease: Codable, Sendable {
    var name: String
    var namespace: String
    var revision: Int
    var chartName: String
    var chartVersion: String
    var appVersion: String
    var status: String
    var updated: Date
    var notes: String
    var objects: [ObjectKey]
    var valuesText: String
    /// Every revision (nil in clusters saved before revisions were kept).
    var revisions: [SimRevision]? = nil
}

/// A simulated node with its JSON.
struct SimNode: Codable, Sendable {
    var name: String
    var uid: String
    var created: Date
    var internalIP: String
    var milliCPU: Int64
    var memoryBytes: Int64
    var allocatableMilliCPU: Int64
    var allocatableMemory: Int64
    var labels: [String: String]

    var kubeNode: Node {
        let alloc: [String: Quantity] = [
            "cpu": Quantity(milli: allocatableMilliCPU), "memory": Quantity(bytes: allocatableMemory),
            "pods": Quantity(milli: 110_000),
        ]
        let cap: [String: Quantity] = [
            "cpu": Quantity(milli: milliCPU), "memory": Quantity(bytes: memoryBytes), "pods": Quantity(milli: 110_000),
        ]
        return Node(name: name, allocatable: alloc, capacity: cap, labels: labels)
    }

    var json: JSONValue {
        func cpu(_ m: Int64) -> JSONValue { .string(m % 1000 == 0 ? String(m / 1000) : "\(m)m") }
        let conditions: [JSONValue] = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ].map { c in
            .object([
                "type": .string(c.0), "status": .string(c.1), "reason": .string(c.2), "message": .string(c.3),
                "lastHeartbeatTime": .time(created), "lastTransitionTime": .time(created),
            ])
        }
        return .object([
            "apiVersion": .string("v1"), "kind": .string("Node"),
            "metadata": SimMeta(name: name, namespace: "", uid: uid, labels: labels, created: created).json(),
            "spec": .object(["providerID": .string("simulated://\(name)")]),
            "status": .object([
                "addresses": .array([
                    .object(["type": .string("InternalIP"), "address": .string(internalIP)]),
                    .object(["type": .string("Hostname"), "address": .string(name)]),
                ]),
                "allocatable": .object([
                    "cpu": cpu(allocatableMilliCPU), "memory": .string("\(allocatableMemory / 1024)Ki"),
                    "ephemeral-storage": .string("72276686903"), "pods": .string("110"),
                ]),
                "capacity": .object([
                    "cpu": cpu(milliCPU), "memory": .string("\(memoryBytes / 1024)Ki"),
                    "ephemeral-storage": .string("78425224Ki"), "pods": .string("110"),
                ]),
                "conditions": .array(conditions),
                "nodeInfo": .object([
                    "kubeletVersion": .string("v1.32.2"), "containerRuntimeVersion": .string("containerd://1.7.24"),
                    "osImage": .string("Debian GNU/Linux 12 (bookworm)"), "architecture": .string("amd64"),
                    "operatingSystem": .string("linux"),
                ]),
            ]),
        ])
    }

    /// Allocatable after the kubelet's reserve, as GKE computes it (other clouds are close):
    /// memory 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112,
    /// 2 % above, plus 100 MiB eviction threshold; CPU 6 % of the first core, 1 % of the second,
    /// 0.5 % of the next two, 0.25 % above.
    static func allocatable(milliCPU: Int64, memoryBytes: Int64) -> (Int64, Int64) {
        let gib = 1_073_741_824.0
        var reservedMemory = 0.0
        var remaining = Double(memoryBytes)
        for (size, share) in [(4 * gib, 0.25), (4 * gib, 0.2), (8 * gib, 0.1), (112 * gib, 0.06), (Double.infinity, 0.02)] {
            let part = min(remaining, size)
            reservedMemory += part * share
            remaining -= part
            if remaining <= 0 { break }
        }
        reservedMemory += 100 * 1_048_576
        var reservedCPU = 0.0
        var cpuLeft = Double(milliCPU)
        for (size, share) in [(1000.0, 0.06), (1000.0, 0.01), (2000.0, 0.005), (Double.infinity, 0.0025)] {
            let part = min(cpuLeft, size)
            reservedCPU += part * share
            cpuLeft -= part
            if cpuLeft <= 0 { break }
        }
        return (milliCPU - Int64(reservedCPU.rounded(.up)), memoryBytes - Int64(reservedMemory))
    }
}
