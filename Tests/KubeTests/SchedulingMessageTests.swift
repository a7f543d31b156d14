import Testing
@testable import Kube

struct SchedulingMessageTests {
    struct Row: Sendable, CustomStringConvertible {
        var message: String
        var available: Int?
        var total: Int?
        var causes: [SchedulingCause]
        var counts: [Int?]
        var preemption: Int = 0
        var description: String { message }
    }

    static let rows: [Row] = [
        Row(message: "0/3 nodes are available: 3 Insufficient memory.", available: 0, total: 3,
            causes: [.insufficient(resource: "memory")], counts: [3]),
        Row(message: "0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
            available: 0, total: 2, causes: [.insufficient(resource: "cpu"), .insufficient(resource: "memory")], counts: [1, 2], preemption: 1),
        Row(message: "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
            available: 0, total: 1, causes: [.untoleratedTaint(key: "node-role.kubernetes.io/control-plane", value: "")], counts: [1], preemption: 1),
        Row(message: "0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 Insufficient memory.",
            available: 0, total: 3, causes: [.untoleratedTaint(key: "node-role.kubernetes.io/master", value: ""), .insufficient(resource: "memory")], counts: [1, 2]),
        Row(message: "0/2 nodes are available: 1 node(s) had untolerated taint {key1: value1}, 1 node(s) had untolerated taint {node: node01}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
            available: 0, total: 2, causes: [.untoleratedTaint(key: "key1", value: "value1"), .untoleratedTaint(key: "node", value: "node01")], counts: [1, 1], preemption: 1),
        Row(message: "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient nvidia.com/gpu.",
            available: 0, total: 4, causes: [.untoleratedTaint(key: nil, value: nil), .insufficient(resource: "nvidia.com/gpu")], counts: [1, 3]),
        Row(message: "0/3 nodes are available: 3 node(s) had taints that the pod didn't tolerate.",
            available: 0, total: 3, causes: [.untoleratedTaint(key: nil, value: nil)], counts: [3]),
        Row(message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            available: 0, total: 3, causes: [.nodeAffinityMismatch], counts: [3], preemption: 1),
        Row(message: "0/3 nodes are available: 3 node(s) didn't match node selector.",
            available: 0, total: 3, causes: [.nodeAffinityMismatch], counts: [3]),
        Row(message: "0/5 nodes are available: 5 node(s) didn't match Pod's node affinity.",
            available: 0, total: 5, causes: [.nodeAffinityMismatch], counts: [5]),
        Row(message: "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            available: 0, total: 3, causes: [.unboundImmediatePVC], counts: [nil], preemption: 1),
        Row(message: "0/3 nodes are available: 3 pod has unbound immediate PersistentVolumeClaims.",
            available: 0, total: 3, causes: [.unboundImmediatePVC], counts: [3]),
        Row(message: "0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind.",
            available: 0, total: 1, causes: [.noPersistentVolumes], counts: [1]),
        Row(message: "0/2 nodes are available: 2 node(s) had volume node affinity conflict.",
            available: 0, total: 2, causes: [.volumeNodeAffinityConflict], counts: [2]),
        Row(message: "0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 Insufficient cpu.",
            available: 0, total: 3, causes: [.volumeNodeAffinityConflict, .insufficient(resource: "cpu")], counts: [1, 2]),
        Row(message: "0/2 nodes are available: 2 Too many pods.", available: 0, total: 2, causes: [.tooManyPods], counts: [2]),
        Row(message: "0/3 nodes are available: 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            available: 0, total: 3, causes: [.nodesUnschedulable], counts: [1], preemption: 1),
        Row(message: "0/3 nodes are available: persistentvolumeclaim \"data-x\" not found. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..",
            available: 0, total: 3, causes: [.pvcNotFound(name: "data-x")], counts: [nil], preemption: 1),
        Row(message: "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
            available: 0, total: 3, causes: [.podAffinity], counts: [3]),
        Row(message: "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports.",
            available: 0, total: 3, causes: [.hostPorts], counts: [3]),
        Row(message: "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints.",
            available: 0, total: 3, causes: [.topologySpread], counts: [3]),
        Row(message: "0/2 nodes are available: 2 node(s) did not have enough free storage.",
            available: 0, total: 2, causes: [.notEnoughStorage], counts: [2]),
        Row(message: "0/2 nodes are available: 2 node(s) exceed max volume count.",
            available: 0, total: 2, causes: [.maxVolumeCount], counts: [2]),
        Row(message: "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.",
            available: 0, total: 1, causes: [.untoleratedTaint(key: "node.kubernetes.io/not-ready", value: "")], counts: [1]),
        Row(message: "0/2 nodes are available: 2 node(s) had something new.", available: 0, total: 2,
            causes: [.other("node(s) had something new")], counts: [2]),
        Row(message: "no nodes available to schedule pods", available: 0, total: 0, causes: [.noNodes], counts: [nil]),
    ]

    @Test(arguments: rows) func parses(row: Row) throws {
        let f = try #require(SchedulingFailure.parse(row.message))
        #expect(f.availableNodes == row.available)
        #expect(f.totalNodes == row.total)
        #expect(f.reasons.map(\.cause) == row.causes)
        #expect(f.reasons.map(\.count) == row.counts)
        #expect(f.preemption.count == row.preemption)
    }

    @Test func preemptionReasonsAreKept() throws {
        let f = try #require(SchedulingFailure.parse("0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."))
        #expect(f.preemption.map(\.text) == ["No preemption victims found for incoming pod", "Preemption is not helpful for scheduling"])
        #expect(f.preemption.map(\.count) == [1, 1])
    }

    static let notScheduler = ["", "Successfully assigned posthog/x to node-1", "Back-off pulling image \"x\"", "0/x nodes", "1/2 pods ready"]
    @Test(arguments: notScheduler) func rejectsOtherMessages(message: String) {
        #expect(SchedulingFailure.parse(message) == nil)
    }
}
