/// The minimum-cluster check: 4 vCPU and 4 GiB in total (the chart's documented minimum).
public struct ClusterSizeCheck: Hashable, Sendable {
    /// Outcome.
    public enum Verdict: String, Hashable, Sendable {
        /// Allocatable meets the minimum.
        case pass
        /// Capacity meets it but the system reserve leaves less allocatable.
        case warn
        /// Capacity is below the minimum.
        case fail
    }

    /// The verdict.
    public var verdict: Verdict
    /// Sum of allocatable over schedulable, ready nodes.
    public var allocatable: ResourceAmounts
    /// Sum of capacity over the same nodes (allocatable where capacity is not reported).
    public var capacity: ResourceAmounts
    /// A sentence for people.
    public var message: String
    /// What to do (empty on pass).
    public var fix: String

    /// Minimum CPU in millicores.
    public static let minimumMilliCPU: Int64 = 4000
    /// Minimum memory in bytes.
    public static let minimumMemory: Int64 = 4 * 1_073_741_824

    /// Checks the cluster's nodes; cordoned and not-ready nodes do not count.
    ///
    /// Capacity decides pass/fail because providers' "4 vCPU" clusters (e.g. 2 × 2 vCPU) never
    /// reach 4000m allocatable; a shortfall only in allocatable is a warning.
    public static func check(nodes: [Node]) -> ClusterSizeCheck {
        let usable = nodes.filter { !$0.unschedulable && $0.isReady }
        let alloc = usable.reduce(ResourceAmounts.zero) { $0 + $1.allocatableAmounts }
        let cap = usable.reduce(ResourceAmounts.zero) { acc, n in
            let c = n.capacityAmounts
            return acc + ResourceAmounts(milliCPU: c.milliCPU > 0 ? c.milliCPU : n.allocatableAmounts.milliCPU,
                                         memory: c.memory > 0 ? c.memory : n.allocatableAmounts.memory)
        }
        let count = "\(usable.count) usable node\(usable.count == 1 ? "" : "s")"
        let summary = "\(count): \(ResourceFormat.cpu(millicores: alloc.milliCPU)) and \(ResourceFormat.bytes(alloc.memory)) allocatable"
        if cap.milliCPU < minimumMilliCPU || cap.memory < minimumMemory {
            var missing: [String] = []
            if cap.milliCPU < minimumMilliCPU { missing.append("\(ResourceFormat.cpu(millicores: minimumMilliCPU - cap.milliCPU))") }
            if cap.memory < minimumMemory { missing.append("\(ResourceFormat.bytes(minimumMemory - cap.memory)) memory") }
            return ClusterSizeCheck(verdict: .fail, allocatable: alloc, capacity: cap,
                                    message: "\(summary); PostHog needs at least 4 vCPU and 4 GiB in total (missing \(missing.joined(separator: " and ")))",
                                    fix: "Add nodes or use larger nodes so the cluster has at least 4 vCPU and 4 GiB; otherwise pods stay Pending.")
        }
        if alloc.milliCPU < minimumMilliCPU || alloc.memory < minimumMemory {
            return ClusterSizeCheck(verdict: .warn, allocatable: alloc, capacity: cap,
                                    message: "\(summary) (capacity \(ResourceFormat.cpu(millicores: cap.milliCPU)), \(ResourceFormat.bytes(cap.memory))); the minimum is met only before the system reserve",
                                    fix: "It may work for a small tier; the placement check below tells whether every pod fits.")
        }
        return ClusterSizeCheck(verdict: .pass, allocatable: alloc, capacity: cap, message: summary, fix: "")
    }
}
