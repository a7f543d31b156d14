import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Kube
import YAML

/// The work behind `posthog-install support-bundle`: what someone helping needs (versions, the
/// release, its history and values, nodes, the namespace's objects, events, descriptions and
/// logs), with every password and token masked, in one .tar.gz. Secrets themselves are never
/// read: only their names and types.
struct SupportBundleRun {
    /// The parsed command line.
    struct Request {
        var output: String?
        var valuesPath = "values.yaml"
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        /// Log lines kept per container.
        var logLines = 500
    }

    let files: any FileSystem
    let connection: ClusterConnection
    let clock: any WallClock
    let emit: @Sendable (String) -> Void
    /// Where error lines go (standard error for the command); `emit` when nil.
    var fail: (@Sendable (String) -> Void)?

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Collects and writes the bundle; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: false) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let stamp = clock.now.fileStamp
        let output = request.output ?? "posthog-support-\(stamp).tar.gz"
        guard output.hasSuffix(".tar.gz") || output.hasSuffix(".tgz") else {
            throw ValuesRun.Failure.input("-o \(output): the bundle is a gzip-compressed tar archive; give a name ending in .tar.gz")
        }
        var redactor = Redactor()
        let localValues = files.exists(request.valuesPath) ? (try? files.readString(request.valuesPath)) : nil
        for secret in SupportBundleRun.passwords(in: localValues ?? "") { redactor.register(secret) }

        var collector = BundleCollector(runner: connection.runner, redactor: redactor, folder: "posthog-support-\(stamp)")
        let k = connection.kubectl, ns = request.namespace
        emit("Collecting what someone helping you needs (passwords and tokens are masked)…")
        await collector.add("versions/kubectl.json", k.command(["version"]))
        await collector.add("versions/helm.txt", connection.helm.versionCommand)
        await collector.add("helm/list.json", connection.helm.listCommand(namespace: ns))
        await collector.add("helm/history.json", connection.helm.historyCommand(release: request.release, namespace: ns))
        await collector.add("helm/values.yaml", connection.helm.userValuesCommand(release: request.release, namespace: ns))
        await collector.add("helm/status.txt", connection.helm.statusCommand(release: request.release, namespace: ns))
        await collector.add("cluster/nodes.yaml", k.command(["get", "nodes", "-o", "yaml"], json: false))
        await collector.add("cluster/storageclasses.yaml", k.command(["get", "storageclasses", "-o", "yaml"], json: false))
        await collector.add("namespace/objects.yaml", k.command(["get", "pods,deployments,statefulsets,jobs,persistentvolumeclaims,services,ingresses",
                                                                 "-o", "yaml"], namespace: ns, json: false))
        await collector.add("namespace/secrets.txt", k.command(["get", "secrets"], namespace: ns, json: false))
        await collector.add("namespace/events.txt", k.command(["get", "events", "--sort-by=.lastTimestamp"], namespace: ns, json: false))
        await collector.add("namespace/describe-pods.txt", k.command(["describe", "pods"], namespace: ns, json: false))
        let pods = (try? await k.pods(namespace: ns)) ?? []
        for pod in pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                let base = "logs/\(pod.name)/\(status.name)"
                await collector.add(base + ".log", k.command(["logs", pod.name, "-c", status.name, "--tail", String(request.logLines)],
                                                             namespace: ns, json: false))
                if status.restartCount > 0 {
                    await collector.add(base + ".previous.log", k.command(["logs", pod.name, "-c", status.name, "--previous",
                                                                           "--tail", String(request.logLines)], namespace: ns, json: false))
                }
            }
        }
        if let localValues { collector.addText("local/values.yaml", localValues) }
        collector.addText("README.txt", SupportBundleText.readme(request: request, stamp: stamp, problems: collector.problems))
        do { try TarGzWriter.write(collector.entries, to: output, modified: clock.now.date) } catch {
            emitError("Error: \(error)")
            return .failed
        }
        emit("Wrote \(output): \(collector.entries.count) files" + (collector.problems.isEmpty ? "." : ", \(collector.problems.count) of the collections failed (listed in README.txt)."))
        emit("Passwords, tokens and the values of password-like keys are masked. Look through it before you share it; "
             + "it holds host names, IP addresses and log lines.")
        return .success
    }

    /// The values of password-like keys in a values file, to mask wherever they appear.
    static func passwords(in text: String) -> [String] {
        guard let values = try? YAML.parse(text, file: "values.yaml") else { return [] }
        var found: [String] = []
        func walk(_ v: YAMLValue, key: String) {
            switch v {
            case .mapping(let m): m.keys.forEach { k in m[k].map { walk($0, key: k) } }
            case .sequence(let s): s.forEach { walk($0, key: key) }
            case .string(let s) where ["password", "secret", "token", "key"].contains(where: { key.lowercased().contains($0) }): found.append(s)
            default: break
            }
        }
        walk(values, key: "")
        return found
    }
}

/// Runs the bundle's commands and keeps their redacted output as archive entries.
struct BundleCollector {
    let runner: any ProcessRunner
    let redactor: Redactor
    let folder: String
    private(set) var entries: [TarGzWriter.Entry] = []
    private(set) var problems: [String] = []

    init(runner: any ProcessRunner, redactor: Redactor, folder: String) {
        self.runner = runner; self.redactor = redactor; self.folder = folder
    }

    /// Runs `command` and keeps what it printed; a failure is noted and the bundle goes on.
    mutating func add(_ name: String, _ command: ProcessCommand) async {
        do {
            let result = try await runner.run(command)
            let text = result.status.isSuccess ? result.standardOutput
                : result.standardOutput + (result.standardOutput.isEmpty ? "" : "\n") + "# \(command.displayString) failed: \(result.status)\n" + result.standardError
            if !result.status.isSuccess { problems.append("\(name): \(command.displayString) failed (\(result.status))") }
            addText(name, text)
        } catch {
            problems.append("\(name): \(error)")
        }
    }

    /// Keeps `text` (redacted) as `name`.
    mutating func addText(_ name: String, _ text: String) {
        let masked = text.split(separator: "\n", omittingEmptySubsequences: false).map { redactor.redact(String($0)) }.joined(separator: "\n")
        entries.append(TarGzWriter.Entry(path: "\(folder)/\(name)", text: masked))
    }
}

/// The bundle's README (pure).
enum SupportBundleText {
    /// What is inside and what failed to be collected.
    static func readme(request: SupportBundleRun.Request, stamp: String, problems: [String]) -> String {
        var lines = [
            "posthog-install support bundle, \(stamp)",
            "Release \(request.release) in namespace \(request.namespace), kubectl context \(request.context ?? "(current)").",
            "posthog-install \(ToolVersion.current).",
            "",
            "versions/   kubectl and helm",
            "helm/       the release: list, history, user-supplied values, status",
            "cluster/    nodes and storage classes",
            "namespace/  the namespace's objects, events, pod descriptions, secret names (never their data)",
            "logs/       the last \(request.logLines) lines of every container (and of its previous run after a restart)",
            "local/      the values.yaml posthog-install used",
            "",
            "Passwords, tokens and the values of password-like keys are replaced with ***.",
        ]
        if !problems.isEmpty { lines += ["", "Could not be collected:"] + problems.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
