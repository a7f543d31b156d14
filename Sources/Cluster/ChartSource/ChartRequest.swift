/// What the person asked for: `--chart DIR|TGZ|REPO/NAME` and `--chart-version`.
public struct ChartRequest: Hashable, Sendable {
    /// `--chart`; nil means the default repository chart (`posthog/posthog`).
    public var chart: String?
    /// `--chart-version`; nil means `defaultVersion`.
    public var version: String?
    /// The version used when none is pinned (the profile set's ChartInfo.defaultVersion).
    public var defaultVersion: String?
    /// Known repositories by the name `helm repo add` gives them (`posthog` → its URL).
    public var repositories: [String: String]
    /// The repository chart used when `chart` is nil.
    public var defaultChart: String
    /// Whether the stand-in chart may be used when nothing can be fetched and no chart was given.
    public var allowStandin: Bool

    /// A request with the PostHog repository known.
    public init(chart: String? = nil, version: String? = nil, defaultVersion: String? = nil,
                repositories: [String: String] = ["posthog": "https://posthog.github.io/charts-clickhouse/"],
                defaultChart: String = "posthog/posthog", allowStandin: Bool = true) {
        self.chart = chart; self.version = version; self.defaultVersion = defaultVersion
        self.repositories = repositories; self.defaultChart = defaultChart; self.allowStandin = allowStandin
    }
}

/// What `--chart` names.
public enum ChartReference: Hashable, Sendable {
    /// A chart directory.
    case directory(String)
    /// A chart archive on disk.
    case archive(String)
    /// A chart of a repository: `posthog/posthog`.
    case repository(name: String, chart: String)

    /// Classifies `text` with `kind` (what is at a path): an existing directory or file wins;
    /// otherwise `NAME/CHART` (one slash, no leading `.` or `/`) is a repository chart.
    public static func classify(_ text: String, kind: (String) -> ChartPathKind?) throws(ChartSourceError) -> ChartReference {
        switch kind(text) {
        case .directory?: return .directory(text)
        case .file?: return .archive(text)
        case nil: break
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.hasPrefix("."),
           !text.hasSuffix(".tgz"), !text.hasSuffix(".tar.gz") {
            return .repository(name: String(parts[0]), chart: String(parts[1]))
        }
        throw .notFound(text)
    }
}

/// What is at a path, as far as chart resolution cares.
public enum ChartPathKind: Hashable, Sendable {
    /// A directory.
    case directory
    /// A file.
    case file
}
