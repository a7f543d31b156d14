/// A pod to be placed: its effective requests and placement constraints.
public struct PodPlacementRequest: Hashable, Sendable {
    /// Pod name (e.g. `posthog-web-0` or `posthog-web (1/2)`).
    public var name: String
    /// Effective requests (max(init) vs sum(containers), plus overhead; pods = 1).
    public var requests: ResourceAmounts
    /// Tolerations.
    public var tolerations: [Toleration]
    /// nodeSelector.
    public var nodeSelector: [String: String]
    /// Required node affinity terms (any term may match).
    public var affinity: [NodeSelectorTerm]

    /// A request from explicit amounts.
    public init(name: String, requests: ResourceAmounts, tolerations: [Toleration] = [], nodeSelector: [String: String] = [:],
                affinity: [NodeSelectorTerm] = []) {
        self.name = name; var r = requests; r.pods = max(r.pods, 1); self.requests = r
        self.tolerations = tolerations; self.nodeSelector = nodeSelector; self.affinity = affinity
    }

    /// A request from a pod spec, computing effective requests as the scheduler does.
    public init(name: String, spec: PodSpec) {
        self.init(name: name, requests: spec.effectiveRequests, tolerations: spec.tolerations,
                  nodeSelector: spec.nodeSelector, affinity: spec.requiredNodeAffinity)
    }
}

/// Where a pod landed in the simulation.
public struct Placement: Hashable, Sendable {
    /// Pod name.
    public var pod: String
    /// Node name.
    public var node: String
}

/// A pod that would stay Pending, with the scheduler-style reasons.
public struct PendingPlacement: Hashable, Sendable {
    /// Pod name.
    public var pod: String
    /// Its requests.
    public var requests: ResourceAmounts
    /// Per-reason node counts, as the scheduler would report them.
    public var failure: SchedulingFailure
    /// A sentence for people with the quantified shortfall.
    public var explanation: String
    /// What to do.
    public var fix: String
}

/// The outcome of a placement simulation.
public struct FitResult: Hashable, Sendable {
    /// Pods that fit, in placement order.
    public var placements: [Placement]
    /// Pods that would stay Pending, in placement order.
    public var pending: [PendingPlacement]
    /// Node usage after placing everything that fit.
    public var nodes: [NodeUsage]

    /// Whether every pod found a node.
    public var allFit: Bool { pending.isEmpty }
}

/// Simulates the scheduler placing new pods onto existing nodes (pure).
public enum SchedulingFit {
    /// Places `newPods` largest first (memory, then CPU) on the least-allocated feasible node,
    /// honouring taints/tolerations, nodeSelector, required node affinity, cordons, readiness and pod limits.
    public static func simulate(nodes: [Node], existingPods: [Pod], newPods: [PodPlacementRequest]) -> FitResult {
        var usage = NodeUsage.compute(nodes: nodes, pods: existingPods).sorted { $0.node.name < $1.node.name }
        let order = newPods.enumerated().sorted { a, b in
            let x = a.element.requests, y = b.element.requests
            if x.memory != y.memory { return x.memory > y.memory }
            if x.milliCPU != y.milliCPU { return x.milliCPU > y.milliCPU }
            return a.offset < b.offset
        }.map(\.element)
        var placements: [Placement] = []
        var pending: [PendingPlacement] = []
        for pod in order {
            var reasons: [String: Int] = [:]
            var best: (index: Int, score: Double)?
            for (i, u) in usage.enumerated() {
                let rs = rejections(pod, u)
                if rs.isEmpty {
                    let s = score(pod, u)
                    if let b = best, b.score >= s { continue }
                    best = (i, s)
                } else {
                    for r in rs { reasons[r, default: 0] += 1 }
                }
            }
            if let b = best {
                usage[b.index].requested = usage[b.index].requested + pod.requests
                placements.append(Placement(pod: pod.name, node: usage[b.index].node.name))
            } else {
                pending.append(pendingEntry(pod, reasons: reasons, usage: usage))
            }
        }
        return FitResult(placements: placements, pending: pending, nodes: usage)
    }

    /// The scheduler's reasons for rejecting one node (empty when it fits).
    static func rejections(_ pod: PodPlacementRequest, _ u: NodeUsage) -> [String] {
        let n = u.node
        if n.unschedulable { return ["node(s) were unschedulable"] }
        if !n.isReady && !pod.tolerations.contains(where: { $0.tolerates(Taint(key: "node.kubernetes.io/not-ready")) }) {
            return ["node(s) had untolerated taint {node.kubernetes.io/not-ready: }"]
        }
        for t in n.taints where t.blocksScheduling && !pod.tolerations.contains(where: { $0.tolerates(t) }) {
            return ["node(s) had untolerated taint \(t)"]
        }
        if !NodeUsage.admits(n, tolerations: pod.tolerations, nodeSelector: pod.nodeSelector, affinity: pod.affinity) {
            return ["node(s) didn't match Pod's node affinity/selector"]
        }
        let free = u.free
        var out: [String] = []
        if free.pods < pod.requests.pods { out.append("Too many pods") }
        if pod.requests.milliCPU > 0 && free.milliCPU < pod.requests.milliCPU { out.append("Insufficient cpu") }
        if pod.requests.memory > 0 && free.memory < pod.requests.memory { out.append("Insufficient memory") }
        if pod.requests.ephemeralStorage > 0 && n.allocatable["ephemeral-storage"] != nil && free.ephemeralStorage < pod.requests.ephemeralStorage {
            out.append("Insufficient ephemeral-storage")
        }
        return out
    }

    /// LeastAllocated-style score: the mean fraction of CPU and memory left free after placing.
    static func score(_ pod: PodPlacementRequest, _ u: NodeUsage) -> Double {
        let a = u.node.allocatableAmounts
        let f = u.free - pod.requests
        let cpu = a.milliCPU > 0 ? Double(f.milliCPU) / Double(a.milliCPU) : 0
        let mem = a.memory > 0 ? Double(f.memory) / Double(a.memory) : 0
        return (cpu + mem) / 2
    }

    static func pendingEntry(_ pod: PodPlacementRequest, reasons: [String: Int], usage: [NodeUsage]) -> PendingPlacement {
        let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
        let message = usage.isEmpty
            ? "no nodes available to schedule pods"
            : "0/\(usage.count) nodes are available: \(parts.joined(separator: ", "))."
        let failure = SchedulingFailure.parse(message)
            ?? SchedulingFailure(availableNodes: 0, totalNodes: usage.count, reasons: [], preemption: [], raw: message)
        let eligible = usage.filter {
            NodeUsage.admits($0.node, tolerations: pod.tolerations, nodeSelector: pod.nodeSelector, affinity: pod.affinity) && $0.node.isReady
        }
        var sentences: [String] = []
        var fixes: [String] = []
        let r = pod.requests
        if reasons.keys.contains("Insufficient memory") {
            let largest = eligible.map { max(0, $0.free.memory) }.max() ?? 0
            sentences.append("needs \(ResourceFormat.bytes(r.memory - largest)) more memory on one node; the largest free is \(ResourceFormat.bytes(largest)) (it requests \(ResourceFormat.bytes(r.memory)))")
            fixes.append("at least \(NodeSizing.memoryGiB(forRequest: r.memory)) GiB memory")
        }
        if reasons.keys.contains("Insufficient cpu") {
            let largest = eligible.map { max(0, $0.free.milliCPU) }.max() ?? 0
            sentences.append("needs \(ResourceFormat.cpu(millicores: r.milliCPU - largest)) more on one node; the largest free is \(ResourceFormat.cpu(millicores: largest)) (it requests \(ResourceFormat.cpu(millicores: r.milliCPU)))")
            fixes.append("at least \(NodeSizing.vCPUs(forRequest: r.milliCPU)) vCPU")
        }
        if sentences.isEmpty { sentences.append(message) }
        let fix: String
        if !fixes.isEmpty {
            fix = "Add a node with \(fixes.joined(separator: " and ")), or choose a smaller tier."
        } else if eligible.isEmpty && !usage.isEmpty {
            fix = "No node accepts this pod (taints, selectors or cordons); add a suitable worker node."
        } else {
            fix = "Add a node to the cluster."
        }
        return PendingPlacement(pod: pod.name, requests: r, failure: failure,
                                explanation: sentences.joined(separator: "; "), fix: fix)
    }
}
