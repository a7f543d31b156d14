import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Helm
import Installer
import JSON
import Kube
import Synchronization
import YAML

/// The work behind `posthog-install support-bundle`: what someone helping needs (versions, the
/// release, its history and values, nodes with their usage, every object of the namespace,
/// events, descriptions of pods that are not ready, logs, the preflight, the last transcripts
/// and a summary of what looks wrong), with every password and token masked, in one .tar.gz.
/// Secrets are read only to mask their values wherever else they appear; the bundle holds
/// their names, types and keys.
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
        /// Replace an existing output file without asking.
        var force = false
        /// Where the transcripts of earlier runs are (the XDG state directory); nil leaves them out.
        var transcriptDirectory: String?
        /// How many of the newest transcripts go in.
        var transcripts = 3
    }

    let files: any FileSystem
    let connection: ClusterConnection
    let clock: any WallClock
    let emit: @Sendable (String) -> Void
    /// Where error lines go (standard error for the command); `emit` when nil.
    var fail: (@Sendable (String) -> Void)?
    /// Asks y/N on a terminal (replace an existing file?); nil when there is none.
    var ask: (@Sendable (String) -> Bool)?
    /// The built-in profiles (for the preflight); empty leaves the preflight out.
    var profiles: [ProfileSet] = []

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Collects and writes the bundle; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let stamp = clock.now.fileStamp
        let output = request.output ?? "posthog-support-\(stamp).tar.gz"
        // Where it goes is checked first, so nothing is collected for a file that cannot be written.
        guard output.hasSuffix(".tar.gz") || output.hasSuffix(".tgz") else {
            throw ValuesRun.Failure.input("-o \(output): the bundle is a gzip-compressed tar archive; give a name ending in .tar.gz")
        }
        if let problem = Self.unwritable(output) {
            throw ValuesRun.Failure.input("-o \(output): \(problem). Nothing was collected; choose another place with -o.")
        }
        if LocalFileSystem().exists(output), !request.force {
            guard let ask else {
                throw ValuesRun.Failure.input(
                    "\(output) exists already. Pass --force to replace it, or choose another name with -o. Nothing was collected.")
            }
            guard ask("\(output) exists already. Replace it?") else {
                emit("Nothing was collected; \(output) is as it was.")
                return .stopped
            }
        }
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: false) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let started = clock.monotonic
        var redactor = Redactor()
        let localValues = files.exists(request.valuesPath) ? (try? files.readString(request.valuesPath)) : nil
        for secret in Self.passwords(in: localValues ?? "") { redactor.register(secret) }

        var c = BundleCollector(
            runner: connection.runner, redactor: redactor, folder: "posthog-support-\(stamp)", clock: clock,
            progress: emit)
        let k = connection.kubectl
        let helm = connection.helm
        let ns = request.namespace
        emit("Collecting what someone helping you needs into \(output) (passwords and tokens are masked):")

        // Secrets first: their values are read only so they can be masked everywhere else.
        await collectSecrets(&c, namespace: ns)
        // The release's values may hold passwords values.yaml does not (an older revision's).
        if let values = await c.add("helm/values.yaml", helm.userValuesCommand(release: request.release, namespace: ns)) {
            for secret in Self.passwords(in: values.replacing("USER-SUPPLIED VALUES:\n", with: "")) { c.redactor.register(secret) }
        }
        c.addText("versions/posthog-install.txt", "posthog-install \(ToolVersion.current)\n")
        await c.add("versions/kubectl.json", k.command(["version"]))
        await c.add("versions/helm.txt", helm.versionCommand)
        let list = await c.add("helm/list.json", helm.listCommand(namespace: ns))
        await c.add("helm/history.json", helm.historyCommand(release: request.release, namespace: ns))
        await c.add("helm/status.txt", helm.statusCommand(release: request.release, namespace: ns))
        let manifest = await c.add("helm/manifest.yaml", helm.manifestCommand(release: request.release, namespace: ns))
        await c.add("cluster/nodes.json", k.nodesCommand)
        await c.add("cluster/node-metrics.txt", k.command(["top", "nodes"], json: false))
        await c.add("cluster/storageclasses.json", k.storageClassesCommand)
        await c.add("cluster/volumesnapshotclasses.json", k.command(["get", "volumesnapshotclasses"]))
        await collectObjects(&c, namespace: ns)
        await c.add("namespace/events.json", k.command(["get", "events"], namespace: ns))
        let pods = (try? await k.pods(namespace: ns)) ?? []
        for pod in pods where !pod.isReady && !pod.isTerminated {
            await c.add("describe/\(pod.name).txt", k.command(["describe", "pod", pod.name], namespace: ns, json: false))
        }
        for pod in pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                let base = "logs/\(pod.name)/\(status.name)"
                await c.add(
                    base + ".log",
                    k.command(
                        ["logs", pod.name, "-c", status.name, "--tail", String(request.logLines)],
                        namespace: ns, json: false))
                if status.restartCount > 0 {
                    await c.add(
                        base + ".previous.log",
                        k.command(
                            [
                                "logs", pod.name, "-c", status.name, "--previous",
                                "--tail", String(request.logLines),
                            ], namespace: ns, json: false))
                }
            }
        }
        let preflight = await preflightLines(request, listJSON: list, manifest: manifest)
        c.addText("preflight.txt", preflight.joined(separator: "\n") + "\n")
        emit("  ✓ preflight.txt")
        if let localValues { c.addText("local/values.yaml", localValues) }
        addTranscripts(&c, request)

        let facts = await SupportBundleFacts.gather(kubectl: k, helm: helm, clock: clock, request: request, pods: pods)
        c.addText("SUMMARY.txt", SupportBundleText.summary(facts, preflight: preflight, problems: c.problems))
        c.addText("README.txt", SupportBundleText.readme(request: request, stamp: stamp, problems: c.problems))
        do { try TarGzWriter.write(c.entries, to: output, modified: clock.now.date) } catch {
            emitError("Error: \(error). Nothing was written.")
            return .failed
        }
        let size = (try? LocalFileSystem().readBytes(output).count) ?? 0
        emit(
            "Wrote \(output): \(c.entries.count) files, \(SupportBundleText.size(size)), in \(BundleCollector.seconds(clock.monotonic - started))"
                + (c.problems.isEmpty
                    ? "." : "; \(c.problems.count) collector\(c.problems.count == 1 ? "" : "s") failed (listed in README.txt)."))
        emit(
            "SUMMARY.txt inside says what looks wrong. Passwords, tokens and secret values are masked; look through it before you share it: "
                + "it holds host names, IP addresses and log lines.")
        return .success
    }

    /// The namespace's Secrets: names, types and keys kept; every value registered for masking.
    private func collectSecrets(_ c: inout BundleCollector, namespace: String) async {
        let name = "namespace/secrets.txt"
        let command = connection.kubectl.command(["get", "secrets"], namespace: namespace)
        let result = try? await connection.runner.run(command)
        guard let result, result.status.isSuccess else {
            let reason = result.flatMap { BundleCollector.firstErrorLine($0.standardError) } ?? "it could not be run"
            c.fail(name, "\(command.displayString): \(reason)")
            return
        }
        let secrets = SecretInventory.read(result.standardOutput)
        for value in secrets.flatMap(\.values) { c.redactor.register(value) }
        c.addText(name, SecretInventory.text(secrets))
        emit("  ✓ \(name) (names and keys only)")
    }

    /// Every listable kind of the namespace in one call, else kind by kind (a kind the person may
    /// not read is recorded and the others are still collected).
    private func collectObjects(_ c: inout BundleCollector, namespace: String) async {
        let k = connection.kubectl
        let discovered = await c.add(
            "cluster/api-resources.txt",
            k.command(["api-resources", "--verbs=list", "--namespaced", "-o", "name"], json: false))
        let kinds = NamespaceKinds.pick(discovered)
        if await c.add("namespace/objects.json", k.command(["get", kinds.joined(separator: ",")], namespace: namespace)) != nil { return }
        for kind in kinds { await c.add("namespace/objects/\(kind).json", k.command(["get", kind], namespace: namespace)) }
    }

    /// The preflight of an upgrade to the installed chart version, over the deployed manifest.
    private func preflightLines(_ request: Request, listJSON: String?, manifest: String?) async -> [String] {
        let installed = listJSON.flatMap { try? JSONValueDecoder().decode([HelmRelease].self, from: Data($0.utf8)) }?
            .first { $0.name == request.release }
        guard let installed, let manifest else { return ["No preflight: the release or its manifest could not be read."] }
        guard let profile = ProfileSet.forChartVersion(installed.chartVersion ?? "", in: profiles) else {
            return ["No preflight: this version of posthog-install has no profile for chart \(installed.chart)."]
        }
        let sorted = (try? ManifestSorter.sort(["release/manifest.yaml": manifest]))?.manifests ?? []
        guard
            let facts = try? await PreflightGathering(connection: connection).facts(
                operation: .upgrade, namespace: request.namespace, release: request.release, confirmedContext: request.context,
                acceptCurrentContext: true, profile: profile, manifests: sorted)
        else {
            return ["No preflight: the cluster's facts could not be gathered."]
        }
        let lines = LineBuffer()
        HeadlessPrinter(emit: { lines.append($0) }, emitError: { lines.append($0) })
            .print(.preflight(Preflight.run(facts)))
        return lines.lines
    }

    /// The newest transcripts of earlier runs (already masked when written; masked again).
    private func addTranscripts(_ c: inout BundleCollector, _ request: Request) {
        guard let directory = request.transcriptDirectory,
            let names = try? files.listDirectory(directory)
        else { return }
        let own = connection.transcriptPath.map { String($0.split(separator: "/").last ?? "") }
        let newest = names.filter { $0.hasPrefix("transcript-") && $0.hasSuffix(".log") && $0 != own }.sorted().suffix(request.transcripts)
        for name in newest {
            if let text = try? files.readString(joinPath(directory, name)) { c.addText("transcripts/\(name)", text) }
        }
    }

    /// Why `path` cannot be written (its folder is missing or not writable), or nil.
    static func unwritable(_ path: String) -> String? {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return "the folder \(folder) does not exist" }
        guard access(folder, W_OK) == 0 else { return "the folder \(folder) is not writable" }
        return nil
    }

    /// The values of password-like keys in a values file, to mask wherever they appear.
    static func passwords(in text: String) -> [String] {
        guard let values = try? YAML.parse(text, file: "values.yaml") else { return [] }
        var found: [String] = []
        func walk(_ v: YAMLValue, key: String) {
            switch v {
            case .mapping(let m): m.keys.forEach { k in m[k].map { walk($0, key: k) } }
            case .sequence(let s): s.forEach { walk($0, key: key) }
            case .string(let s) where ["password", "secret", "token", "key"].contains(where: { key.lowercased().contains($0) }):
                found.append(s)
            default: break
            }
        }
        walk(values, key: "")
        return found
    }
}

/// Lines collected from a printer (sendable).
final class LineBuffer: Sendable {
    private let stored = Mutex<[String]>([])
    func append(_ line: String) { stored.withLock { $0.append(line) } }
    var lines: [String] { stored.withLock { $0 } }
}
