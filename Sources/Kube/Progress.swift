#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The status of one object in a progress report.
public struct ObjectProgress: Hashable, Sendable {
    /// Kind, e.g. `Deployment`.
    public var kind: String
    /// Name.
    public var name: String
    /// Its status.
    public var status: ObjectStatus

    /// An entry.
    public init(kind: String, name: String, status: ObjectStatus) { self.kind = kind; self.name = name; self.status = status }
}

/// Everything polled from a namespace at one moment.
public struct NamespaceSnapshot: Sendable {
    /// Pods.
    public var pods: [Pod]
    /// Deployments.
    public var deployments: [Deployment]
    /// StatefulSets.
    public var statefulSets: [StatefulSet]
    /// Jobs.
    public var jobs: [Job]
    /// PVCs.
    public var pvcs: [PersistentVolumeClaim]
    /// Services (only LoadBalancer ones are tracked).
    public var services: [Service]
    /// Events (for diagnostics).
    public var events: [Event]

    /// A snapshot; every list defaults to empty.
    public init(pods: [Pod] = [], deployments: [Deployment] = [], statefulSets: [StatefulSet] = [], jobs: [Job] = [],
                pvcs: [PersistentVolumeClaim] = [], services: [Service] = [], events: [Event] = []) {
        self.pods = pods; self.deployments = deployments; self.statefulSets = statefulSets; self.jobs = jobs
        self.pvcs = pvcs; self.services = services; self.events = events
    }
}

/// Aggregated progress: n of m ready, overall state, fail-fast conditions.
public struct ProgressSummary: Hashable, Sendable {
    /// Tracked objects (workloads, PVCs, LoadBalancer services, pods without a controller), sorted by kind and name.
    public var items: [ObjectProgress]
    /// Statuses of every pod (including controller-owned ones), sorted by name.
    public var pods: [ObjectProgress]
    /// How many tracked objects are current.
    public var ready: Int
    /// How many objects are tracked.
    public var total: Int
    /// Failed if a tracked object failed or a fail-fast reason exists, current if every tracked object is, otherwise in progress.
    public var overall: ObjectStatus.State
    /// Reasons to stop waiting now, de-duplicated, in a stable order.
    public var failures: [FailFast]

    /// `7 of 12 ready`.
    public var headline: String { "\(ready) of \(total) ready" }

    /// Computes the summary of a snapshot at `now`.
    public static func make(_ s: NamespaceSnapshot, now: Date, policy: StatusPolicy = .standard) -> ProgressSummary {
        var items: [ObjectProgress] = []
        for d in s.deployments { items.append(ObjectProgress(kind: "Deployment", name: d.metadata.name, status: StatusRules.status(of: d))) }
        for t in s.statefulSets { items.append(ObjectProgress(kind: "StatefulSet", name: t.metadata.name, status: StatusRules.status(of: t))) }
        for j in s.jobs { items.append(ObjectProgress(kind: "Job", name: j.metadata.name, status: StatusRules.status(of: j))) }
        for p in s.pvcs { items.append(ObjectProgress(kind: "PersistentVolumeClaim", name: p.metadata.name, status: StatusRules.status(of: p, now: now, policy: policy))) }
        for v in s.services where v.type == "LoadBalancer" {
            items.append(ObjectProgress(kind: "Service", name: v.metadata.name, status: StatusRules.status(of: v)))
        }
        var pods: [ObjectProgress] = []
        // Pods of a Job that later succeeded or retried are history, not failures.
        let finishedJobs = Set(s.jobs.filter { StatusRules.status(of: $0).state == .current }.map { $0.metadata.name })
        for p in s.pods {
            var st = StatusRules.status(of: p, now: now, policy: policy)
            if let o = p.owner, o.kind == "Job", p.status.phase == "Failed" || finishedJobs.contains(o.name) {
                if st.state == .failed { st = ObjectStatus(.inProgress, st.message) }
            }
            let entry = ObjectProgress(kind: "Pod", name: p.name, status: st)
            pods.append(entry)
            if p.metadata.ownerReferences.isEmpty { items.append(entry) }
        }
        items.sort { ($0.kind, $0.name) < ($1.kind, $1.name) }
        pods.sort { $0.name < $1.name }
        var failures: [FailFast] = []
        var seen = Set<FailFast>()
        for f in (items + pods).compactMap(\.status.failure) where !seen.contains(f) {
            seen.insert(f); failures.append(f)
        }
        let ready = items.filter { $0.status.state == .current }.count
        // Controller-owned pods count only through fail-fast reasons: an evicted pod that was
        // replaced stays Failed in the list but says nothing about the release.
        let overall: ObjectStatus.State
        if !failures.isEmpty || items.contains(where: { $0.status.state == .failed }) { overall = .failed }
        else if ready == items.count { overall = .current }
        else { overall = .inProgress }
        return ProgressSummary(items: items, pods: pods, ready: ready, total: items.count, overall: overall, failures: failures)
    }
}
