#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Per-kind status rules (pure): what state an object is in and why.
public enum StatusRules {
    /// A Pod's status at time `now` (needed for the unschedulable grace period).
    public static func status(of pod: Pod, now: Date, policy: StatusPolicy = .standard) -> ObjectStatus {
        let name = pod.name
        if pod.metadata.deletionTimestamp != nil { return ObjectStatus(.inProgress, "terminating") }
        switch pod.status.phase {
        case "Succeeded": return ObjectStatus(.current, "completed")
        case "Failed":
            let why = pod.status.reason ?? pod.status.containerStatuses.compactMap { $0.state.reason }.first ?? "Error"
            return ObjectStatus(.failed, "failed: \(why)")
        default: break
        }
        if let c = pod.unschedulableCondition {
            let since = c.lastTransitionTime ?? pod.metadata.creationTimestamp
            let waited = since.map { now.timeIntervalSince($0) } ?? 0
            let msg = c.message ?? "no node can take it"
            if waited > policy.unschedulableGrace {
                let f = FailFast(kind: .unschedulable, objectKind: "Pod", objectName: name, message: msg)
                return ObjectStatus(.failed, "unschedulable for \(Int(waited)) s: \(msg)", failure: f)
            }
            return ObjectStatus(.inProgress, "waiting for a node: \(msg)")
        }
        // A ready pod is ready even if a sidecar (restartable init container) is still running.
        if pod.status.phase == "Running" && pod.isReady { return ObjectStatus(.current, "ready") }
        // Init containers run one after the other; report the first one not done.
        for (i, cs) in pod.status.initContainerStatuses.enumerated() {
            if case .terminated(_, _, 0, _) = cs.state { continue }
            if let r = cs.state.waitingReason, let k = WaitingReasons.failFastKind(r) {
                let f = FailFast(kind: k, objectKind: "Pod", objectName: name, container: cs.name, message: cs.state.message ?? r)
                return ObjectStatus(.failed, "init container \(cs.name): \(r)", failure: f)
            }
            if case let .terminated(r, _, code, _) = cs.state, cs.restartCount > 0 || code != 0 {
                return ObjectStatus(.inProgress, "Init:\(i)/\(pod.status.initContainerStatuses.count) \(cs.name) exited \(code) (\(r))")
            }
            return ObjectStatus(.inProgress, "Init:\(i)/\(pod.status.initContainerStatuses.count) \(InitContainerNames.activity(cs.name))")
        }
        var readyCount = 0
        var worst: ObjectStatus?
        for cs in pod.status.containerStatuses {
            if cs.ready { readyCount += 1; continue }
            if let r = cs.state.waitingReason {
                if let k = WaitingReasons.failFastKind(r) {
                    let f = FailFast(kind: k, objectKind: "Pod", objectName: name, container: cs.name, message: cs.state.message ?? r)
                    return ObjectStatus(.failed, "container \(cs.name): \(r)", failure: f)
                }
                if worst == nil { worst = ObjectStatus(.inProgress, "container \(cs.name): \(r.isEmpty ? "waiting" : r)") }
            }
        }
        let total = max(pod.spec.containers.count, pod.status.containerStatuses.count)
        if pod.status.phase == "Running", pod.isReady || (total > 0 && readyCount == total) {
            return ObjectStatus(.current, "ready")
        }
        if let w = worst { return w }
        if pod.status.phase == "Running" {
            return ObjectStatus(.inProgress, "running, \(readyCount) of \(total) containers ready")
        }
        if pod.spec.nodeName == nil && pod.status.conditions.first(ofType: "PodScheduled") == nil {
            return ObjectStatus(.inProgress, "waiting to be scheduled")
        }
        return ObjectStatus(.inProgress, pod.status.phase.isEmpty ? "pending" : pod.status.phase.lowercased())
    }

    /// A Deployment's status (observed generation, updated and available replicas).
    public static func status(of d: Deployment) -> ObjectStatus {
        if d.metadata.generation > d.observedGeneration {
            return ObjectStatus(.inProgress, "waiting for the controller to see the new spec")
        }
        if let p = d.conditions.first(ofType: "Progressing"), p.reason == "ProgressDeadlineExceeded" {
            return ObjectStatus(.failed, "rollout stuck: \(p.message ?? "progress deadline exceeded")")
        }
        if d.updatedReplicas < d.replicas {
            return ObjectStatus(.inProgress, "\(d.updatedReplicas) of \(d.replicas) updated")
        }
        if d.statusReplicas > d.updatedReplicas {
            return ObjectStatus(.inProgress, "\(d.statusReplicas - d.updatedReplicas) old replicas terminating")
        }
        if d.availableReplicas < d.replicas {
            return ObjectStatus(.inProgress, "\(d.availableReplicas) of \(d.replicas) available")
        }
        return ObjectStatus(.current, "\(d.availableReplicas) of \(d.replicas) available")
    }

    /// A StatefulSet's status (ready replicas, revision rollout).
    public static func status(of s: StatefulSet) -> ObjectStatus {
        if s.metadata.generation > s.observedGeneration {
            return ObjectStatus(.inProgress, "waiting for the controller to see the new spec")
        }
        if s.readyReplicas < s.replicas {
            return ObjectStatus(.inProgress, "\(s.readyReplicas) of \(s.replicas) ready")
        }
        if s.updateStrategy == "RollingUpdate", !s.updateRevision.isEmpty, s.currentRevision != s.updateRevision {
            return ObjectStatus(.inProgress, "rolling update: \(s.updatedReplicas) of \(s.replicas) updated")
        }
        return ObjectStatus(.current, "\(s.readyReplicas) of \(s.replicas) ready")
    }

    /// A Job's status (complete/failed conditions, backoff limit).
    public static func status(of j: Job) -> ObjectStatus {
        if let f = j.conditions.first(where: { ($0.type == "Failed" || $0.type == "FailureTarget") && $0.isTrue }) {
            let reason = f.reason ?? "Failed"
            let kind: FailFast.Kind = .jobBackoffLimitExceeded
            let text = reason == "BackoffLimitExceeded"
                ? "failed after \(j.failed) attempts (backoff limit \(j.backoffLimit))"
                : "failed: \(f.message ?? reason)"
            return ObjectStatus(.failed, text, failure: FailFast(kind: kind, objectKind: "Job", objectName: j.metadata.name, message: f.message ?? reason))
        }
        if j.conditions.contains(where: { ($0.type == "Complete" || $0.type == "SuccessCriteriaMet") && $0.isTrue }) {
            return ObjectStatus(.current, "completed")
        }
        if j.failed > j.backoffLimit {
            let msg = "Job has reached the specified backoff limit"
            return ObjectStatus(.failed, "failed after \(j.failed) attempts (backoff limit \(j.backoffLimit))",
                                failure: FailFast(kind: .jobBackoffLimitExceeded, objectKind: "Job", objectName: j.metadata.name, message: msg))
        }
        var text = "running: \(j.succeeded) of \(j.completions) done"
        if j.failed > 0 { text += ", \(j.failed) failed attempt\(j.failed == 1 ? "" : "s")" }
        return ObjectStatus(.inProgress, text)
    }

    /// A PVC's status at time `now` (Pending too long fails fast).
    public static func status(of pvc: PersistentVolumeClaim, now: Date, policy: StatusPolicy = .standard) -> ObjectStatus {
        switch pvc.phase {
        case "Bound":
            let size = pvc.capacity.map { " (\(ResourceFormat.bytes($0.value)))" } ?? ""
            return ObjectStatus(.current, "bound\(size)")
        case "Lost":
            return ObjectStatus(.failed, "its volume is lost")
        default:
            let waited = pvc.metadata.creationTimestamp.map { now.timeIntervalSince($0) } ?? 0
            let cls = pvc.storageClassName.map { "storage class \($0)" } ?? "the default storage class"
            if waited > policy.pvcPendingGrace {
                let msg = "Pending for \(Int(waited)) s with \(cls)"
                return ObjectStatus(.failed, "no volume after \(Int(waited)) s (\(cls))",
                                    failure: FailFast(kind: .pvcPending, objectKind: "PersistentVolumeClaim", objectName: pvc.metadata.name, message: msg))
            }
            return ObjectStatus(.inProgress, "waiting for a volume (\(cls))")
        }
    }

    /// A Service's status: LoadBalancer services are current once they have an address.
    public static func status(of svc: Service) -> ObjectStatus {
        guard svc.type == "LoadBalancer" else { return ObjectStatus(.current, svc.type) }
        if let a = ExternalAddress(svc.loadBalancerIngress) { return ObjectStatus(.current, "address \(a.value)") }
        return ObjectStatus(.inProgress, "waiting for the load balancer address")
    }

    /// An Ingress's status: current once the controller has published an address.
    public static func status(of ing: Ingress) -> ObjectStatus {
        if let a = ExternalAddress(ing.loadBalancerIngress) { return ObjectStatus(.current, "address \(a.value)") }
        return ObjectStatus(.inProgress, "waiting for the ingress address")
    }
}
