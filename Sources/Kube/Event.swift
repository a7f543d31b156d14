#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A core/v1 Event as `kubectl get events -o json` prints it.
public struct Event: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// Reason, e.g. `FailedScheduling`, `Failed`, `BackOff`, `Pulling`.
    public var reason: String = ""
    /// Message text.
    public var message: String = ""
    /// `Normal` or `Warning`.
    public var type: String = "Normal"
    /// The object the event is about.
    public var involvedObject = ObjectReference()
    /// How many times it happened (1 when absent).
    public var count: Int = 1
    /// First occurrence.
    public var firstTimestamp: Date?
    /// Last occurrence.
    public var lastTimestamp: Date?
    /// `eventTime` (microsecond precision; newer events set only this).
    public var eventTime: Date?
    /// `series.lastObservedTime` for events reported as a series.
    public var seriesLastObserved: Date?

    /// An event.
    public init(reason: String = "", message: String = "", type: String = "Normal", involvedObject: ObjectReference = ObjectReference()) {
        self.reason = reason; self.message = message; self.type = type; self.involvedObject = involvedObject
    }

    /// The most recent time the event is known to have happened.
    public var lastSeen: Date? { seriesLastObserved ?? lastTimestamp ?? eventTime ?? firstTimestamp ?? metadata.creationTimestamp }

    /// The first time the event happened.
    public var firstSeen: Date? { firstTimestamp ?? eventTime ?? metadata.creationTimestamp }

    enum CodingKeys: String, CodingKey { case metadata, reason, message, type, involvedObject, count, firstTimestamp, lastTimestamp, eventTime, series }
    enum SeriesKeys: String, CodingKey { case lastObservedTime, count }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta()); reason = try c.or(.reason, ""); message = try c.or(.message, "")
        type = try c.or(.type, "Normal"); involvedObject = try c.or(.involvedObject, ObjectReference())
        count = try c.or(.count, 1)
        firstTimestamp = try c.opt(.firstTimestamp); lastTimestamp = try c.opt(.lastTimestamp); eventTime = try c.opt(.eventTime)
        if c.contains(.series), try !c.decodeNil(forKey: .series) {
            let s = try c.nestedContainer(keyedBy: SeriesKeys.self, forKey: .series)
            seriesLastObserved = try s.opt(.lastObservedTime)
            if let n: Int = try s.opt(.count) { count = max(count, n) }
        }
    }
}

/// `involvedObject` of an event.
public struct ObjectReference: Decodable, Hashable, Sendable {
    /// Kind, e.g. `Pod`.
    public var kind: String = ""
    /// Name.
    public var name: String = ""
    /// Namespace.
    public var namespace: String = ""
    /// Field path, e.g. `spec.containers{web}`.
    public var fieldPath: String = ""

    /// A reference.
    public init(kind: String = "", name: String = "", namespace: String = "") { self.kind = kind; self.name = name; self.namespace = namespace }

    enum CodingKeys: String, CodingKey { case kind, name, namespace, fieldPath }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.or(.kind, ""); name = try c.or(.name, ""); namespace = try c.or(.namespace, ""); fieldPath = try c.or(.fieldPath, "")
    }
}

/// A Namespace: phase, finalizers and conditions (why it is stuck Terminating).
public struct Namespace: Decodable, Hashable, Sendable {
    /// Metadata (`metadata.finalizers` too).
    public var metadata = ObjectMeta()
    /// `spec.finalizers` (usually `kubernetes`).
    public var specFinalizers: [String] = []
    /// `status.phase`: `Active` or `Terminating`.
    public var phase: String = "Active"
    /// `status.conditions` (e.g. `NamespaceContentRemaining`, `NamespaceFinalizersRemaining`).
    public var conditions: [Condition] = []

    /// A namespace.
    public init(name: String = "", phase: String = "Active") { metadata = ObjectMeta(name: name); self.phase = phase }

    /// Conditions that are True and explain what blocks deletion, as messages.
    public var blockingMessages: [String] {
        conditions.filter { $0.isTrue && ($0.type.hasSuffix("Remaining") || $0.type.hasSuffix("Failure")) }
            .map { $0.message ?? $0.type }
    }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case finalizers }
    enum StatusKeys: String, CodingKey { case phase, conditions }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            specFinalizers = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec).or(.finalizers, [])
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            phase = try s.or(.phase, "Active"); conditions = try s.or(.conditions, [])
        }
    }
}
