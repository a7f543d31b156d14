/// One row of `helm list --all-namespaces -o json`: a release already in the cluster.
public struct InstalledRelease: Hashable, Sendable, Decodable {
    /// Release name.
    public var name: String
    /// Namespace.
    public var namespace: String
    /// Chart and version as helm prints it: `posthog-30.2.1`.
    public var chart: String
    /// `deployed`, `failed`, `pending-install`, `pending-upgrade`, `superseded`, `uninstalling`...
    public var status: String
    /// Revision number (as text, which helm prints).
    public var revision: String
    /// The app version the chart deploys.
    public var appVersion: String

    /// A release.
    public init(name: String, namespace: String, chart: String, status: String = "deployed",
                revision: String = "1", appVersion: String = "") {
        self.name = name; self.namespace = namespace; self.chart = chart
        self.status = status; self.revision = revision; self.appVersion = appVersion
    }

    enum CodingKeys: String, CodingKey {
        case name, namespace, chart, status, revision, appVersion = "app_version"
    }

    /// Decodes tolerantly: absent fields become empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        namespace = try c.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        chart = try c.decodeIfPresent(String.self, forKey: .chart) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? ""
        if let n = try? c.decodeIfPresent(Int.self, forKey: .revision) {
            revision = String(n)
        } else {
            revision = try c.decodeIfPresent(String.self, forKey: .revision) ?? ""
        }
        appVersion = try c.decodeIfPresent(String.self, forKey: .appVersion) ?? ""
    }

    /// The chart's name without its version: `posthog` for `posthog-30.2.1`.
    public var chartName: String {
        guard let split = versionSplit else { return chart }
        return String(chart[..<split])
    }

    /// The chart version: `30.2.1` for `posthog-30.2.1`; nil when the text has none.
    public var chartVersion: VersionNumber? {
        guard let split = versionSplit else { return nil }
        return VersionNumber(String(chart[chart.index(after: split)...]))
    }

    /// The chart version as printed (`30.2.1`), or empty.
    public var chartVersionText: String {
        guard let split = versionSplit else { return "" }
        return String(chart[chart.index(after: split)...])
    }

    /// Whether helm considers the release installed and healthy.
    public var isDeployed: Bool { status == "deployed" }

    /// The dash before the version: the last `-` followed by a digit (chart names may contain dashes).
    private var versionSplit: String.Index? {
        var found: String.Index?
        var i = chart.startIndex
        while i < chart.endIndex {
            let next = chart.index(after: i)
            if chart[i] == "-", next < chart.endIndex, chart[next].isNumber { found = i; break }
            i = next
        }
        return found
    }
}
