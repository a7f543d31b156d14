/// Monthly cost estimates per cloud and tier, and the smallest cluster that fits (`costs.yaml`).
public struct CostTable: Equatable, Sendable {
    /// The currency of every price (`USD`).
    public let currency: String
    /// The fewest vCPUs in total an install fits in.
    public let minimumCPU: Int
    /// The least memory in total (GiB) an install fits in.
    public let minimumMemoryGiB: Int
    /// The block storage counted per tier, in GiB.
    public let storageGiB: [Tier: Int]
    /// Prices and nodes per cloud.
    public let clouds: [Cloud: CloudCosts]

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["currency", "minimumCluster", "storageGiB", "clouds"])
        currency = try node.child("currency").string()
        let minimum = try node.child("minimumCluster")
        try minimum.rejectUnknownKeys(["cpu", "memoryGiB"])
        minimumCPU = try minimum.child("cpu").int()
        minimumMemoryGiB = try minimum.child("memoryGiB").int()
        let storage = try node.child("storageGiB")
        try storage.rejectUnknownKeys(Tier.allCases.map(\.rawValue))
        var sizes: [Tier: Int] = [:]
        for tier in Tier.allCases { sizes[tier] = try storage.child(tier.rawValue).int() }
        storageGiB = sizes
        let cloudsNode = try node.child("clouds")
        try cloudsNode.rejectUnknownKeys(Cloud.allCases.map(\.rawValue))
        var clouds: [Cloud: CloudCosts] = [:]
        for cloud in Cloud.allCases { clouds[cloud] = try CloudCosts(cloudsNode.child(cloud.rawValue)) }
        self.clouds = clouds
        for cloud in Cloud.allCases {
            for tier in Tier.allCases {
                guard let plan = clouds[cloud]?.nodes[tier] else { continue }
                if plan.count * plan.cpu < minimumCPU || plan.count * plan.memoryGiB < minimumMemoryGiB {
                    throw ProfileError(file: node.file, key: "clouds.\(cloud.rawValue).nodes.\(tier.rawValue)",
                                       message: "smaller than the minimum cluster (\(minimumCPU) vCPU, \(minimumMemoryGiB) GiB)")
                }
            }
        }
    }

    /// The monthly estimate on `cloud` for `tier`; nil when the table has no prices for that cloud.
    public func estimate(cloud: Cloud, tier: Tier) -> CostEstimate? {
        guard let costs = clouds[cloud], let plan = costs.nodes[tier], let storage = storageGiB[tier],
              let nodePrice = plan.monthly, let lbPrice = costs.loadBalancerMonthly,
              let storagePrice = costs.storageGiBMonthly else { return nil }
        return CostEstimate(
            nodes: plan,
            nodesCents: Self.cents(Double(plan.count) * nodePrice),
            loadBalancersCents: Self.cents(Double(costs.loadBalancers) * lbPrice),
            storageCents: Self.cents(Double(storage) * storagePrice),
            clusterCents: Self.cents(costs.clusterMonthly ?? 0),
            storageGiB: storage)
    }

    private static func cents(_ amount: Double) -> Int { Int((amount * 100).rounded()) }
}
