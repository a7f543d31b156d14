/// Which helm to run against which cluster, and how long short commands may take.
public struct HelmOptions: Sendable, Hashable {
    /// The program (looked up on PATH) or a path to it.
    public var executable: String
    /// `--kube-context`, when the person chose a context.
    public var kubeContext: String?
    /// `--kubeconfig`, when not the default one.
    public var kubeconfig: String?
    /// Limit for quick commands (version, list, status, uninstall).
    public var quickTimeout: Duration
    /// Limit for `repo add` / `repo update`, which download the repository index.
    public var repositoryTimeout: Duration

    /// Options; helm on PATH, 60 s for quick commands, 180 s for repository downloads.
    public init(executable: String = "helm", kubeContext: String? = nil, kubeconfig: String? = nil,
                quickTimeout: Duration = .seconds(60), repositoryTimeout: Duration = .seconds(180)) {
        self.executable = executable; self.kubeContext = kubeContext; self.kubeconfig = kubeconfig
        self.quickTimeout = quickTimeout; self.repositoryTimeout = repositoryTimeout
    }

    /// `--kube-context C` and `--kubeconfig K` when set (appended last).
    var clusterFlags: [String] {
        var flags: [String] = []
        if let kubeContext { flags += ["--kube-context", kubeContext] }
        if let kubeconfig { flags += ["--kubeconfig", kubeconfig] }
        return flags
    }
}

/// What to install or upgrade: design.md §2's release, namespace, chart and values file.
public struct HelmReleaseRequest: Sendable, Hashable {
    /// Release name (`posthog`).
    public var release: String
    /// Namespace (`posthog`).
    public var namespace: String
    /// Chart reference (`posthog/posthog`, or a directory or .tgz).
    public var chart: String
    /// The values file passed with `-f`.
    public var valuesFile: String
    /// `--version`, when pinned.
    public var chartVersion: String?
    /// helm's own `--timeout` (20 minutes).
    public var timeout: Duration

    /// A request with the design's defaults.
    public init(release: String = "posthog", namespace: String = "posthog", chart: String = "posthog/posthog",
                valuesFile: String = "values.yaml", chartVersion: String? = nil, timeout: Duration = .seconds(20 * 60)) {
        self.release = release; self.namespace = namespace; self.chart = chart; self.valuesFile = valuesFile
        self.chartVersion = chartVersion; self.timeout = timeout
    }
}

/// The PostHog chart repository.
public enum PostHogChartRepository {
    /// Repository name as added locally.
    public static let name = "posthog"
    /// Repository URL.
    public static let url = "https://posthog.github.io/charts-clickhouse/"
}
