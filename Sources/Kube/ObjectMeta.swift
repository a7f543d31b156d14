#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `metadata` of any Kubernetes object.
public struct ObjectMeta: Decodable, Hashable, Sendable {
    /// `metadata.name`.
    public var name: String = ""
    /// `metadata.namespace` (empty for cluster-scoped objects).
    public var namespace: String = ""
    /// `metadata.uid`.
    public var uid: String = ""
    /// `metadata.labels`.
    public var labels: [String: String] = [:]
    /// `metadata.annotations`.
    public var annotations: [String: String] = [:]
    /// `metadata.generation` (0 when absent).
    public var generation: Int64 = 0
    /// `metadata.creationTimestamp`.
    public var creationTimestamp: Date?
    /// `metadata.deletionTimestamp`: set while the object is being deleted.
    public var deletionTimestamp: Date?
    /// `metadata.finalizers`.
    public var finalizers: [String] = []
    /// `metadata.ownerReferences`.
    public var ownerReferences: [OwnerReference] = []

    /// An empty metadata block.
    public init(name: String = "", namespace: String = "") { self.name = name; self.namespace = namespace }

    enum CodingKeys: String, CodingKey {
        case name, namespace, uid, labels, annotations, generation, creationTimestamp, deletionTimestamp, finalizers, ownerReferences
    }

    /// Decodes tolerantly: every field may be missing.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.or(.name, "")
        namespace = try c.or(.namespace, "")
        uid = try c.or(.uid, "")
        labels = try c.or(.labels, [:])
        annotations = try c.or(.annotations, [:])
        generation = try c.or(.generation, 0)
        creationTimestamp = try c.opt(.creationTimestamp)
        deletionTimestamp = try c.opt(.deletionTimestamp)
        finalizers = try c.or(.finalizers, [])
        ownerReferences = try c.or(.ownerReferences, [])
    }
}

/// One entry of `metadata.ownerReferences`.
public struct OwnerReference: Decodable, Hashable, Sendable {
    /// Owner kind, e.g. `ReplicaSet`, `Job`, `StatefulSet`.
    public var kind: String = ""
    /// Owner name.
    public var name: String = ""
    /// Whether this is the managing controller.
    public var controller: Bool?

    /// An owner reference.
    public init(kind: String = "", name: String = "") { self.kind = kind; self.name = name }

    enum CodingKeys: String, CodingKey { case kind, name, controller }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.or(.kind, ""); name = try c.or(.name, ""); controller = try c.opt(.controller)
    }
}

/// A status condition (`type`, `status`, `reason`, `message`) as used by most kinds.
public struct Condition: Decodable, Hashable, Sendable {
    /// Condition type, e.g. `Ready`, `PodScheduled`, `Complete`, `Available`.
    public var type: String = ""
    /// `True`, `False` or `Unknown`.
    public var status: String = ""
    /// Machine-readable reason, e.g. `Unschedulable`, `BackoffLimitExceeded`.
    public var reason: String?
    /// Human message.
    public var message: String?
    /// When the condition last changed.
    public var lastTransitionTime: Date?
    /// When the condition was last probed.
    public var lastProbeTime: Date?

    /// Whether `status` is `True`.
    public var isTrue: Bool { status == "True" }

    /// A condition.
    public init(type: String = "", status: String = "", reason: String? = nil, message: String? = nil, lastTransitionTime: Date? = nil) {
        self.type = type; self.status = status; self.reason = reason; self.message = message
        self.lastTransitionTime = lastTransitionTime
    }

    enum CodingKeys: String, CodingKey { case type, status, reason, message, lastTransitionTime, lastProbeTime }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.or(.type, ""); status = try c.or(.status, "")
        reason = try c.opt(.reason); message = try c.opt(.message)
        lastTransitionTime = try c.opt(.lastTransitionTime); lastProbeTime = try c.opt(.lastProbeTime)
    }
}

extension Array where Element == Condition {
    /// The first condition of the given type.
    public func first(ofType type: String) -> Condition? { first { $0.type == type } }
}
