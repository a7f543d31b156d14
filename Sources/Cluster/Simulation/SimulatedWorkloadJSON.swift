#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// Deployments, StatefulSets and Jobs as the API server reports them, with status derived from their pods.
extension SimState {
    func workloadJSON(_ w: SimWorkload) -> JSONValue {
        let owned = pods.filter { $0.meta.owner?.uid == ownerUID(w) }
        let live = owned.filter { !$0.isFinished }
        let ready = live.filter(\.isReady).count
        var spec = w.manifest["spec"] ?? .object([:])
        var status: JSONObject = [:]
        func put(_ key: String, _ n: Int) { if n != 0 { status[key] = .int(Int64(n)) } }
        func condition(_ type: String, _ value: Bool, _ reason: String, _ message: String, _ at: Date) -> JSONValue {
            .object([
                "type": .string(type), "status": .string(value ? "True" : "False"), "reason": .string(reason),
                "message": .string(message), "lastTransitionTime": .time(at), "lastUpdateTime": .time(at),
            ])
        }
        switch w.kind {
        case .deployment:
            spec["replicas"] = .int(Int64(w.replicas))
            spec["strategy"] =
                spec["strategy"]
                ?? .object([
                    "type": .string("RollingUpdate"),
                    "rollingUpdate": .object(["maxSurge": .string("25%"), "maxUnavailable": .string("25%")]),
                ])
            status["observedGeneration"] = .int(Int64(w.generation))
            put("replicas", live.count)
            put("updatedReplicas", live.count)
            put("readyReplicas", ready)
            put("availableReplicas", ready)
            put("unavailableReplicas", max(0, w.replicas - ready))
            let maxUnavailable = w.replicas / 4
            let available = ready >= w.replicas - maxUnavailable
            let since = live.compactMap(\.readyAt).max() ?? w.meta.created
            status["conditions"] = .array([
                condition(
                    "Available", available, available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                    available ? since : w.meta.created),
                condition(
                    "Progressing", true, ready >= w.replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    ready >= w.replicas
                        ? "ReplicaSet \"\(w.replicaSetName)\" has successfully progressed."
                        : "ReplicaSet \"\(w.replicaSetName)\" is progressing.",
                    w.meta.created),
            ])
        case .statefulSet:
            spec["replicas"] = .int(Int64(w.replicas))
            spec["updateStrategy"] =
                spec["updateStrategy"] ?? .object(["type": .string("RollingUpdate"), "rollingUpdate": .object(["partition": .int(0)])])
            spec["podManagementPolicy"] = spec["podManagementPolicy"] ?? .string("OrderedReady")
            let revision = "\(w.meta.name)-\(w.templateHash)"
            status["observedGeneration"] = .int(Int64(w.generation))
            status["replicas"] = .int(Int64(live.count))
            put("readyReplicas", ready)
            put("availableReplicas", ready)
            put("currentReplicas", live.count)
            put("updatedReplicas", live.count)
            status["currentRevision"] = .string(revision)
            status["updateRevision"] = .string(revision)
            status["collisionCount"] = .int(0)
        case .job:
            spec["backoffLimit"] = .int(Int64(w.backoffLimit))
            spec["completions"] = .int(Int64(w.completions))
            spec["parallelism"] = spec["parallelism"] ?? .int(1)
            spec["completionMode"] = spec["completionMode"] ?? .string("NonIndexed")
            put("active", live.count)
            put("ready", ready)
            put("succeeded", owned.filter { $0.stage == .succeeded }.count)
            put("failed", owned.filter { $0.stage == .failed }.count)
            status["terminating"] = .int(0)
            status["uncountedTerminatedPods"] = .object([:])
            status["startTime"] = .time(w.startTime)
            func jobCondition(_ type: String, _ reason: String, _ message: String, _ at: Date) -> JSONValue {
                .object([
                    "type": .string(type), "status": .string("True"), "reason": .string(reason), "message": .string(message),
                    "lastProbeTime": .time(at), "lastTransitionTime": .time(at),
                ])
            }
            if let done = w.completionTime {
                status["completionTime"] = .time(done)
                status["conditions"] = .array([
                    jobCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", done),
                    jobCondition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", done),
                ])
            } else if let failed = w.failedAt {
                status["conditions"] = .array([
                    jobCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", failed),
                    jobCondition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", failed),
                ])
            }
        }
        return .object([
            "apiVersion": .string(w.apiVersion), "kind": .string(w.kind.rawValue),
            "metadata": w.meta.json(generation: w.generation), "spec": spec, "status": .object(status),
        ])
    }
}
