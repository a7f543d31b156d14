#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the simulated cluster looks like: its nodes, cloud flavour, storage and injected faults.
public struct SimulatedClusterSpec: Sendable, Hashable, Codable {
    /// Which cloud the simulation imitates (node names, load balancer addresses, context name).
    public enum Flavour: String, Sendable, Hashable, CaseIterable, Codable {
        /// DigitalOcean: `pool-…` nodes, `do-block-storage`, load balancers with an IP.
        case digitalocean = "do"
        /// AWS EKS: load balancers with a host name (a CNAME record), `gp2` storage.
        case aws
        /// GKE: `standard-rwo` storage, load balancers with an IP.
        case gcp
        /// Any other cluster.
        case other

        /// `Google Kubernetes Engine`, `Amazon EKS`, `DigitalOcean Kubernetes`, `a cluster of your own`.
        public var displayName: String {
            switch self {
            case .digitalocean: return "DigitalOcean Kubernetes"
            case .aws: return "Amazon EKS"
            case .gcp: return "Google Kubernetes Engine"
            case .other: return "a cluster of your own (bare metal)"
            }
        }
    }

    /// The nodes, as pools of identical machines.
    public var pools: [SimulatedNodePool]
    /// The cloud imitated.
    public var flavour: Flavour
    /// Whether the default StorageClass allows volume expansion.
    public var volumeExpansion: Bool
    /// The API server's version.
    public var serverVersion: String
    /// The kubeconfig context the simulation answers to.
    public var contextName: String
    /// How long a LoadBalancer Service waits for its address.
    public var loadBalancerDelay: Duration
    /// Faults to inject.
    public var faults: SimulatedFaults
    /// Seed for generated names and addresses (the same seed gives the same names).
    public var seed: UInt64
    /// A default StorageClass of this name on a cluster of one's own (`other`), which has none
    /// unless told; nil or empty: none. The managed clouds keep their own classes.
    public var storageClass: String?

    /// A spec; by default two 2 vCPU / 4 GiB DigitalOcean nodes.
    public init(
        pools: [SimulatedNodePool] = [SimulatedNodePool(count: 2, milliCPU: 2000, memoryBytes: 4 << 30)],
        flavour: Flavour = .digitalocean, volumeExpansion: Bool = true, serverVersion: String = "v1.32.2",
        contextName: String = "posthog-simulated", loadBalancerDelay: Duration = .seconds(30),
        faults: SimulatedFaults = SimulatedFaults(), seed: UInt64 = 1
    ) {
        self.pools = pools
        self.flavour = flavour
        self.volumeExpansion = volumeExpansion
        self.serverVersion = serverVersion
        self.contextName = contextName
        self.loadBalancerDelay = loadBalancerDelay
        self.faults = faults
        self.seed = seed
    }

    /// A spec from `--simulate-nodes` text such as `2x2cpu4gi` (or `1x2cpu4gi,1x4cpu8gi`).
    public init(nodes: String, flavour: Flavour = .digitalocean) throws(SimulatedClusterSpecError) {
        self.init(pools: try SimulatedNodePool.parse(nodes), flavour: flavour)
    }
}

/// One pool of identical nodes.
public struct SimulatedNodePool: Sendable, Hashable, Codable {
    /// How many nodes.
    public var count: Int
    /// vCPUs per node, in millicores.
    public var milliCPU: Int64
    /// Memory per node, in bytes.
    public var memoryBytes: Int64

    /// A pool.
    public init(count: Int, milliCPU: Int64, memoryBytes: Int64) {
        self.count = count
        self.milliCPU = milliCPU
        self.memoryBytes = memoryBytes
    }

    /// The pool in `--simulate-nodes` form: `2x2cpu4gi`, `1x1.5cpu2048mi`.
    public var text: String {
        let cpu = milliCPU % 1000 == 0 ? String(milliCPU / 1000) : String(Double(milliCPU) / 1000)
        let memory = memoryBytes % (1 << 30) == 0 ? "\(memoryBytes >> 30)gi" : "\(memoryBytes >> 20)mi"
        return "\(count)x\(cpu)cpu\(memory)"
    }

    /// Pools in `--simulate-nodes` form, separated by commas.
    public static func text(_ pools: [SimulatedNodePool]) -> String { pools.map(\.text).joined(separator: ",") }

    /// Parses `COUNTxCPUScpuMEMORY(gi|mi)` pools separated by commas, e.g. `2x2cpu4gi`, `3x4cpu8gi`, `1x1.5cpu2048mi`.
    public static func parse(_ text: String) throws(SimulatedClusterSpecError) -> [SimulatedNodePool] {
        var pools: [SimulatedNodePool] = []
        for part in text.lowercased().split(separator: ",").map({ $0.trimmingSpacesAndTabs() }) {
            guard let x = part.firstIndex(of: "x"), let count = Int(part[..<x]), count > 0, count <= 100,
                let cpuMark = part.firstRange(of: "cpu")
            else { throw .init(text: text) }
            guard let cpu = Double(part[part.index(after: x)..<cpuMark.lowerBound]), cpu > 0, cpu <= 512 else { throw .init(text: text) }
            let memText = part[cpuMark.upperBound...]
            let unit: Double
            let digits: Substring
            if memText.hasSuffix("gi") || memText.hasSuffix("gb") {
                unit = 1_073_741_824
                digits = memText.dropLast(2)
            } else if memText.hasSuffix("g") {
                unit = 1_073_741_824
                digits = memText.dropLast()
            } else if memText.hasSuffix("mi") {
                unit = 1_048_576
                digits = memText.dropLast(2)
            } else {
                throw .init(text: text)
            }
            guard let mem = Double(digits), mem > 0, mem * unit <= 4 * 1_099_511_627_776 else { throw .init(text: text) }
            pools.append(SimulatedNodePool(count: count, milliCPU: Int64((cpu * 1000).rounded()), memoryBytes: Int64(mem * unit)))
        }
        if pools.isEmpty { throw .init(text: text) }
        return pools
    }
}

/// `--simulate-nodes` text that does not describe nodes.
public struct SimulatedClusterSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text given.
    public var text: String

    /// Names the text and shows the form.
    public var description: String {
        "--simulate-nodes: \"\(text)\" does not describe nodes; write COUNTxCPUScpuMEMORYgi, for example 2x2cpu4gi (two nodes with 2 vCPU and 4 GiB each), or several pools separated by commas"
    }
}

/// Faults the simulated cluster injects, for tests and demonstrations.
public struct SimulatedFaults: Sendable, Hashable, Codable {
    /// Images that cannot be pulled (exact references such as `posthog/posthog:no-such-tag`).
    public var unpullableImages: Set<String>
    /// Containers (by container name) that crash after starting, with the log lines they print.
    public var crashingContainers: [String: [String]]
    /// PersistentVolumeClaims (by name) whose volume is never provisioned.
    public var stuckClaims: Set<String>
    /// Whether VolumeSnapshots stay not ready to use (a snapshot controller that never finishes).
    public var stuckSnapshots: Bool?

    /// No faults by default.
    public init(unpullableImages: Set<String> = [], crashingContainers: [String: [String]] = [:], stuckClaims: Set<String> = []) {
        self.unpullableImages = unpullableImages
        self.crashingContainers = crashingContainers
        self.stuckClaims = stuckClaims
    }
}
