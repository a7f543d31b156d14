/// `spec` of a Pod (or of a workload's pod template).
public struct PodSpec: Decodable, Hashable, Sendable {
    /// `spec.containers`.
    public var containers: [Container] = []
    /// `spec.initContainers`.
    public var initContainers: [Container] = []
    /// `spec.nodeName`: the node the pod is bound to.
    public var nodeName: String?
    /// `spec.nodeSelector`.
    public var nodeSelector: [String: String] = [:]
    /// `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`.
    public var requiredNodeAffinity: [NodeSelectorTerm] = []
    /// `spec.tolerations`.
    public var tolerations: [Toleration] = []
    /// `spec.overhead` (RuntimeClass overhead), added to the pod's requests.
    public var overhead: [String: Quantity] = [:]

    /// An empty spec.
    public init(containers: [Container] = [], initContainers: [Container] = []) {
        self.containers = containers; self.initContainers = initContainers
    }

    /// The pod's effective requests as the scheduler computes them:
    /// max(max over init containers, sum over containers) + overhead, per resource.
    public var effectiveRequests: ResourceAmounts {
        let sum = containers.reduce(ResourceAmounts.zero) { $0 + $1.requests }
        let initMax = initContainers.reduce(ResourceAmounts.zero) { ResourceAmounts.max($0, $1.requests) }
        var r = ResourceAmounts.max(sum, initMax) + ResourceAmounts(overhead)
        r.pods = 1
        return r
    }

    enum CodingKeys: String, CodingKey { case containers, initContainers, nodeName, nodeSelector, affinity, tolerations, overhead }
    enum AffinityKeys: String, CodingKey { case nodeAffinity }
    enum NodeAffinityKeys: String, CodingKey { case requiredDuringSchedulingIgnoredDuringExecution }
    enum SelectorKeys: String, CodingKey { case nodeSelectorTerms }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        containers = try c.or(.containers, [])
        initContainers = try c.or(.initContainers, [])
        nodeName = try c.opt(.nodeName)
        nodeSelector = try c.or(.nodeSelector, [:])
        tolerations = try c.or(.tolerations, [])
        overhead = try c.or(.overhead, [:])
        if c.contains(.affinity), try !c.decodeNil(forKey: .affinity) {
            let a = try c.nestedContainer(keyedBy: AffinityKeys.self, forKey: .affinity)
            if a.contains(.nodeAffinity), try !a.decodeNil(forKey: .nodeAffinity) {
                let n = try a.nestedContainer(keyedBy: NodeAffinityKeys.self, forKey: .nodeAffinity)
                if n.contains(.requiredDuringSchedulingIgnoredDuringExecution),
                   try !n.decodeNil(forKey: .requiredDuringSchedulingIgnoredDuringExecution) {
                    let r = try n.nestedContainer(keyedBy: SelectorKeys.self, forKey: .requiredDuringSchedulingIgnoredDuringExecution)
                    requiredNodeAffinity = try r.or(.nodeSelectorTerms, [])
                }
            }
        }
    }
}

/// A container of a pod spec with its resources.
public struct Container: Decodable, Hashable, Sendable {
    /// Container name.
    public var name: String = ""
    /// Image reference.
    public var image: String = ""
    /// `resources.requests`.
    public var resourceRequests: [String: Quantity] = [:]
    /// `resources.limits`.
    public var resourceLimits: [String: Quantity] = [:]

    /// A container.
    public init(name: String = "", image: String = "", requests: [String: Quantity] = [:], limits: [String: Quantity] = [:]) {
        self.name = name; self.image = image; resourceRequests = requests; resourceLimits = limits
    }

    /// Requests as the scheduler sees them: a resource with only a limit requests the limit.
    public var requests: ResourceAmounts {
        var merged = resourceLimits
        for (k, v) in resourceRequests { merged[k] = v }
        return ResourceAmounts(merged)
    }

    enum CodingKeys: String, CodingKey { case name, image, resources }
    enum ResourceKeys: String, CodingKey { case requests, limits }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.or(.name, "")
        image = try c.or(.image, "")
        if c.contains(.resources), try !c.decodeNil(forKey: .resources) {
            let r = try c.nestedContainer(keyedBy: ResourceKeys.self, forKey: .resources)
            resourceRequests = try r.or(.requests, [:])
            resourceLimits = try r.or(.limits, [:])
        }
    }
}

/// A pod toleration.
public struct Toleration: Decodable, Hashable, Sendable {
    /// Taint key to tolerate; empty with `Exists` tolerates everything.
    public var key: String = ""
    /// `Equal` (default) or `Exists`.
    public var `operator`: String = "Equal"
    /// Value to match with `Equal`.
    public var value: String = ""
    /// Effect to match; empty matches all effects.
    public var effect: String = ""

    /// A toleration.
    public init(key: String = "", operator op: String = "Equal", value: String = "", effect: String = "") {
        self.key = key; self.operator = op; self.value = value; self.effect = effect
    }

    /// Whether this toleration tolerates the taint (Kubernetes' ToleratesTaint rules).
    public func tolerates(_ taint: Taint) -> Bool {
        if !effect.isEmpty && effect != taint.effect { return false }
        if !key.isEmpty && key != taint.key { return false }
        switch `operator` {
        case "Exists": return true
        case "Equal", "": return value == taint.value
        default: return false
        }
    }

    enum CodingKeys: String, CodingKey { case key, `operator`, value, effect }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.or(.key, ""); `operator` = try c.or(.operator, "Equal")
        value = try c.or(.value, ""); effect = try c.or(.effect, "")
    }
}

/// One term of required node affinity: all its expressions must match.
public struct NodeSelectorTerm: Decodable, Hashable, Sendable {
    /// `matchExpressions` against node labels.
    public var matchExpressions: [NodeSelectorRequirement] = []

    /// A term.
    public init(matchExpressions: [NodeSelectorRequirement] = []) { self.matchExpressions = matchExpressions }

    /// Whether a node with these labels satisfies every expression.
    public func matches(_ labels: [String: String]) -> Bool {
        matchExpressions.allSatisfy { $0.matches(labels) }
    }

    enum CodingKeys: String, CodingKey { case matchExpressions }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        matchExpressions = try c.or(.matchExpressions, [])
    }
}

/// A node label requirement (`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`).
public struct NodeSelectorRequirement: Decodable, Hashable, Sendable {
    /// Label key.
    public var key: String = ""
    /// Operator.
    public var `operator`: String = "In"
    /// Values.
    public var values: [String] = []

    /// A requirement.
    public init(key: String, operator op: String, values: [String] = []) {
        self.key = key; self.operator = op; self.values = values
    }

    /// Whether the labels satisfy the requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        let v = labels[key]
        switch `operator` {
        case "In": return v.map { values.contains($0) } ?? false
        case "NotIn": return v.map { !values.contains($0) } ?? true
        case "Exists": return v != nil
        case "DoesNotExist": return v == nil
        case "Gt", "Lt":
            guard let s = v, let n = Int64(s), let first = values.first, let bound = Int64(first) else { return false }
            return `operator` == "Gt" ? n > bound : n < bound
        default: return false
        }
    }

    enum CodingKeys: String, CodingKey { case key, `operator`, values }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.or(.key, ""); `operator` = try c.or(.operator, "In"); values = try c.or(.values, [])
    }
}
