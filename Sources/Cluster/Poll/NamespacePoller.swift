import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Kube

/// What to do after a poll (pure): keep waiting, everything is ready, or stop now.
public enum PollDecision: Sendable, Hashable {
    /// Objects are still getting there.
    case keepWaiting
    /// Every tracked object is ready.
    case allReady
    /// Something will not get better by waiting (crash loop, image pull, job gave up,
    /// unschedulable or unbound for too long).
    case stop([FailFast])

    /// The decision for a summary. A LoadBalancer Service still waiting for its address does
    /// not hold the pods back: on a cluster without a load balancer controller (bare metal) it
    /// never gets one, and the address wait that follows explains that.
    public static func decide(_ summary: ProgressSummary) -> PollDecision {
        if !summary.failures.isEmpty { return .stop(summary.failures) }
        if summary.overall == .current && summary.total > 0 { return .allReady }
        let waitingOnlyForAddresses = summary.total > 0
            && summary.items.allSatisfy { $0.status.state == .current || $0.kind == "Service" }
        return waitingOnlyForAddresses ? .allReady : .keepWaiting
    }
}

/// One poll's result: the objects and what Kube makes of them.
public struct NamespacePollUpdate: Sendable {
    /// The objects read.
    public var objects: NamespaceObjects
    /// n of m ready, per-object status, fail-fast reasons.
    public var summary: ProgressSummary
    /// Findings for people (pending pods, crash loops, failed jobs, unbound claims).
    public var diagnoses: [Diagnosis]
    /// What to do next.
    public var decision: PollDecision
    /// When the poll was taken.
    public var takenAt: Date

    /// Derives the summary, diagnoses and decision from polled objects (pure).
    /// `otherPods` are the pods of other namespaces (system daemons, other apps): they use the
    /// nodes too, so a Pending pod's diagnosis counts them when it says what is free.
    public static func evaluate(_ objects: NamespaceObjects, now: Date, nodes: [Node] = [], otherPods: [Pod] = [],
                                storageClasses: [StorageClass] = [], logs: [String: [String]] = [:],
                                policy: StatusPolicy = .standard) -> NamespacePollUpdate {
        let summary = ProgressSummary.make(objects.snapshot, now: now, policy: policy)
        let context = DiagnosisContext(nodes: nodes, pods: objects.snapshot.pods + otherPods, events: objects.snapshot.events,
                                       storageClasses: storageClasses, logs: logs, now: now)
        var diagnoses = Diagnostics.diagnose(objects.snapshot, context: context)
        for index in diagnoses.indices {
            diagnoses[index].inProgress = !Self.isSettled(diagnoses[index], summary: summary)
        }
        return NamespacePollUpdate(objects: objects, summary: summary, diagnoses: diagnoses,
                                   decision: PollDecision.decide(summary), takenAt: now)
    }
}

extension NamespacePollUpdate {
    /// Whether a finding is settled (kstatus-like): its object has failed, or the finding is
    /// about no single object. A finding about an object still in progress (a claim being
    /// provisioned, a pod waiting for a node within its grace period) is a wait, not a failure.
    public static func isSettled(_ diagnosis: Diagnosis, summary: ProgressSummary) -> Bool {
        guard let object = diagnosis.object else { return true }
        let all = object.kind == "Pod" ? summary.pods : summary.items
        guard let entry = all.first(where: { $0.kind == object.kind && $0.name == object.name }) else { return true }
        return entry.status.state == .failed
    }

    /// When a finding that is still a wait becomes a failure: the grace period of its kind
    /// (a pod without a node, a claim without a volume), nil when its kind has none.
    public static func deadline(of diagnosis: Diagnosis, policy: StatusPolicy = .standard) -> TimeInterval? {
        switch diagnosis.object?.kind {
        case "Pod": return policy.unschedulableGrace
        case "PersistentVolumeClaim": return policy.pvcPendingGrace
        default: return nil
        }
    }
}

/// What the poller reports.
public enum NamespacePollEvent: Sendable {
    /// A fresh reading.
    case update(NamespacePollUpdate)
    /// This poll failed (the cluster may be briefly unreachable); polling goes on.
    case pollFailed(KubectlError)
}

/// Polls one namespace with at most one kubectl process per interval (2 s): one
/// `kubectl get pods,jobs,…,events` per tick, or, when a container crash-loops and its log is
/// not read yet, one `kubectl logs --previous` instead.
public struct NamespacePoller: Sendable {
    /// The kubectl client.
    public var kubectl: KubectlClient
    /// The namespace watched.
    public var namespace: String
    /// The clock to wait on.
    public var clock: any WallClock
    /// Time between kubectl processes.
    public var interval: Duration
    /// Nodes and storage classes for the diagnoses (read once by the caller).
    public var nodes: [Node]
    /// Pods of the other namespaces, read when the watch starts (what else uses the nodes).
    public var otherPods: [Pod]
    /// Storage classes for the diagnoses.
    public var storageClasses: [StorageClass]
    /// Grace periods of the fail-fast rules.
    public var policy: StatusPolicy
    /// Log lines read per crashing container.
    public var logTail: Int

    /// A poller.
    public init(kubectl: KubectlClient, namespace: String, clock: any WallClock, interval: Duration = .seconds(2),
                nodes: [Node] = [], otherPods: [Pod] = [], storageClasses: [StorageClass] = [], policy: StatusPolicy = .standard,
                logTail: Int = 20) {
        self.kubectl = kubectl; self.namespace = namespace; self.clock = clock; self.interval = interval
        self.nodes = nodes; self.otherPods = otherPods; self.storageClasses = storageClasses; self.policy = policy; self.logTail = logTail
    }

    /// One poll now.
    public func poll(logs: [String: [String]] = [:]) async throws -> NamespacePollUpdate {
        let objects = try await kubectl.namespaceObjects(namespace)
        return NamespacePollUpdate.evaluate(objects, now: Date(timeIntervalSince1970: Double(clock.now.nanosecondsSinceEpoch) / 1_000_000_000), nodes: nodes,
                                            otherPods: otherPods,
                                            storageClasses: storageClasses, logs: logs, policy: policy)
    }

    /// Containers whose previous run's log would explain a failure and has not been read (pure).
    public static func logsWanted(_ update: NamespacePollUpdate, have: Set<String>) -> [(pod: String, container: String)] {
        var out: [(String, String)] = []
        for pod in update.objects.snapshot.pods {
            for cs in pod.status.containerStatuses + pod.status.initContainerStatuses where cs.restartCount > 0 || cs.state.waitingReason == "CrashLoopBackOff" {
                let key = "\(pod.name)/\(cs.name)"
                if !have.contains(key) { out.append((pod.name, cs.name)) }
            }
        }
        return out
    }

    /// Polls until the consumer stops iterating (or the task is cancelled).
    public func events() -> AsyncThrowingStream<NamespacePollEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: NamespacePollEvent.self)
        let poller = self
        let task = Task {
            var logs: [String: [String]] = [:]
            var pendingLogs: [(pod: String, container: String)] = []
            do {
                while !Task.isCancelled {
                    let started = poller.clock.monotonic
                    if let next = pendingLogs.first {
                        pendingLogs.removeFirst()
                        let lines = (try? await poller.kubectl.previousLogs(pod: next.pod, container: next.container,
                                                                             namespace: poller.namespace, tail: poller.logTail)) ?? []
                        logs["\(next.pod)/\(next.container)"] = lines
                    } else {
                        do {
                            let update = try await poller.poll(logs: logs)
                            continuation.yield(.update(update))
                            pendingLogs = Self.logsWanted(update, have: Set(logs.keys))
                        } catch let e as KubectlError {
                            continuation.yield(.pollFailed(e))
                        }
                    }
                    let spent = poller.clock.monotonic - started
                    if spent < poller.interval { try await poller.clock.sleep(for: poller.interval - spent) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error is CancellationError ? nil : error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
