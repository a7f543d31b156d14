import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// One entry of `helm list -o json`.
public struct HelmRelease: Decodable, Sendable, Hashable {
    /// Release name.
    public var name: String
    /// Namespace.
    public var namespace: String
    /// Revision number.
    public var revision: Int
    /// `updated`, as helm prints it (`2026-11-24 21:40:03.123456789 +0000 UTC`).
    public var updated: String
    /// `deployed`, `failed`, `pending-install`, …
    public var status: String
    /// `posthog-30.46.0`: chart name and version.
    public var chart: String
    /// The app version.
    public var appVersion: String

    /// A release.
    public init(name: String, namespace: String, revision: Int, updated: String, status: String, chart: String, appVersion: String) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.updated = updated
        self.status = status
        self.chart = chart
        self.appVersion = appVersion
    }

    /// The chart version: what follows the first `-` that starts a number (`posthog-30.46.0` → `30.46.0`).
    public var chartVersion: String? {
        var i = chart.startIndex
        while let dash = chart[i...].firstIndex(of: "-") {
            let after = chart.index(after: dash)
            if after < chart.endIndex, chart[after].isNumber { return String(chart[after...]) }
            i = after
        }
        return nil
    }

    enum CodingKeys: String, CodingKey { case name, namespace, revision, updated, status, chart, appVersion = "app_version" }

    /// Decodes helm's JSON (the revision is a string there).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        namespace = try c.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        if let s = try? c.decodeIfPresent(String.self, forKey: .revision) {
            revision = Int(s) ?? 0
        } else {
            revision = (try? c.decodeIfPresent(Int.self, forKey: .revision)) ?? 0
        }
        updated = try c.decodeIfPresent(String.self, forKey: .updated) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? ""
        chart = try c.decodeIfPresent(String.self, forKey: .chart) ?? ""
        appVersion = try c.decodeIfPresent(String.self, forKey: .appVersion) ?? ""
    }
}

/// What `helm status` printed, with the header fields read out.
public struct HelmStatusReport: Sendable, Hashable {
    /// `STATUS:` (deployed, failed, …).
    public var status: String
    /// `REVISION:`.
    public var revision: Int
    /// `LAST DEPLOYED:` as printed.
    public var lastDeployed: String
    /// The NOTES section.
    public var notes: String
    /// The whole text.
    public var text: String

    /// Reads helm's status text.
    public init(text: String) {
        self.text = text
        var status = ""
        var revision = 0
        var deployed = ""
        var notes: [String] = []
        var inNotes = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if inNotes {
                notes.append(line)
                continue
            }
            if line == "NOTES:" {
                inNotes = true
            } else if line.hasPrefix("STATUS: ") {
                status = String(line.dropFirst(8))
            } else if line.hasPrefix("REVISION: ") {
                revision = Int(line.dropFirst(10)) ?? 0
            } else if line.hasPrefix("LAST DEPLOYED: ") {
                deployed = String(line.dropFirst(15))
            }
        }
        while notes.last == "" { notes.removeLast() }
        self.status = status
        self.revision = revision
        self.lastDeployed = deployed
        self.notes = notes.joined(separator: "\n")
    }
}

/// Runs helm through a `ProcessRunner`: quick queries return values; install, upgrade and
/// uninstall stream their output line by line.
public struct HelmClient: Sendable {
    /// Where commands run.
    public let runner: any ProcessRunner
    /// Which helm, which cluster.
    public var options: HelmOptions

    /// A client.
    public init(runner: any ProcessRunner, options: HelmOptions = HelmOptions()) {
        self.runner = runner
        self.options = options
    }

    // MARK: argv

    /// `helm version --short`.
    public var versionCommand: ProcessCommand { quick(["version", "--short"], cluster: false) }
    /// `helm repo add NAME URL`.
    public func repoAddCommand(name: String = PostHogChartRepository.name, url: String = PostHogChartRepository.url) -> ProcessCommand {
        ProcessCommand(options.executable, ["repo", "add", name, url], timeout: options.repositoryTimeout)
    }
    /// `helm repo update`.
    public var repoUpdateCommand: ProcessCommand {
        ProcessCommand(options.executable, ["repo", "update"], timeout: options.repositoryTimeout)
    }
    /// `helm list -n NS -o json`.
    public func listCommand(namespace: String) -> ProcessCommand { quick(["list", "-n", namespace, "-o", "json"]) }
    /// `helm get values NAME -n NS -o yaml`: the values the release was installed with.
    public func userValuesCommand(release: String, namespace: String) -> ProcessCommand {
        quick(["get", "values", release, "-n", namespace, "-o", "yaml"])
    }
    /// `helm status NAME -n NS`.
    public func statusCommand(release: String, namespace: String) -> ProcessCommand { quick(["status", release, "-n", namespace]) }

    /// `helm install -f VALUES --timeout 20m --create-namespace --namespace NS NAME CHART [--version V]`.
    public func installCommand(_ r: HelmReleaseRequest) -> ProcessCommand {
        long(
            [
                "install", "-f", r.valuesFile, "--timeout", KubectlOptions.goDuration(r.timeout), "--create-namespace",
                "--namespace", r.namespace, r.release, r.chart,
            ] + version(r), r.timeout)
    }

    /// `helm upgrade -f VALUES --timeout 20m --namespace NS NAME CHART [--version V]`.
    public func upgradeCommand(_ r: HelmReleaseRequest) -> ProcessCommand {
        long(
            [
                "upgrade", "-f", r.valuesFile, "--timeout", KubectlOptions.goDuration(r.timeout),
                "--namespace", r.namespace, r.release, r.chart,
            ] + version(r), r.timeout)
    }

    /// `helm uninstall NAME --namespace NS`.
    public func uninstallCommand(release: String, namespace: String) -> ProcessCommand {
        long(["uninstall", release, "--namespace", namespace], .seconds(300))
    }

    // MARK: calls

    /// The values the release was installed with (`{}` when none were given).
    public func userValues(release: String, namespace: String) async throws -> String {
        try await text(userValuesCommand(release: release, namespace: namespace))
    }

    /// `helm history RELEASE -n NS -o json`.
    public func historyCommand(release: String, namespace: String) -> ProcessCommand {
        quick(["history", release, "-n", namespace, "-o", "json"])
    }

    /// The release's revisions, oldest first.
    public func history(release: String, namespace: String) async throws -> [HelmRevision] {
        let text = try await text(historyCommand(release: release, namespace: namespace))
        return try JSONValueDecoder().decode([HelmRevision].self, from: Data(text.utf8)).sorted { $0.revision < $1.revision }
    }

    /// `helm get manifest RELEASE -n NS`: the objects the release created, as YAML documents.
    public func manifestCommand(release: String, namespace: String) -> ProcessCommand {
        quick(["get", "manifest", release, "-n", namespace])
    }

    /// The release's manifest (its objects as a YAML stream).
    public func manifest(release: String, namespace: String) async throws -> String {
        try await text(manifestCommand(release: release, namespace: namespace))
    }

    /// helm's version, e.g. `v3.16.3+gcfd0749`.
    public func version() async throws -> String {
        try await text(versionCommand).trimmingWhitespaceAndNewlines()
    }

    /// Adds the chart repository (helm says so when it is there already); returns helm's line.
    @discardableResult
    public func repoAdd(name: String = PostHogChartRepository.name, url: String = PostHogChartRepository.url) async throws -> String {
        try await text(repoAddCommand(name: name, url: url)).trimmingWhitespaceAndNewlines()
    }

    /// Refreshes the repository indexes, passing helm's lines on.
    public func repoUpdate(onLine: @escaping @Sendable (OutputLine) -> Void = { _ in }) async throws {
        _ = try await stream(repoUpdateCommand, onLine: onLine)
    }

    /// The releases in a namespace.
    public func list(namespace: String) async throws -> [HelmRelease] {
        let cmd = listCommand(namespace: namespace)
        let out = try await text(cmd)
        do { return try JSONValueDecoder().decode([HelmRelease].self, from: Data(out.utf8)) } catch {
            throw HelmCommandError(
                kind: .unreadableOutput, command: cmd.displayString, message: "\(error)",
                hint: "helm printed JSON we could not read; helm 3 is required.")
        }
    }

    /// The installed release of that name, or nil.
    public func installedRelease(_ release: String, namespace: String) async throws -> HelmRelease? {
        try await list(namespace: namespace).first { $0.name == release }
    }

    /// `helm status`, or nil when the release does not exist.
    public func status(release: String, namespace: String) async throws -> HelmStatusReport? {
        do { return HelmStatusReport(text: try await text(statusCommand(release: release, namespace: namespace))) } catch let e
            as HelmCommandError where e.kind == .releaseNotFound
        { return nil }
    }

    /// Installs, streaming helm's lines; throws `HelmCommandError` on failure.
    @discardableResult
    public func install(_ r: HelmReleaseRequest, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        try await stream(installCommand(r), onLine: onLine)
    }

    /// Upgrades, streaming helm's lines; throws `HelmCommandError` on failure.
    @discardableResult
    public func upgrade(_ r: HelmReleaseRequest, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        try await stream(upgradeCommand(r), onLine: onLine)
    }

    /// Uninstalls, streaming helm's lines; throws `HelmCommandError` on failure.
    @discardableResult
    public func uninstall(release: String, namespace: String, onLine: @escaping @Sendable (OutputLine) -> Void = { _ in }) async throws
        -> ProcessResult
    {
        try await stream(uninstallCommand(release: release, namespace: namespace), onLine: onLine)
    }

    // MARK: plumbing

    /// Runs a command, passing each line on; throws `HelmCommandError` unless it succeeded.
    public func stream(_ cmd: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        let result = try await runner.run(cmd, onLine: onLine)
        if case .detached = result.status { return result }
        guard result.status.isSuccess else { throw HelmCommandError.from(result, command: cmd) }
        return result
    }

    func text(_ cmd: ProcessCommand) async throws -> String {
        try await stream(cmd, onLine: { _ in }).standardOutput
    }

    private func quick(_ args: [String], cluster: Bool = true) -> ProcessCommand {
        ProcessCommand(options.executable, args + (cluster ? options.clusterFlags : []), timeout: options.quickTimeout)
    }

    /// helm's own timeout plus five minutes, so helm reports its timeout before we stop it.
    private func long(_ args: [String], _ helmTimeout: Duration) -> ProcessCommand {
        ProcessCommand(options.executable, args + options.clusterFlags, timeout: helmTimeout + .seconds(300))
    }

    private func version(_ r: HelmReleaseRequest) -> [String] { r.chartVersion.map { ["--version", $0] } ?? [] }
}
