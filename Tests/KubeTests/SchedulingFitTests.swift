import Testing
@testable import Kube

struct SchedulingFitTests {
    static func req(_ name: String, _ cpu: Int64, _ memMi: Int64) -> PodPlacementRequest {
        PodPlacementRequest(name: name, requests: ResourceAmounts(milliCPU: cpu, memory: memMi << 20))
    }

    static let posthog: [PodPlacementRequest] = [
        req("posthog-events", 100, 128), req("posthog-web", 500, 1024), req("chi-posthog-posthog-0-0-0", 1000, 2048),
        req("posthog-posthog-kafka-0", 250, 512), req("posthog-posthog-zookeeper-0", 100, 256),
        req("posthog-posthog-postgresql-0", 250, 256), req("posthog-posthog-redis-master-0", 100, 256),
        req("posthog-worker", 100, 256), req("posthog-plugins", 100, 128),
    ]

    static func systemPods() throws -> [Pod] {
        try Fixture.list(Pod.self, "pods.json").filter { $0.metadata.namespace == "kube-system" }
    }

    @Test func posthogFitsOnDigitalOceanDefault() throws {
        let nodes = try Fixture.list(Node.self, "nodes-do-2x2.json")
        let r = SchedulingFit.simulate(nodes: nodes, existingPods: try Self.systemPods(), newPods: Self.posthog)
        #expect(r.allFit)
        #expect(r.placements.count == 9)
        // Largest first, onto the least allocated node.
        #expect(r.placements.first == Placement(pod: "chi-posthog-posthog-0-0-0", node: "pool-posthog-a1b2d"))
        #expect(r.placements[1] == Placement(pod: "posthog-web", node: "pool-posthog-a1b2c"))
        for u in r.nodes { #expect(u.free.memory >= 0 && u.free.milliCPU >= 0) }
    }

    @Test func secondClickHouseCrowdsOutTheRest() throws {
        // Two 2 GiB ClickHouse replicas take one node each; what is left is too small for the web pod.
        let nodes = try Fixture.list(Node.self, "nodes-do-2x2.json")
        let pods = Self.posthog + [Self.req("chi-posthog-posthog-0-1-0", 1000, 2048)]
        let r = SchedulingFit.simulate(nodes: nodes, existingPods: try Self.systemPods(), newPods: pods)
        #expect(r.placements.prefix(2).map(\.pod) == ["chi-posthog-posthog-0-0-0", "chi-posthog-posthog-0-1-0"])
        #expect(r.pending.map(\.pod) == ["posthog-web", "posthog-posthog-redis-master-0", "posthog-worker", "posthog-events", "posthog-plugins"])
        let p = try #require(r.pending.first)
        #expect(p.failure.raw == "0/2 nodes are available: 2 Insufficient memory.")
        #expect(p.explanation == "needs 391 MiB more memory on one node; the largest free is 633 MiB (it requests 1 GiB)")
        #expect(p.fix == "Add a node with at least 4 GiB memory, or choose a smaller tier.")
    }

    @Test func cpuAndMemoryShortfall() throws {
        let nodes = try Fixture.list(Node.self, "nodes-do-2x2.json")
        let r = SchedulingFit.simulate(nodes: nodes, existingPods: try Self.systemPods(), newPods: [Self.req("huge", 3000, 6144)])
        let p = try #require(r.pending.first)
        #expect(p.failure.raw == "0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.")
        #expect(p.explanation == "needs 3.4 GiB more memory on one node; the largest free is 2.6 GiB (it requests 6 GiB); needs 1.4 vCPU more on one node; the largest free is 1.6 vCPU (it requests 3 vCPU)")
        #expect(p.fix == "Add a node with at least 16 GiB memory and at least 4 vCPU, or choose a smaller tier.")
    }

    @Test func respectsTaintsSelectorsAndCordons() {
        let big: [String: Quantity] = ["cpu": (try? Quantity("4")) ?? Quantity(milli: 0), "memory": (try? Quantity("8Gi")) ?? Quantity(bytes: 0)]
        let nodes = [
            Node(name: "cp", allocatable: big, labels: ["kubernetes.io/hostname": "cp"], taints: [Taint(key: "node-role.kubernetes.io/control-plane")]),
            Node(name: "cordoned", allocatable: big, unschedulable: true),
            Node(name: "gpu", allocatable: big, labels: ["pool": "gpu"]),
        ]
        var selective = Self.req("needs-cpu-pool", 100, 100)
        selective.nodeSelector = ["pool": "cpu"]
        var tolerant = Self.req("tolerant", 100, 100)
        tolerant.tolerations = [Toleration(key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule")]
        tolerant.nodeSelector = ["kubernetes.io/hostname": "cp"]
        let r = SchedulingFit.simulate(nodes: nodes, existingPods: [], newPods: [selective, tolerant, Self.req("plain", 100, 100)])
        #expect(r.pending.map(\.pod) == ["needs-cpu-pool"])
        #expect(r.pending.first?.failure.raw == "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable.")
        #expect(r.pending.first?.fix == "No node accepts this pod (taints, selectors or cordons); add a suitable worker node.")
        #expect(r.placements.contains(Placement(pod: "plain", node: "gpu")))
        #expect(r.placements.contains(Placement(pod: "tolerant", node: "cp")))
    }

    @Test func tooManyPodsAndNoNodes() throws {
        let node = Node(name: "n", allocatable: ["cpu": try Quantity("4"), "memory": try Quantity("8Gi"), "pods": try Quantity("1")])
        let r = SchedulingFit.simulate(nodes: [node], existingPods: [], newPods: [Self.req("a", 10, 10), Self.req("b", 10, 10)])
        #expect(r.pending.map(\.failure.raw) == ["0/1 nodes are available: 1 Too many pods."])
        let none = SchedulingFit.simulate(nodes: [], existingPods: [], newPods: [Self.req("a", 10, 10)])
        #expect(none.pending.first?.failure.reasons.first?.cause == .noNodes)
    }

    @Test func effectiveRequestsFromSpec() throws {
        let spec = PodSpec(containers: [Container(name: "a", requests: ["cpu": try Quantity("100m"), "memory": try Quantity("1Gi")])],
                           initContainers: [Container(name: "i", requests: ["cpu": try Quantity("2"), "memory": try Quantity("16Mi")])])
        let p = PodPlacementRequest(name: "x", spec: spec)
        #expect(p.requests == ResourceAmounts(milliCPU: 2000, memory: 1 << 30, pods: 1))
        let small = Node(name: "n", allocatable: ["cpu": try Quantity("1900m"), "memory": try Quantity("4Gi")])
        let r = SchedulingFit.simulate(nodes: [small], existingPods: [], newPods: [p])
        #expect(r.pending.first?.failure.raw == "0/1 nodes are available: 1 Insufficient cpu.")
    }

    @Test func notReadyNodesAreSkipped() throws {
        var n = Node(name: "n", allocatable: ["cpu": try Quantity("4"), "memory": try Quantity("8Gi")])
        n.conditions = [Condition(type: "Ready", status: "False")]
        let r = SchedulingFit.simulate(nodes: [n], existingPods: [], newPods: [Self.req("a", 10, 10)])
        #expect(r.pending.first?.failure.reasons.first?.cause == .untoleratedTaint(key: "node.kubernetes.io/not-ready", value: ""))
    }

    @Test func clusterSize() throws {
        let nodes = try Fixture.list(Node.self, "nodes-do-2x2.json")
        let c = ClusterSizeCheck.check(nodes: nodes)
        #expect(c.verdict == .warn)
        #expect(c.allocatable.milliCPU == 3800)
        #expect(c.capacity.milliCPU == 4000)
        #expect(c.message.hasPrefix("2 usable nodes: 3.8 vCPU and 5.8 GiB allocatable"))
        let one = ClusterSizeCheck.check(nodes: [nodes[0]])
        #expect(one.verdict == .fail)
        #expect(one.message == "1 usable node: 1.9 vCPU and 2.9 GiB allocatable; PostHog needs at least 4 vCPU and 4 GiB in total (missing 2 vCPU and 174.6 MiB memory)")
        let big = Node(name: "b", allocatable: ["cpu": try Quantity("7910m"), "memory": try Quantity("28Gi")],
                       capacity: ["cpu": try Quantity("8"), "memory": try Quantity("32Gi")])
        #expect(ClusterSizeCheck.check(nodes: [big]).verdict == .pass)
        var cordoned = big; cordoned.unschedulable = true
        #expect(ClusterSizeCheck.check(nodes: [cordoned]).verdict == .fail)
    }

    static let sizes: [(Int64, Int)] = [(1 << 30, 4), (3 << 30, 8), (Int64(2.9 * 1_073_741_824), 8), (10 << 30, 16)]
    @Test(arguments: sizes) func nodeSizing(bytes: Int64, gib: Int) {
        #expect(NodeSizing.memoryGiB(forRequest: bytes) == gib)
    }
}

struct KubeObjectTests {
    @Test func mixedListExpandsToPlacementRequests() throws {
        let json = #"""
        {"apiVersion":"v1","kind":"List","items":[
          {"kind":"Deployment","metadata":{"name":"posthog-web"},"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","resources":{"requests":{"cpu":"500m","memory":"1Gi"}}}]}}}},
          {"kind":"StatefulSet","metadata":{"name":"posthog-posthog-kafka"},"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"kafka","resources":{"requests":{"memory":"512Mi"}}}]}}}},
          {"kind":"Job","metadata":{"name":"posthog-migrate"},"spec":{"template":{"spec":{"containers":[{"name":"m"}]}}}},
          {"kind":"ConfigMap","metadata":{"name":"posthog"},"data":{"a":"b"}},
          {"kind":"Service","metadata":{"name":"posthog-web"},"spec":{"type":"ClusterIP"}}
        ]}
        """#
        let objects = try KubeJSON.decodeList(KubeObject.self, from: json)
        #expect(objects.count == 5)
        #expect(objects[3] == .other(kind: "ConfigMap", name: "posthog"))
        let reqs = objects.flatMap(\.placementRequests)
        #expect(reqs.map(\.name) == ["posthog-web (1/2)", "posthog-web (2/2)", "posthog-posthog-kafka-0", "posthog-migrate"])
        #expect(reqs[0].requests == ResourceAmounts(milliCPU: 500, memory: 1 << 30, pods: 1))
    }
}
