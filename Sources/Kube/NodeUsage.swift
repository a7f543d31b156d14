/// What each node has free: allocatable minus the requests of the pods bound to it.
public struct NodeUsage: Hashable, Sendable {
    /// The node.
    public var node: Node
    /// Sum of the effective requests of non-terminated pods on the node (pods count included).
    public var requested: ResourceAmounts

    /// Free CPU, memory and pod slots.
    public var free: ResourceAmounts { node.allocatableAmounts - requested }

    /// Usage of every node given all known pods; `excluding` skips one pod (the one being diagnosed).
    public static func compute(nodes: [Node], pods: [Pod], excluding: String? = nil) -> [NodeUsage] {
        var used: [String: ResourceAmounts] = [:]
        for p in pods where !p.isTerminated && p.name != excluding {
            guard let n = p.spec.nodeName, !n.isEmpty else { continue }
            used[n, default: .zero] = used[n, default: .zero] + p.spec.effectiveRequests
        }
        return nodes.map { NodeUsage(node: $0, requested: used[$0.name] ?? .zero) }
    }

    /// Whether the node would accept a pod with these tolerations and selector (ignoring resources).
    public static func admits(_ node: Node, tolerations: [Toleration], nodeSelector: [String: String],
                              affinity: [NodeSelectorTerm]) -> Bool {
        if node.unschedulable { return false }
        for t in node.taints where t.blocksScheduling {
            if !tolerations.contains(where: { $0.tolerates(t) }) { return false }
        }
        for (k, v) in nodeSelector where node.labels[k] != v { return false }
        if !affinity.isEmpty && !affinity.contains(where: { $0.matches(node.labels) }) { return false }
        return true
    }
}
