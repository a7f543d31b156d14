/// The nodes a cost estimate assumes for one cloud and tier.
public struct NodePlan: Equatable, Sendable {
    /// How many nodes.
    public let count: Int
    /// The provider's node type, when the cloud has one we price.
    public let type: String?
    /// vCPUs per node.
    public let cpu: Int
    /// Memory per node in GiB.
    public let memoryGiB: Int
    /// Monthly price per node in the table's currency; nil when unknown.
    public let monthly: Double?

    /// Creates a plan.
    public init(count: Int, type: String? = nil, cpu: Int, memoryGiB: Int, monthly: Double? = nil) {
        self.count = count
        self.type = type
        self.cpu = cpu
        self.memoryGiB = memoryGiB
        self.monthly = monthly
    }

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["count", "type", "cpu", "memoryGiB", "monthly"])
        count = try node.child("count").int()
        type = try node.optionalChild("type")?.string()
        cpu = try node.child("cpu").int()
        memoryGiB = try node.child("memoryGiB").int()
        monthly = try node.optionalChild("monthly")?.number()
        guard count > 0, cpu > 0, memoryGiB > 0 else { throw node.error("count, cpu and memoryGiB must be positive") }
    }
}
