/// The PostHog release found in the cluster when the wizard starts, as the welcome screen
/// names it (from `helm list`).
public struct InstalledPostHog: Sendable, Hashable {
    /// The release name (`posthog`).
    public var release: String
    /// Its namespace.
    public var namespace: String
    /// The chart version installed (`30.46.0`).
    public var chartVersion: String
    /// PostHog's version in it, when helm reports one.
    public var appVersion: String?
    /// helm's status word (`deployed`, `failed`, `pending-upgrade`).
    public var status: String

    /// Creates the description of a release.
    public init(release: String, namespace: String, chartVersion: String, appVersion: String? = nil, status: String = "deployed") {
        self.release = release
        self.namespace = namespace
        self.chartVersion = chartVersion
        self.appVersion = appVersion
        self.status = status
    }

    /// `release posthog (chart 30.46.0, PostHog 1.43.0) in namespace posthog`.
    public var description: String {
        let app = appVersion.map { ", PostHog \($0)" } ?? ""
        let state = status == "deployed" ? "" : ", helm status \(status)"
        return "release \(release) (chart \(chartVersion)\(app)\(state)) in namespace \(namespace)"
    }
}
