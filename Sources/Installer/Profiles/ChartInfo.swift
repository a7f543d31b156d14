import Helm

/// The chart a profile set serves (`chart.yaml`): version range, default version, repository.
public struct ChartInfo: Equatable, Sendable {
    /// The set's name (`chart-30`).
    public let id: String
    /// The chart's name in its repository (`posthog`).
    public let chart: String
    /// The chart repository URL.
    public let repository: String
    /// The local name `helm repo add` gives the repository.
    public let repositoryName: String
    /// The semver constraint of chart versions this set is written for.
    public let versions: String
    /// The chart version installed unless the person picks another.
    public let defaultVersion: String
    /// The PostHog version the default chart deploys.
    public let appVersion: String
    /// The Kubernetes versions the chart accepts, as a constraint.
    public let kubeVersion: String
    /// Secrets generated once and kept.
    public let generatedSecrets: [GeneratedSecret]
    /// The data volumes `posthog-install resize` can grow: component name → size key, in order.
    public let volumes: [VolumeKey]

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["id", "chart", "repository", "repositoryName", "versions", "defaultVersion",
                                    "appVersion", "kubeVersion", "generatedSecrets", "volumes"])
        id = try node.child("id").string()
        chart = try node.child("chart").string()
        repository = try node.child("repository").string()
        repositoryName = try node.child("repositoryName").string()
        versions = try node.child("versions").string()
        defaultVersion = try node.child("defaultVersion").scalarText()
        appVersion = try node.child("appVersion").scalarText()
        kubeVersion = try node.child("kubeVersion").string()
        generatedSecrets = try node.optionalChild("generatedSecrets")?.list().map(GeneratedSecret.init) ?? []
        if let volumes = try node.optionalChild("volumes") {
            self.volumes = try volumes.mapping().keys.map { VolumeKey(component: $0, path: ValuePath.split(try volumes.child($0).string())) }
        } else {
            self.volumes = []
        }
        guard SemverCompatibility.isCompatible(versions, defaultVersion) else {
            throw try node.child("defaultVersion").error("\(defaultVersion) is outside this set's versions \(versions)")
        }
    }

    /// Whether `version` falls within this set's range.
    /// A pre-release (`30.47.0-rc.1`, the stand-in's `30.46.0-standin`) is supported when its
    /// release is: semver ranges leave pre-releases out, but their values keys are the release's.
    public func supports(version: String) -> Bool {
        if SemverCompatibility.isCompatible(versions, version) { return true }
        guard let dash = version.firstIndex(of: "-") else { return false }
        return SemverCompatibility.isCompatible(versions, String(version[..<dash]))
    }
}
