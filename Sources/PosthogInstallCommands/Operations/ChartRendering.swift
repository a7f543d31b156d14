import Cluster
import Effects
import Helm
import Installer

/// Loads the chart an operation installs and renders it with the saved values, as helm will,
/// so the preflight can look at the pods before anything changes in the cluster.
struct ChartRendering {
    let connection: ClusterConnection
    let report: @Sendable (OperationEvent) -> Void

    /// The chart: `--chart`, or the pinned version from the chart repository (downloaded once
    /// and cached, reused offline). The simulated cluster installs the very same chart (its helm
    /// reads the cache too); only there, and only when no chart can be had, the built-in stand-in
    /// is used, said once.
    func load(chart request: String?, version: String) async throws -> Chart {
        try await resolve(chart: request, version: version).chart
    }

    /// The chart and where it came from (a local `--chart` is what helm must be given too).
    func resolve(chart request: String?, version: String) async throws -> (chart: Chart, resolved: ResolvedChart) {
        let resolved = try await connection.chartSource.resolve(
            ChartRequest(chart: request, version: version, defaultVersion: version, allowStandin: connection.simulated))
        resolved.notes.forEach { report(.note($0)) }
        if !resolved.isStandin { report(.note("Chart: \(resolved.label)")) }
        return (try resolved.load(), resolved)
    }

    /// The manifests for `values`, or nil after reporting why the chart refused them. The
    /// chart's `lookup` calls are answered from the cluster, as helm does when it installs, so
    /// secrets the chart keeps (generated once, then looked up) render as they will be.
    func render(_ chart: Chart, valuesPath: String, valuesText: String, namespace: String, release: String,
                upgrade: Bool = false) async -> HelmTemplateResult? {
        var options = HelmTemplateOptions()
        options.releaseName = release
        options.namespace = namespace
        options.isUpgrade = upgrade
        options.valueFiles = [(name: valuesPath, text: valuesText)]
        do {
            return try await ClusterLookup.render(chart: chart, options: options, kubectl: connection.kubectl)
        } catch let error as KubectlError {
            // The cluster could not answer (the preflight says why): render as `helm template`
            // does, with empty lookups, so the preflight still sees the pods.
            report(.note("Rendering without the cluster's objects (kubectl: \(error.message))."))
            do { return try HelmTemplate.run(chart: chart, options: options) } catch {
                report(.note(ChartRefusal.explain(String(describing: error))))
                return nil
            }
        } catch {
            report(.note(ChartRefusal.explain(String(describing: error))))
            return nil
        }
    }
}
