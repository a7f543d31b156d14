#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Pod: its spec and status.
public struct Pod: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// Spec.
    public var spec = PodSpec()
    /// Status.
    public var status = PodStatus()

    /// A pod.
    public init(metadata: ObjectMeta = ObjectMeta(), spec: PodSpec = PodSpec(), status: PodStatus = PodStatus()) {
        self.metadata = metadata; self.spec = spec; self.status = status
    }

    /// Pod name.
    public var name: String { metadata.name }

    /// Whether the pod has finished (Succeeded or Failed) and so holds no resources.
    public var isTerminated: Bool { status.phase == "Succeeded" || status.phase == "Failed" }

    /// The `PodScheduled` condition when it says the pod cannot be scheduled.
    public var unschedulableCondition: Condition? {
        guard let c = status.conditions.first(ofType: "PodScheduled"), c.status == "False",
              c.reason == "Unschedulable" else { return nil }
        return c
    }

    /// Whether the `Ready` condition is True.
    public var isReady: Bool { status.conditions.first(ofType: "Ready")?.isTrue ?? false }

    /// The owning controller's kind and name (e.g. `ReplicaSet`, `posthog-web-5d9f…`).
    public var owner: OwnerReference? {
        metadata.ownerReferences.first { $0.controller == true } ?? metadata.ownerReferences.first
    }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta()); spec = try c.or(.spec, PodSpec()); status = try c.or(.status, PodStatus())
    }
}
