#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The health of one object, kstatus-like: Current, InProgress or Failed, with a message for people.
public struct ObjectStatus: Hashable, Sendable, CustomStringConvertible {
    /// The three states.
    public enum State: String, Hashable, Sendable, Comparable {
        /// Reached its desired state.
        case current
        /// Still getting there.
        case inProgress
        /// Will not get there without help.
        case failed

        /// Orders current < inProgress < failed (worse is greater).
        public static func < (a: State, b: State) -> Bool { a.rank < b.rank }
        var rank: Int { self == .current ? 0 : self == .inProgress ? 1 : 2 }
    }

    /// The state.
    public var state: State
    /// A short human message, e.g. `2 of 3 available`.
    public var message: String
    /// Why it failed fast, when it did.
    public var failure: FailFast?

    /// A status.
    public init(_ state: State, _ message: String, failure: FailFast? = nil) {
        self.state = state; self.message = message; self.failure = failure
    }

    /// `Current: 2 of 2 available`.
    public var description: String {
        let s = state == .current ? "Current" : state == .inProgress ? "InProgress" : "Failed"
        return "\(s): \(message)"
    }
}

/// A condition that should stop the wait at once instead of waiting out helm's timeout.
public struct FailFast: Hashable, Sendable {
    /// What kind of failure.
    public enum Kind: String, Hashable, Sendable {
        /// A container keeps crashing (`CrashLoopBackOff`).
        case crashLoopBackOff
        /// An image cannot be pulled (`ImagePullBackOff`, `ErrImagePull`).
        case imagePull
        /// The image reference is malformed (`InvalidImageName`).
        case invalidImageName
        /// A referenced Secret/ConfigMap key is missing (`CreateContainerConfigError`).
        case createContainerConfig
        /// A Job gave up (`BackoffLimitExceeded`).
        case jobBackoffLimitExceeded
        /// A pod has been unschedulable for longer than the grace period.
        case unschedulable
        /// A PVC has been Pending for longer than the grace period.
        case pvcPending
    }

    /// The kind.
    public var kind: Kind
    /// Object kind, e.g. `Pod`.
    public var objectKind: String
    /// Object name.
    public var objectName: String
    /// The container concerned, if any.
    public var container: String?
    /// The message Kubernetes gave.
    public var message: String

    /// A fail-fast condition.
    public init(kind: Kind, objectKind: String, objectName: String, container: String? = nil, message: String) {
        self.kind = kind; self.objectKind = objectKind; self.objectName = objectName
        self.container = container; self.message = message
    }
}

/// Time limits for the fail-fast rules.
public struct StatusPolicy: Hashable, Sendable {
    /// How long a pod may stay unschedulable before it counts as failed (60 s).
    public var unschedulableGrace: TimeInterval
    /// How long a PVC may stay Pending before it counts as failed (120 s).
    public var pvcPendingGrace: TimeInterval

    /// A policy; defaults are 60 s and 120 s.
    public init(unschedulableGrace: TimeInterval = 60, pvcPendingGrace: TimeInterval = 120) {
        self.unschedulableGrace = unschedulableGrace; self.pvcPendingGrace = pvcPendingGrace
    }

    /// 60 s for pods, 120 s for PVCs.
    public static let standard = StatusPolicy()
}

/// Waiting reasons that mean the container will not start without a change.
enum WaitingReasons {
    static func failFastKind(_ reason: String) -> FailFast.Kind? {
        switch reason {
        case "CrashLoopBackOff": return .crashLoopBackOff
        case "ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull", "RegistryUnavailable": return .imagePull
        case "InvalidImageName": return .invalidImageName
        case "CreateContainerConfigError": return .createContainerConfig
        default: return nil
        }
    }
}
