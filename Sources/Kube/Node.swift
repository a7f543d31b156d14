/// A Node: allocatable and capacity, taints, labels, cordon state, Ready condition.
public struct Node: Decodable, Hashable, Sendable {
    /// Metadata (labels live here).
    public var metadata = ObjectMeta()
    /// `spec.taints`.
    public var taints: [Taint] = []
    /// `spec.unschedulable` (cordoned).
    public var unschedulable: Bool = false
    /// `status.allocatable`.
    public var allocatable: [String: Quantity] = [:]
    /// `status.capacity`.
    public var capacity: [String: Quantity] = [:]
    /// `status.conditions`.
    public var conditions: [Condition] = []

    /// A node.
    public init(name: String = "", allocatable: [String: Quantity] = [:], capacity: [String: Quantity] = [:],
                labels: [String: String] = [:], taints: [Taint] = [], unschedulable: Bool = false) {
        metadata = ObjectMeta(name: name); metadata.labels = labels
        self.allocatable = allocatable; self.capacity = capacity; self.taints = taints; self.unschedulable = unschedulable
        conditions = [Condition(type: "Ready", status: "True")]
    }

    /// Node name.
    public var name: String { metadata.name }
    /// Labels.
    public var labels: [String: String] { metadata.labels }
    /// Allocatable CPU/memory/pods (pods default to 110 when not reported).
    public var allocatableAmounts: ResourceAmounts {
        var a = ResourceAmounts(allocatable)
        if allocatable["pods"] == nil { a.pods = 110 }
        return a
    }
    /// Capacity CPU/memory/pods.
    public var capacityAmounts: ResourceAmounts { ResourceAmounts(capacity) }
    /// Whether the `Ready` condition is True (nodes without conditions count as ready).
    public var isReady: Bool { conditions.first(ofType: "Ready").map { $0.isTrue } ?? true }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case taints, unschedulable }
    enum StatusKeys: String, CodingKey { case allocatable, capacity, conditions }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            taints = try s.or(.taints, []); unschedulable = try s.or(.unschedulable, false)
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            allocatable = try s.or(.allocatable, [:]); capacity = try s.or(.capacity, [:])
            conditions = try s.or(.conditions, [])
        }
    }
}

/// A node taint.
public struct Taint: Decodable, Hashable, Sendable, CustomStringConvertible {
    /// Key.
    public var key: String = ""
    /// Value (often empty).
    public var value: String = ""
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String = ""

    /// A taint.
    public init(key: String, value: String = "", effect: String = "NoSchedule") {
        self.key = key; self.value = value; self.effect = effect
    }

    /// Whether the scheduler refuses pods that do not tolerate it.
    public var blocksScheduling: Bool { effect == "NoSchedule" || effect == "NoExecute" }

    /// `{key: value}` as the scheduler prints it.
    public var description: String { "{\(key): \(value)}" }

    enum CodingKeys: String, CodingKey { case key, value, effect }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.or(.key, ""); value = try c.or(.value, ""); effect = try c.or(.effect, "")
    }
}
