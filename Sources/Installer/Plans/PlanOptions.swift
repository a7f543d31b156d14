/// Where the chart comes from: the chart repository (`posthog/posthog`) or a local directory or .tgz.
public enum ChartLocation: Hashable, Sendable {
    /// A chart of a repository that `helm repo add` registers under `repositoryName`.
    case repository(repositoryName: String, url: String, chart: String)
    /// A chart directory or archive on disk, used as is.
    case local(path: String)

    /// The chart argument of `helm install`/`upgrade`: `posthog/posthog` or the path.
    public var reference: String {
        switch self {
        case let .repository(name, _, chart): return "\(name)/\(chart)"
        case let .local(path): return path
        }
    }
}

/// What every plan needs: where, which release, which values and chart.
public struct PlanOptions: Hashable, Sendable {
    /// The kubectl context; nil uses kubectl's current one (no flag is passed).
    public var context: String?
    /// The namespace (`posthog`).
    public var namespace: String
    /// The release name (`posthog`).
    public var release: String
    /// The values file passed with `-f`.
    public var valuesFile: String
    /// The chart.
    public var chart: ChartLocation
    /// The chart version (`--version`); nil lets helm pick the newest. Not passed for local charts.
    public var chartVersion: String?
    /// helm's `--timeout`.
    public var timeout: String

    /// Options with the design's defaults: namespace and release `posthog`, values.yaml, 20 minutes,
    /// the `posthog/posthog` chart of https://posthog.github.io/charts-clickhouse/.
    public init(
        context: String? = nil, namespace: String = "posthog", release: String = "posthog",
        valuesFile: String = "values.yaml",
        chart: ChartLocation = .repository(
            repositoryName: "posthog", url: "https://posthog.github.io/charts-clickhouse/", chart: "posthog"),
        chartVersion: String? = nil, timeout: String = Waits.helmTimeout
    ) {
        self.context = context
        self.namespace = namespace
        self.release = release
        self.valuesFile = valuesFile
        self.chart = chart
        self.chartVersion = chartVersion
        self.timeout = timeout
    }

    /// Options for a profile set's chart: its repository and, unless given, its default version.
    public init(
        chartInfo: ChartInfo, chartVersion: String? = nil, context: String? = nil,
        namespace: String = "posthog", release: String = "posthog", valuesFile: String = "values.yaml"
    ) {
        self.init(
            context: context, namespace: namespace, release: release, valuesFile: valuesFile,
            chart: .repository(repositoryName: chartInfo.repositoryName, url: chartInfo.repository, chart: chartInfo.chart),
            chartVersion: chartVersion ?? chartInfo.defaultVersion)
    }

    /// `--kube-context C` for helm when a context is set.
    var helmContext: [String] { context.map { ["--kube-context", $0] } ?? [] }
    /// `--context C` for kubectl when a context is set.
    var kubectlContext: [String] { context.map { ["--context", $0] } ?? [] }
    /// `--version V` for repository charts with a version.
    var versionFlag: [String] {
        guard case .repository = chart, let v = chartVersion, !v.isEmpty else { return [] }
        return ["--version", v]
    }

    /// An argv with the context flag of its program appended.
    func withContext(_ argv: [String]) -> [String] {
        switch argv.first {
        case "kubectl": return argv + kubectlContext
        case "helm": return argv + helmContext
        default: return argv
        }
    }
}
