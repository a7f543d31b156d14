import Cluster
import Effects
import Helm
import Installer

/// Loads the chart an operation installs and renders it with the saved values, as helm will,
/// so the preflight can look at the pods before anything changes in the cluster.
struct ChartRendering {
    let connection: ClusterConnection
    let report: @Sendable (OperationEvent) -> Void

    /// The chart an operation renders and installs, and how helm is told to use the same one.
    struct PreparedChart {
        /// The loaded chart.
        let chart: Chart
        /// What `helm install`/`upgrade` gets as its chart argument.
        let location: ChartLocation
        /// The chart version passed with `--version` (repository charts), else the chart's own.
        let version: String?
        /// The API groups the chart defines itself (its CRDs), for the preflight.
        func definedGroups(_ manifests: [RenderedManifest]) -> Set<String> { ChartAPIGroups.defined(by: chart, manifests: manifests) }
    }

    /// The chart: `--chart` (a directory or archive, given to helm as it is) or the pinned version
    /// from the chart repository (downloaded into the cache, or the cached copy offline). The
    /// simulated cluster installs the very same chart (its helm reads the cache too); only there,
    /// and only when no chart can be had, the built-in stand-in is used, said once. A real cluster
    /// never gets the stand-in: when the chart cannot be had, the operation stops and says how
    /// to get it, so the chart checked is always the chart helm installs.
    func load(chart request: String?, version: String, info: ChartInfo) async throws -> PreparedChart {
        let repository = ChartLocation.repository(repositoryName: info.repositoryName, url: info.repository, chart: info.chart)
        let chartRequest = ChartRequest(chart: request, version: version, defaultVersion: version,
                                        repositories: [info.repositoryName: info.repository],
                                        defaultChart: "\(info.repositoryName)/\(info.chart)", allowStandin: connection.simulated)
        let source = connection.chartSource
        let resolved: ResolvedChart
        do {
            resolved = try await source.resolve(chartRequest)
        } catch .unreachable(let url, let reason) where request == nil && !connection.simulated {
            // Our download could not reach the repository; helm, which installs the chart, may.
            report(.note("Could not download \(url) directly (\(reason)); asking helm for \(info.chart) \(version)…"))
            let cache = source.archiveCachePath(chart: info.chart, version: version)
            do {
                let bytes = try await ChartPullThroughHelm(connection: connection, files: LocalFileSystem(), cachePath: cache)
                    .pull(info: info, version: version)
                resolved = ResolvedChart(origin: .repository(url: info.repository, cachePath: cache, fromCache: false),
                                         name: info.chart, version: version, archive: bytes, notes: [])
            } catch let failure as ChartPullThroughHelm.Failure {
                throw ValuesRun.Failure(message: "The chart \(info.chart) \(version) could not be had: \(failure.message). "
                                        + (failure.isVersionMissing ? "Pass a version the repository has with --chart-version (`helm search repo \(info.repositoryName)/\(info.chart) --versions` lists them)."
                                                                   : ChartUnavailableText.message(ChartSourceError.unreachable(url: url, reason: reason), version: version, info: info)),
                                        status: failure.isVersionMissing ? .badInput : .failed)
            }
        } catch {
            throw ValuesRun.Failure(message: ChartUnavailableText.message(error, version: version, info: info),
                                    status: ChartUnavailableText.isBadInput(error) ? .badInput : .failed)
        }
        resolved.notes.forEach { report(.note($0)) }
        if !resolved.isStandin { report(.note("Chart: \(resolved.label)")) }
        let chart = try resolved.load()
        switch resolved.origin {
        case .directory(let path), .archive(let path):
            return PreparedChart(chart: chart, location: .local(path: path), version: chart.metadata.version)
        case .repository, .standin:
            let pinned = resolved.version.isEmpty ? version : resolved.version
            return PreparedChart(chart: chart, location: repository, version: pinned)
        }
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
