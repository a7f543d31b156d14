#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// The controller that owns a simulated object.
struct SimOwner: Hashable, Codable, Sendable {
    var apiVersion: String
    var kind: String
    var name: String
    var uid: String
}

/// Metadata of a simulated object.
struct SimMeta: Hashable, Codable, Sendable {
    var name: String
    var namespace: String
    var uid: String
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]
    var created: Date
    var owner: SimOwner?
    var generateName: String?

    func json(generation: Int? = nil) -> JSONValue {
        var m: JSONObject = [
            "name": .string(name), "uid": .string(uid), "creationTimestamp": .time(created),
            "resourceVersion": .string(String(stableHash(uid) % 900_000 + 100_000)),
        ]
        if !namespace.isEmpty { m["namespace"] = .string(namespace) }
        if !labels.isEmpty { m["labels"] = .strings(labels) }
        if !annotations.isEmpty { m["annotations"] = .strings(annotations) }
        if let generation { m["generation"] = .int(Int64(generation)) }
        if let generateName { m["generateName"] = .string(generateName) }
        if let o = owner {
            m["ownerReferences"] = .array([
                .object([
                    "apiVersion": .string(o.apiVersion), "kind": .string(o.kind), "name": .string(o.name),
                    "uid": .string(o.uid), "controller": .bool(true), "blockOwnerDeletion": .bool(true),
                ])
            ])
        }
        return .object(m)
    }
}

/// A container's runtime state in the simulation.
enum SimContainerState: Hashable, Codable, Sendable {
    case waiting(reason: String, message: String)
    case running(since: Date)
    case terminated(reason: String, exitCode: Int, started: Date?, finished: Date)

    var json: JSONValue {
        switch self {
        case let .waiting(reason, message):
            var w: JSONObject = ["reason": .string(reason)]
            if !message.isEmpty { w["message"] = .string(message) }
            return .object(["waiting": .object(w)])
        case let .running(since):
            return .object(["running": .object(["startedAt": .time(since)])])
        case let .terminated(reason, code, started, finished):
            var t: JSONObject = ["reason": .string(reason), "exitCode": .int(Int64(code)), "finishedAt": .time(finished)]
            if let started { t["startedAt"] = .time(started) }
            t["containerID"] = .string("containerd://" + String(stableHash("\(finished.timeIntervalSince1970)\(reason)"), radix: 16))
            return .object(["terminated": .object(t)])
        }
    }
}

/// One container of a simulated pod.
struct SimContainer: Hashable, Codable, Sendable {
    var name: String
    var image: String
    var state: SimContainerState = .waiting(reason: "PodInitializing", message: "")
    var lastState: SimContainerState?
    var restartCount = 0
    var ready = false
    /// Log lines it prints before crashing (a fault), nil when it runs fine.
    var crashLog: [String]?
    /// Whether its image cannot be pulled (a fault).
    var unpullable = false

    var isRunning: Bool { if case .running = state { return true } else { return false } }

    func statusJSON(isInit: Bool) -> JSONValue {
        var s: JSONObject = [
            "name": .string(name), "image": .string(image), "imageID": .string(""), "ready": .bool(ready),
            "restartCount": .int(Int64(restartCount)), "state": state.json,
            "lastState": lastState?.json ?? .object([:]),
        ]
        if !isInit { s["started"] = .bool(isRunning) }
        if case .running = state {
            let digest = String(stableHash(image), radix: 16) + String(stableHash(image + "#"), radix: 16)
            s["imageID"] = .string("\(SimState.fullImageName(image))@sha256:\(digest)\(digest)")
        }
        return .object(s)
    }
}

/// Where a simulated pod is in its life.
enum SimPodStage: Hashable, Codable, Sendable {
    /// Waiting for the scheduler (or unschedulable).
    case scheduling
    /// Bound to a node, waiting for its volumes.
    case volumes
    /// Running init container `index`.
    case initContainer(Int)
    /// Pulling the main images.
    case pulling
    /// Containers running.
    case running
    /// Waiting out a crash back-off.
    case backoff(until: Date)
    /// Image pull failing; retrying with back-off.
    case pullBackoff(until: Date)
    /// Finished successfully (Job pods).
    case succeeded
    /// Finished with an error (Job pods with restartPolicy Never).
    case failed
}

/// A simulated pod.
struct SimPod: Hashable, Codable, Sendable {
    var meta: SimMeta
    /// The spec as rendered from the template (without nodeName).
    var spec: JSONValue
    /// The spec as Kube reads it, for scheduling.
    var decodedSpec: SimPodSpec
    var podSpec: PodSpec { decodedSpec.value }
    var nodeName: String?
    var hostIP: String?
    var podIP: String?
    var claims: [String] = []
    var inits: [SimContainer]
    var containers: [SimContainer]
    var stage: SimPodStage = .scheduling
    var stageSince: Date
    var startTime: Date?
    var scheduledAt: Date?
    var initializedAt: Date?
    var readyAt: Date?
    /// Why the scheduler could not place it: reason (`Unschedulable`, `SchedulerError`), message, since when, last attempt.
    var scheduleFailure: SimScheduleFailure?
    var restartPolicy: String

    static func == (a: SimPod, b: SimPod) -> Bool { a.meta == b.meta && a.stage == b.stage }
    func hash(into h: inout Hasher) { h.combine(meta) }

    var isFinished: Bool { stage == .succeeded || stage == .failed }
    var isReady: Bool { readyAt != nil && !isFinished }

    var phase: String {
        switch stage {
        case .succeeded: return "Succeeded"
        case .failed: return "Failed"
        case .running, .backoff: return "Running"
        default: return "Pending"
        }
    }

    /// The pod as the scheduler sees it (for `SchedulingFit`).
    var kubePod: Pod {
        var spec = podSpec
        spec.nodeName = nodeName
        return Pod(metadata: ObjectMeta(name: meta.name, namespace: meta.namespace), spec: spec, status: PodStatus(phase: phase))
    }

    var json: JSONValue {
        var spec = self.spec
        if let nodeName { spec["nodeName"] = .string(nodeName) }
        if spec["restartPolicy"] == nil { spec["restartPolicy"] = .string(restartPolicy) }
        if spec["schedulerName"] == nil { spec["schedulerName"] = .string("default-scheduler") }
        if spec["tolerations"] == nil {
            spec["tolerations"] = .array(
                ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map {
                    .object([
                        "key": .string($0), "operator": .string("Exists"), "effect": .string("NoExecute"), "tolerationSeconds": .int(300),
                    ])
                })
        }
        return .object(["apiVersion": .string("v1"), "kind": .string("Pod"), "metadata": meta.json(), "spec": spec, "status": status])
    }

    var status: JSONValue {
        var s: JSONObject = ["phase": .string(phase), "qosClass": .string(qosClass)]
        var conditions: [JSONValue] = []
        func condition(_ type: String, _ at: Date?, reason: String? = nil, message: String? = nil, fallback: Date? = nil) {
            var c: JSONObject = [
                "type": .string(type), "status": .string(at == nil ? "False" : "True"),
                "lastProbeTime": .null, "lastTransitionTime": .time(at ?? fallback ?? meta.created),
            ]
            if at == nil, let reason { c["reason"] = .string(reason) }
            if at == nil, let message { c["message"] = .string(message) }
            conditions.append(.object(c))
        }
        if let f = scheduleFailure, nodeName == nil {
            conditions.append(
                .object([
                    "type": .string("PodScheduled"), "status": .string("False"), "reason": .string(f.reason),
                    "message": .string(f.message), "lastProbeTime": .null, "lastTransitionTime": .time(f.since),
                ]))
        } else if let scheduledAt {
            if !inits.isEmpty || stage != .volumes {
                condition("PodReadyToStartContainers", stage == .volumes ? nil : scheduledAt.addingTimeInterval(1), fallback: scheduledAt)
            }
            let containersReady = isFinished ? nil : readyAt
            condition(
                "Initialized", initializedAt, reason: "ContainersNotInitialized",
                message: "containers with incomplete status: [\(inits.filter { !isDone($0) }.map(\.name).joined(separator: " "))]",
                fallback: scheduledAt)
            let notReady = containers.filter { !$0.ready }.map(\.name).joined(separator: " ")
            condition(
                "Ready", containersReady, reason: isFinished ? "PodCompleted" : "ContainersNotReady",
                message: isFinished ? nil : "containers with unready status: [\(notReady)]", fallback: scheduledAt)
            condition(
                "ContainersReady", containersReady, reason: isFinished ? "PodCompleted" : "ContainersNotReady",
                message: isFinished ? nil : "containers with unready status: [\(notReady)]", fallback: scheduledAt)
            condition("PodScheduled", scheduledAt)
        }
        if !conditions.isEmpty { s["conditions"] = .array(conditions) }
        if let hostIP {
            s["hostIP"] = .string(hostIP)
            s["hostIPs"] = .array([.object(["ip": .string(hostIP)])])
        }
        if let podIP {
            s["podIP"] = .string(podIP)
            s["podIPs"] = .array([.object(["ip": .string(podIP)])])
        }
        if let startTime { s["startTime"] = .time(startTime) }
        if nodeName != nil {
            if !inits.isEmpty { s["initContainerStatuses"] = .array(inits.map { $0.statusJSON(isInit: true) }) }
            s["containerStatuses"] = .array(containers.map { $0.statusJSON(isInit: false) })
        }
        return .object(s)
    }

    private func isDone(_ c: SimContainer) -> Bool {
        if case .terminated(_, 0, _, _) = c.state { return true }
        return false
    }

    private var qosClass: String {
        let all = podSpec.containers + podSpec.initContainers
        if all.allSatisfy({ $0.resourceRequests.isEmpty && $0.resourceLimits.isEmpty }) { return "BestEffort" }
        let guaranteed = podSpec.containers.allSatisfy { c in
            ["cpu", "memory"].allSatisfy {
                c.resourceLimits[$0] != nil && (c.resourceRequests[$0] == nil || c.resourceRequests[$0] == c.resourceLimits[$0])
            }
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
