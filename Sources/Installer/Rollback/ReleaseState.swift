/// What state a release is in before an upgrade or diff, from `helm list` and `helm history` (pure).
public enum ReleaseState: Hashable, Sendable {
    /// No such release.
    case absent
    /// The newest revision was deployed: an upgrade can go ahead.
    case deployed
    /// The newest revision failed; helm can upgrade from it. The last revision that was deployed, if any.
    case failed(revision: Int, lastDeployed: Int?)
    /// An install, upgrade or rollback is under way or was stopped half-way (`pending-*`): helm refuses another.
    case pending(revision: Int, status: String)

    /// The state, given helm list's status of the release (nil: not listed; helm list hides
    /// pending releases) and its history (oldest first).
    public static func decide(listedStatus: String?, history: [RollbackRevision]) -> ReleaseState {
        let newest = history.last
        let status = newest?.status ?? listedStatus
        guard let status else { return .absent }
        if status.hasPrefix("pending") { return .pending(revision: newest?.revision ?? 0, status: status) }
        guard listedStatus != nil || newest != nil else { return .absent }
        if status == "failed" {
            let deployed = history.dropLast().last { $0.status == "deployed" || $0.status == "superseded" }
            return .failed(revision: newest?.revision ?? 0, lastDeployed: deployed?.revision)
        }
        if status == "uninstalled" || status == "uninstalling" { return .absent }
        return .deployed
    }
}
