/// Which cluster the wizard will install into, as the welcome and review screens show it.
/// Filled in at the edge (kubectl's context and whether the server answers, or the built-in
/// simulated cluster) and handed to the wizard as an event.
public struct ClusterInfo: Sendable, Hashable {
    /// Whether this is the built-in simulated cluster.
    public var simulated: Bool
    /// The kubectl context installs are pinned to (the simulated cluster has its own name).
    public var context: String?
    /// What was found: `Kubernetes v1.32.2 answers`, `2 nodes × 2 vCPU, 4 GiB memory`.
    public var detail: String
    /// Why the simulated cluster is used, or nil for a real one.
    public var reason: String?
    /// Set when the real cluster does not answer (kubectl's own words).
    public var problem: String?
    /// The PostHog release installed there, when there is one.
    public var release: InstalledPostHog?
    /// The size of its usable nodes, once read (the tier screen compares it with the tier).
    public var capacity: ClusterCapacity?

    /// Creates the description of a cluster.
    public init(
        simulated: Bool, context: String?, detail: String, reason: String? = nil, problem: String? = nil,
        release: InstalledPostHog? = nil
    ) {
        self.release = release
        self.simulated = simulated
        self.context = context
        self.detail = detail
        self.reason = reason
        self.problem = problem
    }
}
