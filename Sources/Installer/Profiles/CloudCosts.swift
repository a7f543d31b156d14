/// Prices and node plans of one cloud in a cost table.
public struct CloudCosts: Equatable, Sendable {
    /// Managed control plane per month; nil when unknown.
    public let clusterMonthly: Double?
    /// How many load balancers an install creates.
    public let loadBalancers: Int
    /// Price of one load balancer per month; nil when unknown.
    public let loadBalancerMonthly: Double?
    /// Price of one GiB of block storage per month; nil when unknown.
    public let storageGiBMonthly: Double?
    /// The nodes assumed per tier.
    public let nodes: [Tier: NodePlan]

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["clusterMonthly", "loadBalancers", "loadBalancerMonthly", "storageGiBMonthly", "nodes"])
        clusterMonthly = try node.optionalChild("clusterMonthly")?.number()
        loadBalancers = try node.child("loadBalancers").int()
        loadBalancerMonthly = try node.optionalChild("loadBalancerMonthly")?.number()
        storageGiBMonthly = try node.optionalChild("storageGiBMonthly")?.number()
        let plans = try node.child("nodes")
        var nodes: [Tier: NodePlan] = [:]
        for tier in Tier.allCases { nodes[tier] = try NodePlan(plans.child(tier.rawValue)) }
        try plans.rejectUnknownKeys(Tier.allCases.map(\.rawValue))
        self.nodes = nodes
    }
}
