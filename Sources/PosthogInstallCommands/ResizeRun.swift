import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import YAML

/// The work behind `posthog-install resize`: new volume sizes in values.yaml, then the chart
/// documentation's procedure: grow each claim, recreate its StatefulSet without touching the
/// pods (`--cascade=orphan`), `helm upgrade` with the saved values, and wait for the capacity.
struct ResizeRun {
    /// The parsed command line.
    struct Request {
        /// Component → new size, in the order given.
        var sizes: [(component: String, size: String)] = []
        var valuesPath = "values.yaml"
        /// `--chart DIR|TGZ`: the chart the release was installed from; nil uses the repository's.
        var chart: String?
        var namespace = "posthog"
        var release = "posthog"
        var context: String?
        var yes = false
        var dryRun = false
        /// How long to wait for the volumes to report their new size.
        var timeout: Duration = .seconds(15 * 60)
    }

    let files: any FileSystem
    let profiles: [ProfileSet]
    let connection: ClusterConnection
    let clock: any WallClock
    /// Prints one line (standard output).
    let emit: @Sendable (String) -> Void
    /// Where error lines go (standard error for the headless command); nil sends them to `emit`.
    var fail: (@Sendable (String) -> Void)?

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Runs the resize; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        guard !request.sizes.isEmpty else {
            throw ValuesRun.Failure.input("say which volume to grow and to what size, for example: posthog-install resize --clickhouse 200Gi (also --postgresql, --kafka, --redis)")
        }
        // The sizes are checked before anything is asked of the cluster (docs/commands.md, step 1).
        for (component, size) in request.sizes {
            if case .failure(let problem) = AnswerChecks.storageSize(size) {
                throw ValuesRun.Failure.input("--\(component) \(size): \(problem.description)\nvalues.yaml was left as it is.")
            }
        }
        let path = request.valuesPath
        guard files.exists(path) else {
            throw ValuesRun.Failure.input("\(path) was not found. resize changes the values.yaml PostHog was installed with; give it with --values FILE.")
        }
        let text: String
        do { text = try files.readString(path) } catch {
            throw ValuesRun.Failure.input("cannot read the values file \(path): \(error)")
        }
        do { _ = try YAML.parse(text, file: path) } catch let error as YAMLError {
            throw ValuesRun.Failure.input("\(error.description)\nFix the line above in \(path), then run the same resize again; nothing was changed.")
        }

        // 1. The release, and the profile of its chart version (the size keys differ per chart).
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let release: HelmRelease?
        do { release = try await connection.helm.installedRelease(request.release, namespace: request.namespace) } catch {
            throw ValuesRun.Failure(message: "cannot ask the cluster which releases are installed: \(error)", status: .failed)
        }
        guard let release else {
            throw ValuesRun.Failure(message: "no PostHog release \"\(request.release)\" is installed in namespace \(request.namespace), so there are no volumes to grow. Give --namespace and --release if it was installed under other names.", status: .failed)
        }
        let version = release.chartVersion
        guard let profile = version.flatMap({ ProfileSet.forChartVersion($0, in: profiles) }) ?? profiles.first(where: { $0.id == "chart-30" }) else {
            throw ValuesRun.Failure(message: "posthog-install has no settings for the installed chart \(release.chart)", status: .failed)
        }

        // The chart of the upgrade: the installed version, from the repository or the local chart given.
        var chartLocation: ChartLocation?
        if let chart = request.chart {
            let localVersion: String?
            do { localVersion = try LocalChartVersion.read(chart, files: files) } catch {
                throw ValuesRun.Failure(message: error.description, status: .badInput)
            }
            guard let localVersion else {
                throw ValuesRun.Failure(message: "--chart \(chart): no such directory or file. Give the chart folder or .tgz the release was installed from, or leave --chart out to use the chart repository.", status: .badInput)
            }
            if let version, VersionNumber(localVersion) != VersionNumber(version) {
                throw ValuesRun.Failure(message: "--chart \(chart) is chart version \(localVersion), but the release runs \(version). A resize keeps the installed chart version: give the chart it was installed from, or change versions with `posthog-install upgrade` first.", status: .badInput)
            }
            chartLocation = .local(path: chart)
        }

        // 2. The new values.yaml text (not written yet): refuses unknown components, sizes
        //    without units and shrinking, with the file untouched.
        let edited: (text: String, changes: [VolumeResize.Change])
        do { edited = try VolumeResize.apply(request.sizes, to: text, file: path, profile: profile) } catch let problem as VolumeResize.Problem {
            throw ValuesRun.Failure.input("\(problem.description)\n\(path) was left as it is.")
        } catch let error as YAMLError {
            throw ValuesRun.Failure.input("\(error.description)\n\(path) was left as it is.")
        }

        // 3. What the cluster has: claims, their StatefulSets and StorageClasses.
        let kubectl = connection.kubectl
        let targets: [VolumeGrowth.Target]
        do {
            let claims = try await kubectl.persistentVolumeClaims(namespace: request.namespace)
            let sets = try await kubectl.statefulSets(namespace: request.namespace)
            let classes = try await kubectl.storageClasses()
            targets = try VolumeGrowth.plan(sizes: request.sizes.map { ($0.component.lowercased(), $0.size.trimmingSpacesAndTabs()) },
                                            claims: claims, statefulSets: sets, storageClasses: classes, namespace: request.namespace)
        } catch let problem as VolumeGrowth.Problem {
            emitError("Error: \(problem.description)")
            switch problem.kind {
            case .badRequest: return .badInput
            case .notFound: return .failed
            case .blocked: return .preflightBlocked
            }
        } catch let error as KubectlError {
            throw ValuesRun.Failure(message: "cannot read the volumes in namespace \(request.namespace): \(error)", status: .failed)
        }
        if edited.changes.isEmpty && !targets.contains(where: \.needsPatch) {
            return try await alreadyRequested(targets, request: request)
        }

        // 4. The plan.
        let context = request.context ?? connection.context
        var options = PlanOptions(chartInfo: profile.chart, chartVersion: version, context: context,
                                  namespace: request.namespace, release: request.release, valuesFile: path)
        if let chartLocation { options.chart = chartLocation }
        let upgrade = Plans.upgradeCommand(options)
        // A repository chart needs the repository known to helm on this machine (a release
        // installed elsewhere, or from a chart folder, may never have added it).
        let repoSteps = Plans.repoSteps(options)
        let sets = orderedUnique(targets.filter { !$0.managedByOperator }.compactMap(\.statefulSet))
        emit("Resize plan (kubectl context \(context ?? "(current)")):")
        for change in edited.changes {
            emit("  - \(path): \(ValuePath.join(change.path)) \(change.from ?? "(chart default)") → \(change.to)")
        }
        for target in targets where target.needsPatch {
            emit("  - Grow \(target.claim) from \(target.current ?? "?") to \(target.size): \(kubectl.patchClaimStorageCommand(target.claim, size: target.size, namespace: request.namespace).displayString)")
        }
        for set in sets {
            emit("  - Remove the StatefulSet \(set), keeping its pods running, so the upgrade can recreate it with the new size: \(kubectl.deleteStatefulSetOrphanCommand(set, namespace: request.namespace).displayString)")
        }
        for step in repoSteps { if case .run(let argv) = step.action { emit("  - \(step.title): \(ShellQuote.join(argv))") } }
        emit("  - Upgrade with the saved values (chart \(version ?? "as installed")): \(ShellQuote.join(upgrade))")
        emit("  - Wait until every volume reports its new size (checked every 2 s).")
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if !connection.simulated && request.context == nil && !request.yes {
            emit("")
            emitError("Error: this would change the cluster of kubectl's current context. Run again with --context NAME (or --yes) to confirm that is the cluster you mean.")
            return .badInput
        }

        // 5. Grow the claims first: if the cluster refuses, values.yaml stays as it was.
        for target in targets where target.needsPatch {
            do {
                emit("→ " + (try await kubectl.patchClaimStorage(target.claim, size: target.size, namespace: request.namespace)))
            } catch {
                emitError("Error: growing \(target.claim) failed: \(error)")
                emit("\(path) was left as it is. If the message says the disk must be unattached, see docs/troubleshooting.md (Resize).")
                return .failed
            }
        }
        if !edited.changes.isEmpty {
            do {
                let backup = try files.writeAtomically(path, edited.text, mode: 0o600, backup: .keepLast(5))
                emit("→ Wrote \(path)" + (backup.map { " (the previous version is kept as \($0))" } ?? "") + ".")
            } catch {
                emitError("Error: cannot write \(path): \(error). The volumes are growing already; fix the file problem and run the same resize again.")
                return .failed
            }
        }
        for set in sets {
            do {
                emit("→ " + (try await kubectl.deleteStatefulSetOrphan(set, namespace: request.namespace)) + " (its pods keep running)")
            } catch let error as KubectlError where error.kind == .notFound {
                emit("→ The StatefulSet \(set) is already gone (an earlier resize removed it); the upgrade recreates it.")
            } catch {
                emitError("Error: removing the StatefulSet \(set) failed: \(error)")
                emit("\(path) has the new sizes; run the same resize again to continue.")
                return .failed
            }
        }
        for step in repoSteps {
            guard case .run(let argv) = step.action else { continue }
            emit("→ \(ShellQuote.join(argv))")
            guard try await runStep(step, argv: argv) else {
                emit("\(path) has the new sizes and the volumes are growing; once the problem above is fixed, run posthog-install resize again.")
                return .failed
            }
        }
        emit("→ \(ShellQuote.join(upgrade))")
        guard try await runStep(PlanStep(id: "upgrade", title: "Upgrade PostHog with the new volume sizes", action: .run(upgrade)), argv: upgrade) else {
            emit("\(path) has the new sizes and the volumes are growing; once the problem above is fixed, run posthog-install resize again (or posthog-install upgrade).")
            return .failed
        }
        return try await watch(targets, request: request)
    }

    /// Sizes already requested earlier (a resize that stopped half-way): only wait for them.
    private func alreadyRequested(_ targets: [VolumeGrowth.Target], request: Request) async throws -> ToolExitCode {
        emit("\(request.valuesPath) and the volumes already ask for these sizes.")
        return try await watch(targets, request: request)
    }

    private func runStep(_ step: PlanStep, argv: [String]) async throws -> Bool {
        let printer = HeadlessPrinter(emit: emit, emitError: fail)
        let steps = ClusterSteps(connection: connection, clock: clock, report: { printer.print($0) })
        return try await steps.run(step, argv: argv, watchNamespace: nil)
    }

    /// Polls the claims every 2 s until each reports its new capacity, or the time runs out.
    private func watch(_ targets: [VolumeGrowth.Target], request: Request) async throws -> ToolExitCode {
        emit("")
        emit("Waiting for the volumes to report their new size…")
        let start = clock.monotonic
        var shown: [String: String] = [:]
        while true {
            let claims = (try? await connection.kubectl.persistentVolumeClaims(namespace: request.namespace)) ?? []
            for target in targets {
                let capacity = claims.first { $0.metadata.name == target.claim }?.capacity?.text ?? "?"
                if shown[target.claim] != capacity {
                    shown[target.claim] = capacity
                    emit("  \(target.claim): \(capacity) of \(target.size)")
                }
            }
            if !claims.isEmpty && VolumeGrowth.done(targets, claims: claims) {
                emit("Done: every volume has its new size.")
                return .success
            }
            if clock.monotonic - start >= request.timeout {
                let waiting = targets.filter { t in (claims.first { $0.metadata.name == t.claim }?.capacity?.value ?? 0) < t.bytes }.map(\.claim)
                emitError("Error: after \(request.timeout.components.seconds / 60) minutes \(waiting.joined(separator: ", ")) still \(waiting.count == 1 ? "reports" : "report") the old size.")
                emit("The new size is requested and kept in \(request.valuesPath); the volume driver has not finished. Check kubectl describe pvc \(waiting.first ?? "NAME") -n \(request.namespace):")
                emit("FileSystemResizePending means the file system grows when the pod restarts (kubectl delete pod of that StatefulSet); an error event from the driver says what it refused.")
                return .failed
            }
            try await clock.sleep(for: .seconds(2))
        }
    }

    private func orderedUnique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
