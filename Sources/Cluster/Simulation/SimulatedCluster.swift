import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import JSON
import Synchronization

/// An in-process Kubernetes cluster with helm, answering the same kubectl and helm argv the
/// clients send, with the JSON, text, exit codes and error messages real kubectl v1.32 and
/// helm v3 print. `--simulate` runs every step against it, so the real code paths are exercised.
///
/// Time comes from the injected clock: objects progress (scheduling, volumes, pulls, readiness,
/// crashes) as that clock moves, which makes tests with a `ManualClock` deterministic.
///
/// With a state file the cluster outlives the process: every command loads the saved state under
/// the file's lock, brings it up to the clock's now, applies the command and saves it again, so
/// several processes (or several instances) share one cluster. Without one it lives in memory.
public final class SimulatedCluster: ProcessRunner, Sendable {
    /// The cluster's shape and faults (a saved cluster keeps the shape it was created with).
    public let spec: SimulatedClusterSpec
    /// Where the cluster is saved between commands; nil keeps it in memory only.
    public let stateFile: SimulatedStateFile?
    private let state: Mutex<SimState>
    private let saved = Mutex<SimulatedStateFile.Cache?>(nil)
    private let clock: any WallClock
    private let fileSystem: any FileSystem
    private let chartCache = Mutex<[String: Chart]>([:])
    private let shelf: SimulatedChartShelf

    /// A cluster as described by `spec`, living on `clock`; values files are read from `fileSystem`.
    /// With `stateFile` the cluster is loaded from and saved to that file around every command
    /// (a new one is created from `spec` when the file does not exist yet). Repository charts
    /// (`posthog/posthog --version V`) come from the archives in `chartCache` (the directory
    /// `ChartSource` downloads into), the built-in stand-in chart when none is there.
    public init(
        spec: SimulatedClusterSpec = SimulatedClusterSpec(), clock: any WallClock = SystemClock(),
        fileSystem: any FileSystem = LocalFileSystem(), stateFile: String? = nil, chartCache: String? = nil
    ) {
        self.spec = spec
        self.shelf = SimulatedChartShelf(directory: chartCache)
        self.clock = clock
        self.fileSystem = fileSystem
        self.stateFile = stateFile.map(SimulatedStateFile.init(path:))
        state = Mutex(SimState(spec: spec, now: Self.date(clock.now)))
    }

    /// Runs `body` on the cluster brought up to the clock's now: in memory, or under the state
    /// file's lock, loaded before and saved after. Never held across a suspension point.
    private func withState<T>(_ body: (inout SimState) -> T) throws(SimulatedStateFileError) -> T {
        let now = Self.date(clock.now)
        guard let stateFile else {
            return state.withLock { s in
                s.advance(to: now)
                return body(&s)
            }
        }
        let spec = self.spec
        return try saved.withLock { cache throws(SimulatedStateFileError) -> T in
            try stateFile.transaction(cache: &cache, fresh: { SimState(spec: spec, now: now) }) { s in
                s.advance(to: now)
                return body(&s)
            }
        }
    }

    /// The context name to pass as `--context` (the simulation's kubeconfig has only this one).
    public var contextName: String { spec.contextName }

    /// Answers a kubectl or helm command; any other program is "not found".
    public func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        try Task.checkCancellation()
        let program = command.executable.split(separator: "/").last.map(String.init) ?? command.executable
        let output: SimOutput
        switch program {
        case "kubectl":
            output = try withState { s in s.kubectl(command.arguments, input: command.standardInput) }
        case "helm":
            return try await helm(command, onLine: onLine)
        case "gcloud" where spec.flavour == .gcp:
            output = try withState { s in s.gcloud(command.arguments) }
        default:
            return ProcessResult(
                argv: command.argv,
                status: .notFound(name: command.executable, searched: ["(simulated cluster: kubectl and helm, and gcloud on GKE, only)"]))
        }
        return finish(command, output, onLine: onLine)
    }

    // MARK: helm

    private func helm(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        let a = SimulatedArguments(command.arguments, valueFlags: SimState.helmValueFlags, switchFlags: SimState.helmSwitches)
        if let unknown = a.unknownFlag { return finish(command, .fail("Error: \(unknown)"), onLine: onLine) }
        if let context = a.value("kube-context"), context != spec.contextName {
            return finish(command, .fail("Error: Kubernetes cluster unreachable: context \"\(context)\" does not exist"), onLine: onLine)
        }
        let verb = a.positionals.first
        if verb == "install" || verb == "upgrade" {
            return try await installOrUpgrade(a, command, upgrade: verb == "upgrade", onLine: onLine)
        }
        let output = try withState { s in s.helmQuick(a) }
        return finish(command, output, onLine: onLine)
    }

    private func installOrUpgrade(
        _ a: SimulatedArguments, _ command: ProcessCommand, upgrade requested: Bool,
        onLine: @escaping @Sendable (OutputLine) -> Void
    ) async throws -> ProcessResult {
        var upgrade = requested
        var prefix = upgrade ? "UPGRADE FAILED" : "INSTALLATION FAILED"
        func fail(_ message: String) -> ProcessResult { finish(command, .fail("Error: \(prefix): \(message)"), onLine: onLine) }
        let words = a.positionals
        guard words.count >= 3 else {
            return finish(
                command,
                .fail(
                    "Error: \"helm \(words.first ?? "install")\" requires 2 arguments\n\nUsage:  helm \(words.first ?? "install") [NAME] [CHART] [flags]"
                ), onLine: onLine)
        }
        let name = words[1]
        let chartRef = words[2]
        let namespace = a.value("namespace") ?? "default"
        guard let timeout = Self.parseGoDuration(a.value("timeout") ?? "5m0s") else {
            return finish(
                command,
                .fail(
                    "Error: invalid argument \"\(a.value("timeout") ?? "")\" for \"--timeout\" flag: time: invalid duration \"\(a.value("timeout") ?? "")\""
                ), onLine: onLine)
        }

        // Values files, read as helm reads them (relative to the working directory).
        var valueFiles: [(String, String)] = []
        for path in a.values["values"] ?? [] {
            let full = path.hasPrefix("/") || command.workingDirectory == nil ? path : (command.workingDirectory ?? "") + "/" + path
            guard let text = try? fileSystem.readString(full) else {
                return finish(command, .fail("Error: open \(path): no such file or directory"), onLine: onLine)
            }
            valueFiles.append((path, text))
        }

        // The chart: a local directory or archive, else REPO/NAME from an added repository.
        let chart: Chart
        let repositories = try withState { $0.repositories }
        do {
            if fileSystem.kind(of: chartRef) != nil {
                chart = try ChartLoader.load(path: chartRef)
            } else if let slash = chartRef.firstIndex(of: "/") {
                let repo = String(chartRef[..<slash])
                guard repositories[repo] != nil else { return fail("repo \(repo) not found") }
                let name = String(chartRef[chartRef.index(after: slash)...])
                switch shelf.pick(chart: name, version: a.value("version"), files: fileSystem) {
                case .cached(let path, _): chart = try loaded(path) { try ChartLoader.load(path: path) }
                case .standIn: chart = try loaded("") { try SimulatedChart.standIn() }
                }
            } else {
                return fail("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(chartRef)")
            }
        } catch {
            return fail("\(error)")
        }

        // What the release store says.
        let precheck: String? = try withState { s in
            let existing = s.releases.first { $0.name == name && $0.namespace == namespace }
            if upgrade, existing == nil {
                if a.has("install") {
                    upgrade = false
                    return nil
                }
                return "\"\(name)\" has no deployed releases"
            }
            if !upgrade {
                if existing != nil { return "cannot re-use a name that is still in use" }
                if s.namespaces[namespace] == nil, !a.has("create-namespace") {
                    return "create: failed to create: namespaces \"\(namespace)\" not found"
                }
            }
            return nil
        }
        prefix = upgrade ? "UPGRADE FAILED" : "INSTALLATION FAILED"
        if let precheck { return fail(precheck) }

        let rendered: (manifests: [JSONValue], notes: String, manifestText: String)
        let snapshot = try withState { $0 }
        do {
            rendered = try SimulatedChart.render(
                chart: chart, release: name, namespace: namespace,
                valueFiles: valueFiles, set: a.values["set"] ?? [], setString: a.values["set-string"] ?? [],
                kubeVersion: spec.serverVersion, isUpgrade: upgrade, cluster: snapshot)
        } catch {
            return fail("\(error)")
        }
        let version = a.value("version") ?? chart.metadata.version
        let valuesText = valueFiles.map(\.1).joined(separator: "\n---\n")

        // Create the objects and the release record.
        let forbidden: String? = try withState { s in
            let t = s.now
            // Checked again inside the same transaction that creates the release: another
            // process may have installed it since the check above (two installs at once).
            if !upgrade, s.releases.contains(where: { $0.name == name && $0.namespace == namespace }) {
                return "cannot re-use a name that is still in use"
            }
            if let unserved = s.unservedKind(in: rendered.manifests) { return unserved }
            if upgrade {
                let current = s
                if let refusal = rendered.manifests.lazy.compactMap({ current.forbiddenChange($0, namespace: namespace) }).first {
                    if let i = s.releases.firstIndex(where: { $0.name == name && $0.namespace == namespace }) {
                        s.releases[i].revision += 1
                        s.releases[i].updated = t
                        s.releases[i].chartVersion = version
                        s.releases[i].valuesText = valuesText
                        s.releases[i].recordRevision(
                            status: "failed", description: "Upgrade \"\(name)\" failed: \(refusal)",
                            manifest: rendered.manifestText)
                    }
                    return refusal
                }
            }
            if s.namespaces[namespace] == nil { s.namespaces[namespace] = t }
            var keys: [ObjectKey] = []
            for m in rendered.manifests { if let k = s.apply(m, namespace: namespace, release: name, at: t) { keys.append(k) } }
            if let i = s.releases.firstIndex(where: { $0.name == name && $0.namespace == namespace }) {
                for old in s.releases[i].objects where !keys.contains(old) { s.delete(old) }
                s.releases[i].revision += 1
                s.releases[i].status = "pending-upgrade"
                s.releases[i].updated = t
                s.releases[i].objects = keys
                s.releases[i].notes = rendered.notes
                s.releases[i].chartVersion = version
                s.releases[i].appVersion = chart.metadata.appVersion
                s.releases[i].valuesText = valuesText
                s.releases[i].recordRevision(status: "pending-upgrade", description: "Preparing upgrade", manifest: rendered.manifestText)
            } else {
                var r = SimRelease(
                    name: name, namespace: namespace, revision: 1, chartName: chart.metadata.name,
                    chartVersion: version, appVersion: chart.metadata.appVersion, status: "pending-install",
                    updated: t, notes: rendered.notes, objects: keys, valuesText: valuesText)
                r.recordRevision(status: "pending-install", description: "Initial install underway", manifest: rendered.manifestText)
                s.releases.append(r)
            }
            return nil
        }
        if let forbidden { return fail(forbidden) }

        // Wait like helm does for hooks (and for everything with --wait).
        let started = clock.monotonic
        var failure: String?
        while true {
            let verdict = try withState { s in
                s.waitVerdict(namespace: namespace, allWorkloads: a.has("wait"))
            }
            if let verdict {
                failure = verdict.isEmpty ? nil : verdict
                break
            }
            let waited = clock.monotonic - started
            if waited >= timeout {
                failure = "timed out waiting for the condition"
                break
            }
            if waited >= command.timeout {
                return ProcessResult(argv: command.argv, status: .timedOut(after: command.timeout), duration: waited)
            }
            try await clock.sleep(for: .seconds(2))
        }
        let final: SimOutput = try withState { s in
            guard let i = s.releases.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else {
                return .fail("Error: \(prefix): release: not found")
            }
            if let failure {
                let what = (upgrade ? "Upgrade \"\(name)\" failed: " : "Release \"\(name)\" failed: ") + failure
                s.releases[i].settle(status: "failed", description: what)
                return .fail("Error: \(prefix): " + (upgrade ? "post-upgrade hooks failed: " : "failed post-install: ") + failure)
            }
            s.releases[i].settle(status: "deployed", description: upgrade ? "Upgrade complete" : "Install complete")
            let head = upgrade ? "Release \"\(name)\" has been upgraded. Happy Helming!\n" : ""
            return SimOutput(stdout: head + s.statusText(s.releases[i]))
        }
        var result = finish(command, final, onLine: onLine)
        result.duration = clock.monotonic - started
        return result
    }

    /// A chart loaded once per process (key: the archive's path, empty for the stand-in).
    private func loaded(_ key: String, _ load: () throws -> Chart) throws -> Chart {
        if let cached = chartCache.withLock({ $0[key] }) { return cached }
        let chart = try load()
        chartCache.withLock { $0[key] = chart }
        return chart
    }

    // MARK: plumbing

    private func finish(_ command: ProcessCommand, _ output: SimOutput, onLine: @escaping @Sendable (OutputLine) -> Void) -> ProcessResult {
        for line in Self.lines(output.stdout) { onLine(OutputLine(.standardOutput, line)) }
        for line in Self.lines(output.stderr) { onLine(OutputLine(.standardError, line)) }
        return ProcessResult(
            argv: command.argv, status: .exited(output.code), standardOutput: output.stdout,
            standardError: output.stderr, executablePath: "/simulated/\(command.executable)")
    }

    private static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    static func date(_ t: Timestamp) -> Date { Date(timeIntervalSince1970: Double(t.nanosecondsSinceEpoch) / 1_000_000_000) }

    /// Go's `time.ParseDuration` for the forms helm users write: `20m`, `1h30m`, `90s`, `5m0s`.
    static func parseGoDuration(_ text: String) -> Duration? {
        var total = 0.0
        var number = ""
        var unit = ""
        var sawAny = false
        func flush() -> Bool {
            guard let n = Double(number) else { return false }
            let scale: Double
            switch unit {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            case "ms": scale = 0.001
            default: return false
            }
            total += n * scale
            number = ""
            unit = ""
            sawAny = true
            return true
        }
        for ch in text {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(ch)
            } else {
                unit.append(ch)
            }
        }
        if !number.isEmpty || !unit.isEmpty { guard flush() else { return nil } }
        return sawAny ? .milliseconds(Int64(total * 1000)) : nil
    }
}
