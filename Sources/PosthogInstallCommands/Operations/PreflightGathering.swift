import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import Installer

/// Asks the cluster (through kubectl and helm) for everything the preflight decides on.
struct PreflightGathering {
    let connection: ClusterConnection

    /// The facts for `operation` on `namespace`/`release`; `confirmedContext` is the context the
    /// person chose (nil when they have not), `manifests` what the chart renders to.
    func facts(operation: PreflightFacts.Operation, namespace: String, release: String, confirmedContext: String?,
               acceptCurrentContext: Bool, profile: ProfileSet, manifests: [RenderedManifest],
               chartDefinedGroups: Set<String> = []) async throws -> PreflightFacts {
        var facts = PreflightFacts(operation: operation)
        facts.namespace = namespace
        facts.release = release
        facts.minimumCPU = profile.costs.minimumCPU
        facts.minimumMemoryGiB = profile.costs.minimumMemoryGiB
        facts.chartKubeVersion = profile.chart.kubeVersion
        let kubectl = connection.kubectl
        if let report = try? await kubectl.version() {
            facts.kubectlVersion = report.client.gitVersion
            facts.serverVersion = report.server?.gitVersion
            if let error = report.serverError { facts.reachabilityError = error.message }
        }
        facts.helmVersion = try? await connection.helm.version()
        if connection.simulated {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            facts.toolsOnThisComputer = PreflightFacts.LocalTools(kubectl: ExecutableLookup.resolve("kubectl", path: path) != nil,
                                                                  helm: ExecutableLookup.resolve("helm", path: path) != nil)
        }
        if let context = connection.context {
            facts.currentContext = context
        } else {
            facts.currentContext = try? await kubectl.currentContext()
        }
        facts.confirmedContext = confirmedContext ?? (connection.simulated || acceptCurrentContext ? facts.currentContext : nil)
        if facts.reachabilityError == nil {
            facts.nodes = (try? await kubectl.nodes()) ?? []
            facts.storageClasses = try? await kubectl.storageClasses()
            facts.existingPods = (try? await kubectl.allPods()) ?? []
            facts.namespaceExists = (try? await kubectl.namespaceExists(namespace)) ?? false
            facts.servedAPIGroups = try? await kubectl.apiGroups()
            facts.releases = ((try? await connection.helm.list(namespace: namespace)) ?? []).map {
                InstalledRelease(name: $0.name, namespace: $0.namespace, chart: $0.chart, status: $0.status,
                                 revision: String($0.revision), appVersion: $0.appVersion)
            }
        }
        facts.podRequests = try ManifestPods.requests(from: manifests)
        facts.plannedComponents = ClusterComponent.planned(in: ManifestPods.kindsAndNames(manifests))
        facts.renderedObjects = ChartAPIGroups.objects(in: manifests)
        facts.chartDefinedGroups = chartDefinedGroups
        return facts
    }
}
