/// A VolumeSnapshot's state as its status says it (`status.readyToUse`, `status.error`).
public enum SnapshotState: Sendable, Hashable {
    /// Taken: the data can be restored from it.
    case ready(restoreSize: String?)
    /// Still being cut (or no controller has looked at it yet).
    case pending
    /// The snapshotter reported an error.
    case failed(String)

    /// The state from the status fields (nil when absent).
    public static func from(readyToUse: Bool?, restoreSize: String?, errorMessage: String?) -> SnapshotState {
        if readyToUse == true { return .ready(restoreSize: restoreSize) }
        if let errorMessage, !errorMessage.isEmpty { return .failed(errorMessage) }
        return .pending
    }
}

/// Waiting for a set of snapshots (pure): done when all are ready, failed at the first error
/// or when the deadline passes with some still pending.
public enum SnapshotWait {
    /// What the wait does next.
    public enum Verdict: Sendable, Hashable {
        /// Every snapshot is ready.
        case allReady
        /// Keep polling.
        case waiting(pending: [String])
        /// A snapshot failed (name, the snapshotter's message).
        case failed(name: String, message: String)
        /// The deadline passed; these were still not ready.
        case timedOut(pending: [String])
    }

    /// The verdict after `elapsed` seconds of `deadline`, given each snapshot's state by name.
    public static func verdict(states: [String: SnapshotState], names: [String], elapsed: Double, deadline: Double) -> Verdict {
        for name in names {
            if case .failed(let message)? = states[name] { return .failed(name: name, message: message) }
        }
        let pending = names.filter { if case .ready? = states[$0] { return false } else { return true } }
        if pending.isEmpty { return .allReady }
        return elapsed >= deadline ? .timedOut(pending: pending) : .waiting(pending: pending)
    }
}
