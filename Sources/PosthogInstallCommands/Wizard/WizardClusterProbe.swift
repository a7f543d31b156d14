import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TUI

/// Decides which cluster the wizard installs into, before the first question: kubectl's
/// current context when there is one (and whether it answers), otherwise, or with
/// `--simulate`, the built-in simulated cluster.
struct WizardClusterProbe: Sendable {
    /// The cluster chosen and how to describe it.
    struct Choice: Sendable {
        /// What the welcome and review screens show.
        var info: ClusterInfo
        /// `--simulate-nodes` for the simulated cluster.
        var simulatedNodes: String?
    }

    /// The node spec used when none is given (DigitalOcean's example cluster).
    static let defaultNodes = "2x2cpu4gi"

    let runner: any ProcessRunner
    let path: String

    /// The simulated cluster, said plainly; `reason` is why it is used.
    static func simulated(nodes: String?, reason: String) throws -> Choice {
        let spec = try SimulatedClusterSpec(nodes: nodes ?? defaultNodes)
        // Without nodes given, a simulated cluster saved by an earlier run is used as it is.
        return Choice(
            info: ClusterInfo(simulated: true, context: spec.contextName, detail: describe(spec), reason: reason),
            simulatedNodes: nodes)
    }

    /// The default simulated cluster, used because of `reason`.
    static func fallback(_ reason: String) -> Choice {
        let spec = SimulatedClusterSpec()
        return Choice(
            info: ClusterInfo(simulated: true, context: spec.contextName, detail: describe(spec), reason: reason),
            simulatedNodes: nil)
    }

    /// `2 nodes × 2 vCPU, 4 GiB memory`.
    static func describe(_ spec: SimulatedClusterSpec) -> String {
        spec.pools.map { pool in
            let cpu = Double(pool.milliCPU) / 1000
            let memory = Double(pool.memoryBytes) / Double(1 << 30)
            func number(_ x: Double) -> String {
                if x == x.rounded() { return String(Int(x)) }
                let tenths = Int((x * 10).rounded())
                return "\(tenths / 10).\(tenths % 10)"
            }
            return "\(pool.count) node\(pool.count == 1 ? "" : "s") × \(number(cpu)) vCPU, \(number(memory)) GiB memory"
        }.joined(separator: " + ")
    }

    /// Looks at kubectl: missing or without a current context gives the simulated cluster.
    func choose() async -> Choice {
        guard ExecutableLookup.resolve("kubectl", path: path) != nil else {
            return Self.fallback("kubectl is not on your PATH. Install kubectl and point it at your cluster to install for real.")
        }
        let kubectl = KubectlClient(runner: runner, options: KubectlOptions())
        guard let context = try? await kubectl.currentContext(), !context.isEmpty else {
            return Self.fallback(
                "kubectl has no current context. Choose your cluster with kubectl config use-context NAME to install for real.")
        }
        let pinned = KubectlClient(runner: runner, options: KubectlOptions(context: context))
        guard let report = try? await pinned.version() else {
            return Choice(info: ClusterInfo(simulated: false, context: context, detail: "", problem: "kubectl version did not run"))
        }
        if let error = report.serverError {
            return Choice(info: ClusterInfo(simulated: false, context: context, detail: "", problem: error.message))
        }
        let server = report.server.map { "Kubernetes \($0.gitVersion) answers" } ?? "the cluster answers"
        return Choice(info: ClusterInfo(simulated: false, context: context, detail: server))
    }
}
