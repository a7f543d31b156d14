/// A Deployment: desired and observed replica counts.
public struct Deployment: Decodable, Hashable, Sendable {
    /// Metadata (with `generation`).
    public var metadata = ObjectMeta()
    /// `spec.replicas` (Kubernetes defaults it to 1).
    public var replicas: Int = 1
    /// `spec.template.spec`.
    public var podSpec = PodSpec()
    /// `status.observedGeneration`.
    public var observedGeneration: Int64 = 0
    /// `status.replicas`.
    public var statusReplicas: Int = 0
    /// `status.updatedReplicas`.
    public var updatedReplicas: Int = 0
    /// `status.readyReplicas`.
    public var readyReplicas: Int = 0
    /// `status.availableReplicas`.
    public var availableReplicas: Int = 0
    /// `status.conditions` (`Available`, `Progressing`, `ReplicaFailure`).
    public var conditions: [Condition] = []

    /// A deployment.
    public init(name: String = "", replicas: Int = 1) { metadata = ObjectMeta(name: name); self.replicas = replicas }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case replicas, template }
    enum StatusKeys: String, CodingKey { case observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas, conditions }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            replicas = try s.or(.replicas, 1)
            podSpec = try s.or(.template, PodTemplate()).spec
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            observedGeneration = try s.or(.observedGeneration, 0); statusReplicas = try s.or(.replicas, 0)
            updatedReplicas = try s.or(.updatedReplicas, 0); readyReplicas = try s.or(.readyReplicas, 0)
            availableReplicas = try s.or(.availableReplicas, 0); conditions = try s.or(.conditions, [])
        }
    }
}

/// A StatefulSet: replicas, ready replicas and revisions.
public struct StatefulSet: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// `spec.replicas` (default 1).
    public var replicas: Int = 1
    /// `spec.template.spec`.
    public var podSpec = PodSpec()
    /// `spec.updateStrategy.type` (`RollingUpdate` by default, or `OnDelete`).
    public var updateStrategy: String = "RollingUpdate"
    /// `status.observedGeneration`.
    public var observedGeneration: Int64 = 0
    /// `status.replicas`.
    public var statusReplicas: Int = 0
    /// `status.readyReplicas`.
    public var readyReplicas: Int = 0
    /// `status.currentReplicas`.
    public var currentReplicas: Int = 0
    /// `status.updatedReplicas`.
    public var updatedReplicas: Int = 0
    /// `status.currentRevision`.
    public var currentRevision: String = ""
    /// `status.updateRevision`.
    public var updateRevision: String = ""

    /// A statefulset.
    public init(name: String = "", replicas: Int = 1) { metadata = ObjectMeta(name: name); self.replicas = replicas }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case replicas, template, updateStrategy }
    enum StrategyKeys: String, CodingKey { case type }
    enum StatusKeys: String, CodingKey { case observedGeneration, replicas, readyReplicas, currentReplicas, updatedReplicas, currentRevision, updateRevision }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            replicas = try s.or(.replicas, 1)
            podSpec = try s.or(.template, PodTemplate()).spec
            if s.contains(.updateStrategy), try !s.decodeNil(forKey: .updateStrategy) {
                let u = try s.nestedContainer(keyedBy: StrategyKeys.self, forKey: .updateStrategy)
                updateStrategy = try u.or(.type, "RollingUpdate")
            }
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            observedGeneration = try s.or(.observedGeneration, 0); statusReplicas = try s.or(.replicas, 0)
            readyReplicas = try s.or(.readyReplicas, 0); currentReplicas = try s.or(.currentReplicas, 0)
            updatedReplicas = try s.or(.updatedReplicas, 0)
            currentRevision = try s.or(.currentRevision, ""); updateRevision = try s.or(.updateRevision, "")
        }
    }
}

/// A Job: completions, backoff limit, counts and conditions.
public struct Job: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// `spec.completions` (default 1).
    public var completions: Int = 1
    /// `spec.backoffLimit` (default 6).
    public var backoffLimit: Int = 6
    /// `spec.parallelism` (default 1): pods running at once.
    public var parallelism: Int = 1
    /// `spec.template.spec`.
    public var podSpec = PodSpec()
    /// `status.active`.
    public var active: Int = 0
    /// `status.succeeded`.
    public var succeeded: Int = 0
    /// `status.failed`.
    public var failed: Int = 0
    /// `status.conditions` (`Complete`, `Failed`, `SuccessCriteriaMet`, `FailureTarget`).
    public var conditions: [Condition] = []

    /// A job.
    public init(name: String = "") { metadata = ObjectMeta(name: name) }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case completions, backoffLimit, parallelism, template }
    enum StatusKeys: String, CodingKey { case active, succeeded, failed, conditions }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            completions = try s.or(.completions, 1); backoffLimit = try s.or(.backoffLimit, 6)
            parallelism = try s.or(.parallelism, 1)
            podSpec = try s.or(.template, PodTemplate()).spec
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            active = try s.or(.active, 0); succeeded = try s.or(.succeeded, 0); failed = try s.or(.failed, 0)
            conditions = try s.or(.conditions, [])
        }
    }
}

/// `spec.template` of a workload; only its pod spec is kept.
struct PodTemplate: Decodable {
    var spec = PodSpec()
    init() {}
    enum CodingKeys: String, CodingKey { case spec }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spec = try c.or(.spec, PodSpec())
    }
}
