/// Why the scheduler rejected nodes, one cause per reason of a FailedScheduling message.
public enum SchedulingCause: Hashable, Sendable {
    /// `Insufficient cpu`, `Insufficient memory`, `Insufficient nvidia.com/gpu`, …
    case insufficient(resource: String)
    /// `Too many pods`: the node's pod limit is reached.
    case tooManyPods
    /// `node(s) had untolerated taint {k: v}` (new) or `had taint {k: v}, that the pod didn't tolerate` (old); key/value nil when not printed.
    case untoleratedTaint(key: String?, value: String?)
    /// `node(s) didn't match Pod's node affinity/selector` (and older `didn't match node selector`).
    case nodeAffinityMismatch
    /// `node(s) were unschedulable`: cordoned nodes.
    case nodesUnschedulable
    /// `pod has unbound immediate PersistentVolumeClaims`.
    case unboundImmediatePVC
    /// `node(s) didn't find available persistent volumes to bind`.
    case noPersistentVolumes
    /// `node(s) had volume node affinity conflict`: the volume lives in another zone.
    case volumeNodeAffinityConflict
    /// `node(s) did not have enough free storage`.
    case notEnoughStorage
    /// `persistentvolumeclaim "x" not found`.
    case pvcNotFound(name: String)
    /// Pod (anti-)affinity rules not met.
    case podAffinity
    /// `node(s) didn't have free ports for the requested pod ports`.
    case hostPorts
    /// `node(s) didn't match pod topology spread constraints`.
    case topologySpread
    /// `node(s) exceed max volume count`.
    case maxVolumeCount
    /// `no nodes available to schedule pods`: the cluster has no nodes.
    case noNodes
    /// A wording this table does not know; the text is kept.
    case other(String)
}

/// One reason of a FailedScheduling message: how many nodes and why.
public struct SchedulingReason: Hashable, Sendable {
    /// Number of nodes (nil when the reason carries no count, as pod-level reasons do).
    public var count: Int?
    /// The cause.
    public var cause: SchedulingCause
    /// The reason text as printed, without the count.
    public var text: String

    /// A reason.
    public init(count: Int?, cause: SchedulingCause, text: String) { self.count = count; self.cause = cause; self.text = text }
}

/// A parsed FailedScheduling / Unschedulable message.
public struct SchedulingFailure: Hashable, Sendable {
    /// Nodes that were available (the `0` of `0/3`).
    public var availableNodes: Int?
    /// Nodes in the cluster (the `3` of `0/3`).
    public var totalNodes: Int?
    /// Why nodes were rejected.
    public var reasons: [SchedulingReason]
    /// The `preemption:` part's reasons (e.g. `No preemption victims found for incoming pod`).
    public var preemption: [SchedulingReason]
    /// The whole message.
    public var raw: String

    /// Parses a scheduler message; returns nil when it is not one.
    public static func parse(_ message: String) -> SchedulingFailure? {
        let text = message.trimmingSpaces
        if text.hasPrefix("no nodes available to schedule pods") {
            return SchedulingFailure(availableNodes: 0, totalNodes: 0,
                                     reasons: [SchedulingReason(count: nil, cause: .noNodes, text: "no nodes available to schedule pods")],
                                     preemption: [], raw: text)
        }
        guard let (avail, total, rest) = splitHeader(text) else { return nil }
        var body = rest
        var pre: [SchedulingReason] = []
        if let r = body.firstRange(of: " preemption: ") ?? body.firstRange(of: "preemption: ") {
            let preText = String(body[r.upperBound...])
            body = String(body[..<r.lowerBound])
            if let (_, _, preRest) = splitHeader(preText) { pre = reasons(preRest) }
            else { pre = reasons(preText) }
        }
        return SchedulingFailure(availableNodes: avail, totalNodes: total, reasons: reasons(body), preemption: pre, raw: text)
    }

    /// Splits `0/3 nodes are available: rest` into (0, 3, rest).
    static func splitHeader(_ text: String) -> (Int, Int, String)? {
        guard let slash = text.firstIndex(of: "/"), let a = Int(text[..<slash]) else { return nil }
        let after = text[text.index(after: slash)...]
        guard let sp = after.firstIndex(of: " "), let t = Int(after[..<sp]) else { return nil }
        let tail = after[sp...]
        for marker in [" nodes are available: ", " nodes are available:", " nodes available: "] where tail.hasPrefix(marker) {
            return (a, t, String(tail.dropFirst(marker.count)))
        }
        return nil
    }

    /// Splits the reason list on `, ` and classifies each entry.
    static func reasons(_ body: String) -> [SchedulingReason] {
        var s = body.trimmingSpaces
        while s.hasSuffix(".") { s.removeLast() }
        if s.isEmpty { return [] }
        var parts: [String] = []
        for piece in s.components(separatedBy: ", ") {
            // The old taint wording has its own comma: "had taint {k: v}, that the pod didn't tolerate".
            if piece.hasPrefix("that the pod didn't tolerate"), let last = parts.popLast() {
                parts.append(last + ", " + piece)
            } else {
                parts.append(piece)
            }
        }
        return parts.map { part in
            var p = Substring(part.trimmingSpaces)
            var count: Int?
            if let sp = p.firstIndex(of: " "), let n = Int(p[..<sp]) {
                count = n; p = p[p.index(after: sp)...]
            }
            let t = String(p)
            return SchedulingReason(count: count, cause: classify(t), text: t)
        }
    }

    /// Maps one reason text to its cause (old and new wordings).
    static func classify(_ t: String) -> SchedulingCause {
        if t.hasPrefix("Insufficient ") { return .insufficient(resource: String(t.dropFirst("Insufficient ".count))) }
        if t == "Too many pods" { return .tooManyPods }
        if t.contains("untolerated taint") || t.contains("had taint") || t.contains("had taints") {
            if let open = t.firstIndex(of: "{"), let close = t[open...].firstIndex(of: "}") {
                let inner = t[t.index(after: open)..<close]
                if let colon = inner.firstRange(of: ":") {
                    return .untoleratedTaint(key: String(inner[..<colon.lowerBound]).trimmingSpaces,
                                             value: String(inner[colon.upperBound...]).trimmingSpaces)
                }
                return .untoleratedTaint(key: String(inner).trimmingSpaces, value: nil)
            }
            return .untoleratedTaint(key: nil, value: nil)
        }
        if t.contains("didn't match Pod's node affinity") || t.contains("didn't match node selector")
            || t.contains("didn't match Pod's node selector") || t.contains("MatchNodeSelector") {
            return .nodeAffinityMismatch
        }
        if t.contains("were unschedulable") { return .nodesUnschedulable }
        if t.contains("unbound immediate PersistentVolumeClaims") { return .unboundImmediatePVC }
        if t.contains("didn't find available persistent volumes to bind") { return .noPersistentVolumes }
        if t.contains("volume node affinity conflict") { return .volumeNodeAffinityConflict }
        if t.contains("enough free storage") { return .notEnoughStorage }
        if t.hasPrefix("persistentvolumeclaim \""), let end = t.dropFirst(23).firstIndex(of: "\"") {
            return .pvcNotFound(name: String(t.dropFirst(23)[..<end]))
        }
        if t.contains("pod affinity") || t.contains("anti-affinity") { return .podAffinity }
        if t.contains("free ports") { return .hostPorts }
        if t.contains("topology spread") { return .topologySpread }
        if t.contains("max volume count") { return .maxVolumeCount }
        return .other(t)
    }
}
