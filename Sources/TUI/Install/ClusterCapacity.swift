import Installer
import Kube

/// The size of the cluster the wizard found (its schedulable, ready nodes), so the tier screen
/// can say whether it suits the tier before anything runs. Filled in at the edge from the nodes.
public struct ClusterCapacity: Sendable, Hashable {
    /// Usable nodes.
    public var nodes: Int
    /// What the pods can have: allocatable, summed over the usable nodes.
    public var allocatable: ResourceAmounts
    /// What the nodes have: capacity, summed (the documented minimum is about capacity).
    public var capacity: ResourceAmounts

    /// Creates the size of a cluster.
    public init(nodes: Int, allocatable: ResourceAmounts, capacity: ResourceAmounts) {
        self.nodes = nodes
        self.allocatable = allocatable
        self.capacity = capacity
    }

    /// How the cluster compares with what a tier needs.
    public enum Fit: Sendable, Hashable {
        /// Under PostHog's documented minimum: pods stay Pending.
        case tooSmall
        /// Over the minimum but under the nodes this tier is sized for.
        case smallerThanTier
        /// At least what the tier is sized for.
        case enough
    }

    /// The verdict for a tier sized for `plan` (nil when the cloud has no node plan), with
    /// PostHog's minimum in vCPU and GiB.
    public func fit(minimumCPU: Int, minimumMemoryGiB: Int, plan: NodePlan?) -> Fit {
        let gib: Int64 = 1 << 30
        if capacity.milliCPU < Int64(minimumCPU) * 1000 || capacity.memory < Int64(minimumMemoryGiB) * gib { return .tooSmall }
        if let plan, capacity.milliCPU < Int64(plan.count * plan.cpu) * 1000 || capacity.memory < Int64(plan.count * plan.memoryGiB) * gib {
            return .smallerThanTier
        }
        return .enough
    }

    /// `1 node, 1.9 vCPU / 1.4 GiB allocatable`.
    public var summary: String {
        "\(nodes) node\(nodes == 1 ? "" : "s"), \(ResourceFormat.cpu(millicores: allocatable.milliCPU)) / "
            + "\(ResourceFormat.bytes(allocatable.memory)) allocatable"
    }

    /// The tier screen's line: the cluster and the verdict, with what is missing.
    public func line(minimumCPU: Int, minimumMemoryGiB: Int, plan: NodePlan?) -> String {
        switch fit(minimumCPU: minimumCPU, minimumMemoryGiB: minimumMemoryGiB, plan: plan) {
        case .tooSmall:
            return "Your cluster: \(summary): too small for PostHog, which needs at least \(minimumCPU) vCPU and "
                + "\(minimumMemoryGiB) GiB in total. The preflight will stop the install; add nodes first."
        case .smallerThanTier:
            let sized = plan.map { "\($0.count) × \($0.cpu) vCPU, \($0.memoryGiB) GiB" } ?? ""
            return "Your cluster: \(summary): smaller than the \(sized) this tier is sized for; "
                + "some pods may stay Pending. Add nodes, or choose a smaller tier."
        case .enough:
            return "Your cluster: \(summary): enough for this tier."
        }
    }
}
