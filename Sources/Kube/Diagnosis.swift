#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A finding for people: what is wrong, the evidence, and what to do.
public struct Diagnosis: Hashable, Sendable {
    /// Stable identifiers of every diagnosis the tool makes (documented in troubleshooting).
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// Not enough CPU or memory on any node.
        case insufficientResources = "insufficient-resources"
        /// Nodes have taints the pod does not tolerate.
        case untoleratedTaint = "untolerated-taint"
        /// No node matches the pod's nodeSelector/affinity.
        case nodeSelectorMismatch = "node-selector-mismatch"
        /// Nodes are cordoned.
        case nodesUnschedulable = "nodes-unschedulable"
        /// A node's pod limit is reached.
        case tooManyPods = "too-many-pods"
        /// Volume binding problems (unbound claims, no volumes, zone conflicts, storage).
        case volumeBinding = "volume-binding"
        /// Another scheduling reason.
        case unschedulable = "unschedulable"
        /// A container keeps crashing.
        case crashLoop = "crash-loop"
        /// A container was killed for exceeding its memory limit.
        case outOfMemory = "out-of-memory"
        /// An image cannot be pulled.
        case imagePull = "image-pull"
        /// An image reference is malformed.
        case invalidImage = "invalid-image"
        /// A Secret or ConfigMap the container needs is missing.
        case containerConfig = "container-config"
        /// The pod's sandbox or volumes cannot be set up (FailedMount, FailedAttachVolume, FailedCreatePodSandBox).
        case podSetup = "pod-setup"
        /// An init container is still waiting.
        case initWaiting = "init-waiting"
        /// A Job failed (e.g. database migrations).
        case jobFailed = "job-failed"
        /// A PVC stays Pending.
        case pvcPending = "pvc-pending"
        /// A PVC waits for its pod to be scheduled (WaitForFirstConsumer): how every install starts.
        case volumeWaitsForPod = "volume-waits-for-pod"
        /// helm timed out waiting for resources.
        case helmTimeout = "helm-timeout"
        /// A release with that name exists already.
        case helmNameInUse = "helm-name-in-use"
        /// An upgrade changes StatefulSet fields Kubernetes forbids changing.
        case helmStatefulSetForbidden = "helm-statefulset-forbidden"
        /// Another helm operation is running on the release.
        case helmOperationInProgress = "helm-operation-in-progress"
        /// A resource exists that the release does not own.
        case helmResourceExists = "helm-resource-exists"
        /// `helm upgrade` on a release that was never deployed successfully.
        case helmNoDeployedReleases = "helm-no-deployed-releases"
        /// Chart rendering failed.
        case helmRenderFailed = "helm-render-failed"
        /// The cluster could not be reached.
        case clusterUnreachable = "cluster-unreachable"
    }

    /// Identifier of the finding.
    public var code: Code
    /// The object concerned, e.g. `Pod posthog-clickhouse-0` (empty for helm errors).
    public var subject: String
    /// One sentence: what is wrong.
    public var summary: String
    /// Evidence: quantified shortfalls, messages, log lines.
    public var details: [String]
    /// What to do.
    public var fix: String
    /// The chart upgrade note that explains this, when one does (an identifier into the notes data).
    public var upgradeNoteID: String?
    /// The object the finding is about, when it is one object of the namespace (set by the
    /// namespace diagnoser), so its status can say whether the finding is still in progress.
    public var object: DiagnosedObject?
    /// Whether the object is still in progress (kstatus-like): a wait that may resolve itself
    /// (a claim being provisioned, a pod within its grace period), not yet a failure.
    public var inProgress = false

    /// The finding as plain text lines for headless output:
    /// `subject: summary`, indented details, then `fix: …`.
    public var text: String {
        var lines = [subject.isEmpty ? summary : "\(subject): \(summary)"]
        lines += details.map { "  " + $0 }
        lines.append("  fix: \(fix)")
        if let n = upgradeNoteID { lines.append("  upgrade note: \(n)") }
        return lines.joined(separator: "\n")
    }

    /// A diagnosis.
    public init(code: Code, subject: String, summary: String, details: [String] = [], fix: String, upgradeNoteID: String? = nil) {
        self.code = code; self.subject = subject; self.summary = summary; self.details = details
        self.fix = fix; self.upgradeNoteID = upgradeNoteID
    }
}

/// The object a diagnosis is about: its kind and name.
public struct DiagnosedObject: Hashable, Sendable {
    /// `Pod`, `Job`, `PersistentVolumeClaim`.
    public var kind: String
    /// The object's name.
    public var name: String

    /// An object reference.
    public init(kind: String, name: String) { self.kind = kind; self.name = name }
}

/// What the diagnoser may look at besides the object itself.
public struct DiagnosisContext: Sendable {
    /// The cluster's nodes.
    public var nodes: [Node] { didSet { usage = NodeUsage.compute(nodes: nodes, pods: pods) } }
    /// All pods known (any namespace), to compute what is already used on each node.
    public var pods: [Pod] { didSet { usage = NodeUsage.compute(nodes: nodes, pods: pods) } }
    /// Events of the namespace.
    public var events: [Event] { didSet { eventIndex = Self.index(events) } }
    /// Storage classes.
    public var storageClasses: [StorageClass]
    /// Last log lines per `pod/container` (for crash loops: `kubectl logs --previous --tail`).
    public var logs: [String: [String]]
    /// The current time.
    public var now: Date

    /// A context; everything but `now` defaults to empty.
    public init(nodes: [Node] = [], pods: [Pod] = [], events: [Event] = [], storageClasses: [StorageClass] = [],
                logs: [String: [String]] = [:], now: Date) {
        self.nodes = nodes; self.pods = pods; self.events = events; self.storageClasses = storageClasses
        self.logs = logs; self.now = now
        usage = NodeUsage.compute(nodes: nodes, pods: pods)
        eventIndex = Self.index(events)
    }

    /// Node usage of all known pods, computed once.
    private(set) var usage: [NodeUsage]
    /// Events by `kind/name`, oldest first.
    private var eventIndex: [String: [Event]]

    static func index(_ events: [Event]) -> [String: [Event]] {
        var out: [String: [Event]] = [:]
        for e in events { out["\(e.involvedObject.kind)/\(e.involvedObject.name)", default: []].append(e) }
        for (k, v) in out { out[k] = v.sorted { ($0.lastSeen ?? .distantPast) < ($1.lastSeen ?? .distantPast) } }
        return out
    }

    /// Usage per node, leaving out one pod if it is bound (so a pod is not counted against itself).
    func usage(excluding pod: Pod) -> [NodeUsage] {
        guard let n = pod.spec.nodeName, !n.isEmpty, !pod.isTerminated else { return usage }
        return NodeUsage.compute(nodes: nodes, pods: pods, excluding: pod.name)
    }

    /// Log lines of one container.
    public func logLines(pod: String, container: String) -> [String] { logs["\(pod)/\(container)"] ?? [] }

    /// Events about one object, newest last.
    public func events(kind: String, name: String) -> [Event] {
        eventIndex["\(kind)/\(name)"] ?? []
    }
}
