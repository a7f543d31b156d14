#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `status` of a Pod.
public struct PodStatus: Decodable, Hashable, Sendable {
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown` (empty when absent).
    public var phase: String = ""
    /// Pod-level reason (e.g. `Evicted`).
    public var reason: String?
    /// Pod-level message.
    public var message: String?
    /// `status.conditions` (`PodScheduled`, `Initialized`, `ContainersReady`, `Ready`).
    public var conditions: [Condition] = []
    /// Statuses of the regular containers.
    public var containerStatuses: [ContainerStatus] = []
    /// Statuses of the init containers.
    public var initContainerStatuses: [ContainerStatus] = []
    /// When the kubelet acknowledged the pod.
    public var startTime: Date?

    /// An empty status.
    public init(phase: String = "") { self.phase = phase }

    enum CodingKeys: String, CodingKey { case phase, reason, message, conditions, containerStatuses, initContainerStatuses, startTime }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phase = try c.or(.phase, ""); reason = try c.opt(.reason); message = try c.opt(.message)
        conditions = try c.or(.conditions, [])
        containerStatuses = try c.or(.containerStatuses, [])
        initContainerStatuses = try c.or(.initContainerStatuses, [])
        startTime = try c.opt(.startTime)
    }
}

/// The status of one container.
public struct ContainerStatus: Decodable, Hashable, Sendable {
    /// Container name.
    public var name: String = ""
    /// Image as reported.
    public var image: String = ""
    /// Whether the readiness probe passes.
    public var ready: Bool = false
    /// Whether the container has started (startup probe passed).
    public var started: Bool?
    /// Restarts so far.
    public var restartCount: Int = 0
    /// Current state.
    public var state: ContainerState = .unknown
    /// Previous state (the last termination after a restart).
    public var lastState: ContainerState = .unknown

    /// A status.
    public init(name: String = "", image: String = "", ready: Bool = false, restartCount: Int = 0,
                state: ContainerState = .unknown, lastState: ContainerState = .unknown) {
        self.name = name; self.image = image; self.ready = ready; self.restartCount = restartCount
        self.state = state; self.lastState = lastState
    }

    enum CodingKeys: String, CodingKey { case name, image, ready, started, restartCount, state, lastState }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.or(.name, ""); image = try c.or(.image, ""); ready = try c.or(.ready, false)
        started = try c.opt(.started); restartCount = try c.or(.restartCount, 0)
        state = try c.or(.state, .unknown); lastState = try c.or(.lastState, .unknown)
    }
}

/// A container state: waiting, running or terminated (or none reported).
public enum ContainerState: Decodable, Hashable, Sendable {
    /// `waiting` with reason (`ContainerCreating`, `CrashLoopBackOff`, `ImagePullBackOff`, …).
    case waiting(reason: String, message: String)
    /// `running` since a time.
    case running(startedAt: Date?)
    /// `terminated` with reason (`Error`, `OOMKilled`, `Completed`), message and exit code.
    case terminated(reason: String, message: String, exitCode: Int, finishedAt: Date?)
    /// Nothing reported.
    case unknown

    /// The waiting reason, if waiting.
    public var waitingReason: String? {
        if case let .waiting(r, _) = self { return r }
        return nil
    }

    /// The reason of a waiting or terminated state.
    public var reason: String? {
        switch self {
        case let .waiting(r, _), let .terminated(r, _, _, _): return r
        default: return nil
        }
    }

    /// The message of a waiting or terminated state.
    public var message: String? {
        switch self {
        case let .waiting(_, m), let .terminated(_, m, _, _): return m.isEmpty ? nil : m
        default: return nil
        }
    }

    enum CodingKeys: String, CodingKey { case waiting, running, terminated }
    enum DetailKeys: String, CodingKey { case reason, message, exitCode, startedAt, finishedAt }

    /// Decodes `{"waiting": {...}}`, `{"running": {...}}` or `{"terminated": {...}}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.terminated), try !c.decodeNil(forKey: .terminated) {
            let d = try c.nestedContainer(keyedBy: DetailKeys.self, forKey: .terminated)
            self = .terminated(reason: try d.or(.reason, ""), message: try d.or(.message, ""),
                               exitCode: try d.or(.exitCode, 0), finishedAt: try d.opt(.finishedAt))
        } else if c.contains(.waiting), try !c.decodeNil(forKey: .waiting) {
            let d = try c.nestedContainer(keyedBy: DetailKeys.self, forKey: .waiting)
            self = .waiting(reason: try d.or(.reason, ""), message: try d.or(.message, ""))
        } else if c.contains(.running), try !c.decodeNil(forKey: .running) {
            let d = try c.nestedContainer(keyedBy: DetailKeys.self, forKey: .running)
            self = .running(startedAt: try d.opt(.startedAt))
        } else {
            self = .unknown
        }
    }
}
