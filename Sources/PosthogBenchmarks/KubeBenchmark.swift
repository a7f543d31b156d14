import Foundation
import Kube

/// Status aggregation and diagnosis over a namespace of 200 pods and 500 events.
enum KubeBenchmark {
    static func run() {
        let start = Date(timeIntervalSince1970: 1_714_557_600)
        let nodes = (0..<3).map { i in
            Node(name: "node-\(i)", allocatable: ["cpu": Quantity(milli: 1900), "memory": Quantity(bytes: 3_125_805_056)],
                 capacity: ["cpu": Quantity(milli: 2000), "memory": Quantity(bytes: 4_111_855_616)])
        }
        var pods: [Pod] = []
        for i in 0..<200 {
            var p = Pod(metadata: ObjectMeta(name: "pod-\(i)", namespace: "posthog"),
                        spec: PodSpec(containers: [Container(name: "c", image: "posthog/posthog:\(i)",
                                                             requests: ["cpu": Quantity(milli: 100), "memory": Quantity(bytes: 268_435_456)])]))
            p.metadata.creationTimestamp = start
            p.metadata.ownerReferences = [OwnerReference(kind: "ReplicaSet", name: "rs-\(i % 20)")]
            switch i % 5 {
            case 0:
                p.status.phase = "Pending"
                p.status.conditions = [Condition(type: "PodScheduled", status: "False", reason: "Unschedulable",
                                                 message: "0/3 nodes are available: 1 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
                                                 lastTransitionTime: start)]
            case 1:
                p.spec.nodeName = "node-\(i % 3)"; p.status.phase = "Running"
                p.status.containerStatuses = [ContainerStatus(name: "c", restartCount: 4, state: .waiting(reason: "CrashLoopBackOff", message: "back-off"),
                                                              lastState: .terminated(reason: "Error", message: "", exitCode: 1, finishedAt: nil))]
            case 2:
                p.spec.nodeName = "node-\(i % 3)"; p.status.phase = "Pending"
                p.status.containerStatuses = [ContainerStatus(name: "c", state: .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"posthog/posthog:\(i)\""))]
            default:
                p.spec.nodeName = "node-\(i % 3)"; p.status.phase = "Running"
                p.status.conditions = [Condition(type: "Ready", status: "True")]
                p.status.containerStatuses = [ContainerStatus(name: "c", ready: true, state: .running(startedAt: start))]
            }
            pods.append(p)
        }
        let events: [Event] = (0..<500).map { i in
            var e = Event(reason: i % 2 == 0 ? "Failed" : "FailedScheduling",
                          message: i % 2 == 0 ? "Failed to pull image \"posthog/posthog:\(i % 200)\": rpc error: code = NotFound desc = not found"
                                              : "0/3 nodes are available: 3 Insufficient memory.",
                          type: "Warning", involvedObject: ObjectReference(kind: "Pod", name: "pod-\(i % 200)", namespace: "posthog"))
            e.lastTimestamp = start.addingTimeInterval(Double(i))
            return e
        }
        let snapshot = NamespaceSnapshot(pods: pods, events: events)
        let context = DiagnosisContext(nodes: nodes, pods: pods, events: events, now: start.addingTimeInterval(120))
        let clock = ContinuousClock()
        var sink = 0
        func measure(_ label: String, rounds: Int, _ body: () -> Int) {
            sink &+= body()
            let t = clock.measure { for _ in 0..<rounds { sink &+= body() } }
            let us = Double(t.components.seconds) * 1e6 + Double(t.components.attoseconds) / 1e12
            print("kube: \(label): \(String(format: "%.1f", us / Double(rounds))) µs")
        }
        measure("status of 200 pods", rounds: 50) { ProgressSummary.make(snapshot, now: context.now).failures.count }
        measure("diagnosis of 200 pods / 500 events", rounds: 10) { Diagnostics.diagnose(snapshot, context: context).count }
        measure("parse 500 FailedScheduling messages", rounds: 20) {
            events.reduce(0) { $0 + (SchedulingFailure.parse($1.message)?.reasons.count ?? 0) }
        }
        let requests = pods.map { PodPlacementRequest(name: $0.name, spec: $0.spec) }
        measure("fit 200 pods onto 3 nodes", rounds: 20) { SchedulingFit.simulate(nodes: nodes, existingPods: [], newPods: requests).pending.count }
        if sink == 42 { print("") }
    }
}
