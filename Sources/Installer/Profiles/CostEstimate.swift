/// A monthly cost estimate, split into its parts, in cents of the table's currency.
public struct CostEstimate: Equatable, Sendable {
    /// The nodes assumed.
    public let nodes: NodePlan
    /// Nodes × node price.
    public let nodesCents: Int
    /// Load balancers × price.
    public let loadBalancersCents: Int
    /// Block storage GiB × price.
    public let storageCents: Int
    /// The managed control plane.
    public let clusterCents: Int
    /// How many GiB of storage were counted.
    public let storageGiB: Int

    /// The whole monthly estimate.
    public var totalCents: Int { nodesCents + loadBalancersCents + storageCents + clusterCents }
}
