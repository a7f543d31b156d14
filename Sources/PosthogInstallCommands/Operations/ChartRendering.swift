import Cluster
import Effects
import Helm
import Installer

/// Loads the chart an operation installs and renders it with the saved values, as helm will,
/// so the preflight can look at the pods before anything changes in the cluster.
struct ChartRendering {
    let connection: ClusterConnection
    let report: @Sendable (OperationEvent) -> Void

    /// The chart: the stand-in on the simulated cluster (its helm installs that one too), else
    /// `--chart` or the pinned version from the chart repository (cached; offline falls back).
    func load(chart request: String?, version: String) async throws -> Chart {
        if connection.simulated {
            report(.note("Simulated cluster: installing the stand-in chart (PostHog's components and their resource requests)."))
            return try ChartLoader.load(files: ResolvedChart.standinFiles(), source: "stand-in chart")
        }
        let resolved = try await ChartSource(paths: XDGPaths.current).resolve(ChartRequest(chart: request, version: version, defaultVersion: version))
        resolved.notes.forEach { report(.note($0)) }
        report(.note("Chart: \(resolved.label)"))
        return try resolved.load()
    }

    /// The manifests for `values`, or nil after reporting why the chart refused them.
    func render(_ chart: Chart, valuesPath: String, valuesText: String, namespace: String, release: String,
                upgrade: Bool = false) -> HelmTemplateResult? {
        var options = HelmTemplateOptions()
        options.releaseName = release
        options.namespace = namespace
        options.isUpgrade = upgrade
        options.valueFiles = [(name: valuesPath, text: valuesText)]
        do {
            return try HelmTemplate.run(chart: chart, options: options)
        } catch {
            report(.note(ChartRefusal.explain(String(describing: error))))
            return nil
        }
    }
}
