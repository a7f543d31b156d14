import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import Installer
import YAML

/// The work behind `posthog-install upgrade`: the saved values.yaml, the installed chart
/// version, the upgrade notes of every major boundary crossed (with the confirmations they
/// need), renamed keys migrated in place, a preflight, `helm upgrade` with live progress.
struct UpgradeRun {
    /// The parsed command line.
    struct Request {
        var valuesPath = "values.yaml"
        var chart: String?
        var chartVersion: String?
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        var yes = false
        var acceptDataLoss = false
        var dryRun = false
        /// Only show what would change (`posthog-install diff`): nothing is written or run.
        var previewOnly = false
        /// With `previewOnly`: the per-object diff too (`--details`).
        var details = false
        /// Roll back to the revision before the upgrade when helm or the new pods fail.
        var rollbackOnFailure = false
        /// Take VolumeSnapshots of the volumes the change table puts at risk before helm upgrade.
        var snapshot = false
    }

    let files: any FileSystem
    let profiles: [ProfileSet]
    let notes: [UpgradeNote]
    let connection: ClusterConnection
    let clock: any WallClock
    /// Receives everything the upgrade reports.
    let report: @Sendable (OperationEvent) -> Void
    /// How long to wait for the pods after helm is done (tests on a time-scaled clock give more,
    /// so a busy machine's pauses cannot use up simulated minutes).
    var patience: Duration = Waits.pods
    /// Objects (`statefulset/NAME`) that `beforeHelm` deletes first: their refused changes do not block.
    var deletedBeforeHelm: Set<String> = []
    /// Runs after the preflight and the confirmations, just before the plan (the wizard grows
    /// the volumes of a larger tier here); false stops the upgrade, its reason reported.
    var beforeHelm: (@Sendable () async -> Bool)?
    /// How long the snapshots taken first may take to become ready.
    var snapshotDeadline: Duration = Waits.snapshots

    private func emit(_ line: String) { report(.note(line)) }
    private func emitError(_ line: String) { report(.failure(line)) }

    /// The chart version an upgrade goes to by default: the newest the built-in profiles know.
    static func newestChartVersion(_ profiles: [ProfileSet]) -> String? {
        profiles.map(\.chart.defaultVersion).compactMap(VersionNumber.init).max().map(\.description)
    }

    /// Runs the upgrade; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        // 1. The values saved at install time: an upgrade without them would reset PostHog.
        let valuesPath = request.valuesPath
        guard files.exists(valuesPath) else {
            throw ValuesRun.Failure(
                message: """
                    there is no \(valuesPath) here. An upgrade must use the values the install used, or PostHog's settings \
                    (hostname, TLS, sizes) would be reset. Run it where values.yaml was saved, pass --values FILE, or \
                    write one first with posthog-install values.
                    """, status: .badInput)
        }
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let originalText = try files.readString(valuesPath)
        do { _ = try YAML.parse(originalText, file: valuesPath) } catch {
            throw ValuesRun.Failure(message: "\(error) (nothing was changed)", status: .badInput)
        }

        // 2. What is installed, and what the upgrade crosses.
        let listed = try await connection.helm.installedRelease(request.release, namespace: request.namespace)
        let revisions = (try? await connection.helm.history(release: request.release, namespace: request.namespace)) ?? []
        let followUpHere = FollowUpCommands(
            context: request.context ?? connection.context, namespace: request.namespace,
            release: request.release, simulated: connection.simulated)
        // helm list leaves out releases caught half-way (pending-*); their history still has them.
        let state = ReleaseState.decide(
            listedStatus: listed?.status,
            history: revisions.map { RollbackRevision(revision: $0.revision, status: $0.status) })
        switch state {
        case .absent:
            emitError(
                "Error: there is no release \"\(request.release)\" in namespace \(request.namespace) to \(request.previewOnly ? "compare with" : "upgrade")."
            )
            emit(
                "fix: install PostHog first with posthog-install install (or pass --namespace/--release if it was installed under other names)."
            )
            return .failed
        case let .pending(revision, status):
            emitError(
                "Error: release \(request.release) is in state \(status) (revision \(revision)): another helm operation is running, or one was stopped half-way."
            )
            emit(
                "fix: wait for it to finish (`\(followUpHere.helm(["history", request.release]))` shows it); if nothing is running any more, "
                    + "`\(followUpHere.posthogInstall("rollback"))` returns to the last revision that was deployed. Nothing was changed.")
            return .failed
        case let .failed(revision, lastDeployed):
            emit(
                "Note: the release's newest revision (\(revision)) failed; the upgrade starts from what it left in the cluster. "
                    + (lastDeployed.map {
                        "`\(followUpHere.posthogInstall("rollback --to-revision \($0)"))` returns to revision \($0), the last one that was deployed."
                    } ?? ""))
        case .deployed:
            break
        }
        guard let installed = listed else {
            emitError(
                "Error: helm list does not show release \(request.release) in namespace \(request.namespace), although its history does; run `\(followUpHere.helm(["history", request.release]))` to see why."
            )
            return .failed
        }
        let target = request.chartVersion ?? Self.newestChartVersion(profiles) ?? installed.chartVersion ?? ""
        guard let profile = ProfileSet.forChartVersion(target, in: profiles) else {
            throw ValuesRun.Failure(
                message: "--chart-version \(target): this version of posthog-install knows charts "
                    + profiles.map(\.chart.versions).joined(separator: " and ") + ".", status: .badInput)
        }
        let decision = UpgradeDecision.decide(
            installed: installed.chart, target: target, notes: notes,
            renamedKeys: profile.renamedKeys, confirmed: request.yes,
            acceptDataLoss: request.acceptDataLoss)
        emit(
            "Upgrade release \(installed.name) in namespace \(installed.namespace) from chart \(installed.chartVersion ?? installed.chart) to \(target)."
        )
        UpgradeNotesText.lines(decision.notes).forEach(emit)

        // 3. Renamed keys, migrated in memory first (written when the plan reaches that step).
        var editor = try YAMLEditor(text: originalText, file: valuesPath)
        let migrations = try RenamedKeyMigration.apply(decision.renamedKeys, to: &editor)
        if !migrations.isEmpty {
            emit("")
            emit("Values the new chart calls differently (\(valuesPath) is edited in place; a backup is kept):")
            migrations.forEach { emit("  \(ValuePath.join($0.path)): \($0.note ?? "")") }
        }
        let valuesText = editor.text

        // 4. Render with the values the upgrade will use, then the preflight.
        let rendering = ChartRendering(connection: connection, report: report)
        let prepared = try await rendering.load(chart: request.chart, version: target, info: profile.chart)
        guard
            let rendered = await rendering.render(
                prepared.chart, valuesPath: valuesPath, valuesText: valuesText, namespace: request.namespace,
                release: request.release, upgrade: true)
        else { return .failed }
        // 5. What changes in the cluster, before anything does.
        emit("")
        let (preview, unreadable) = await UpgradePreview(connection: connection)
            .compute(release: request.release, namespace: request.namespace, rendered: rendered.manifests)
        if let preview {
            ChangeTableText.lines(preview.changes, target: target).forEach(emit)
            if request.previewOnly {
                if request.details {
                    let redactor = Redactor(secrets: SupportBundleRun.passwords(in: valuesText))
                    ChangeDetailsText.lines(preview, redactor: redactor).forEach(emit)
                } else if !preview.changes.isEmpty {
                    emit("Each object's diff: the same command with --details.")
                }
                return .success
            }
        } else {
            emit("The deployed objects could not be read, so no change table can be shown (\(unreadable ?? "unknown")).")
            if request.previewOnly { return .failed }
        }
        emit("")
        emit("Checking the cluster…")
        let facts = try await PreflightGathering(connection: connection).facts(
            operation: .upgrade, namespace: request.namespace, release: request.release, confirmedContext: request.context,
            acceptCurrentContext: request.yes, profile: profile, manifests: rendered.manifests,
            chartDefinedGroups: prepared.definedGroups(rendered.manifests))
        let preflight = Preflight.run(facts)
        report(.preflight(preflight))
        if !preflight.blockers.isEmpty {
            emit("")
            emit(
                "Nothing was changed: the preflight found \(preflight.blockers.count) blocker\(preflight.blockers.count == 1 ? "" : "s") above."
            )
            return .preflightBlocked
        }

        // 6. The plan, and what it still needs from the person.
        let context = request.context ?? connection.context ?? facts.currentContext
        var options = PlanOptions(
            chartInfo: profile.chart, chartVersion: prepared.version, context: context,
            namespace: request.namespace, release: request.release, valuesFile: valuesPath)
        options.chart = prepared.location
        // A larger tier's volumes grow first, as resize does (the wizard brings its own growth).
        let growth =
            beforeHelm == nil && !request.previewOnly
            ? await volumeGrowth(request, valuesText: valuesText, profile: profile, options: options) : nil
        let plan = Plans.upgrade(options, decision: decision)
        report(.plan(plan, context: context))
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if !decision.canProceed {
            emit("")
            for blocker in decision.blockers {
                emit("Not upgrading: \(blocker.message)")
                emit("fix: \(blocker.fix)")
            }
            return .badInput
        }
        let blocking = UpgradePreview.blocking(
            preview?.changes ?? [],
            deletedFirst: UpgradePreview.deletedFirst(plan).union(deletedBeforeHelm).union(growth?.deletedObjects ?? []))
        var snapshots = UpgradeSnapshots(connection: connection, clock: clock, report: report)
        snapshots.deadline = snapshotDeadline
        var offer = SnapshotPlan.Offer.nothingAffected
        if let preview, !blocking.isEmpty {
            do {
                offer = try await snapshots.offer(
                    blocking: blocking.map(\.0), preview: preview, namespace: request.namespace,
                    nextRevision: installed.revision + 1)
            } catch {
                emit("Snapshots: could not look for VolumeSnapshotClasses and claims (\(error)); none can be offered.")
            }
        }
        if !blocking.isEmpty && !request.acceptDataLoss {
            emit("")
            emit(
                "Not upgrading: the change table above has \(blocking.count) change\(blocking.count == 1 ? "" : "s") that Kubernetes would refuse or that lose data:"
            )
            for (change, risk) in blocking {
                emit("  \(change.key.display): \(risk.message)")
                emit("    fix: \(risk.fix)")
            }
            SnapshotText.offerLines(offer, flag: "--snapshot").forEach(emit)
            let snap = if case .snapshots(let t, _) = offer, !t.isEmpty { " --snapshot" } else { "" }
            emit(
                "fix: do what each line says first, or run again with --accept-data-loss\(snap) once you have a backup and mean it. Nothing was changed."
            )
            return .preflightBlocked
        }
        let targets: [SnapshotTarget]
        switch (offer, request.snapshot) {
        case (.snapshots(let found, _), true) where !found.isEmpty:
            targets = found
            SnapshotText.offerLines(offer, flag: "--snapshot").forEach(emit)
        case (.nothingAffected, true):
            targets = []
            emit("--snapshot: no change in the table puts a volume at risk, so there is nothing to snapshot.")
        case (_, true):
            emit("")
            SnapshotText.offerLines(offer, flag: "--snapshot").forEach(emitError)
            emit("fix: run again without --snapshot once the volumes are backed up another way. Nothing was changed.")
            return .badInput
        case (.snapshots(let found, _), false) where !found.isEmpty:
            targets = []
            emit("")
            SnapshotText.offerLines(offer, flag: "add --snapshot to have them taken").forEach(emit)
        default:
            targets = []
            SnapshotText.offerLines(offer, flag: "--snapshot").forEach(emit)
        }
        if let refusal = connection.unconfirmedContextRefusal(
            requested: request.context, yes: request.yes, context: context,
            action: "upgrade the release in")
        {
            emit("")
            emit(refusal)
            return .badInput
        }

        // 7. Run it.
        let steps = ClusterSteps(connection: connection, clock: clock, report: report)
        let followUp = FollowUpCommands(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
            release: request.release, simulated: connection.simulated)
        var executor = PlanExecutor(steps: steps, namespace: request.namespace, followUp: followUp)
        executor.patience = patience
        // The values of the revision running now, for a rollback to find.
        let history = ValuesHistoryRecorder(files: files, connection: connection)
        // The copy install or the last upgrade kept is the one that went with it; values.yaml here
        // may already hold this upgrade's edits. Without a copy, helm's record of the values is kept.
        let kept = ValuesHistory.path(
            forValues: valuesPath, namespace: request.namespace, release: request.release, revision: installed.revision)
        if !files.exists(kept) {
            let deployed = try? await connection.helm.userValues(release: request.release, namespace: request.namespace)
            let text = deployed.map(Self.withoutHeader)
            history.save(
                text ?? originalText, valuesPath: valuesPath, namespace: request.namespace, release: request.release,
                revision: installed.revision)
        }
        if !targets.isEmpty {
            guard await snapshots.take(targets, namespace: request.namespace, release: request.release) else {
                emit("Not upgrading: the snapshots are not ready, so the volumes would change without a copy. Nothing was upgraded.")
                return .failed
            }
        }
        defer { SnapshotText.takenLines(targets, namespace: request.namespace, release: request.release).forEach(emit) }
        if let beforeHelm, !(await beforeHelm()) { return .failed }
        if let growth,
            !(await growth.run(connection: connection, namespace: request.namespace, retry: "run the same upgrade again", report: report))
        {
            return .failed
        }
        let code = try await executor.execute(plan) { step in
            switch step.action {
            case .run(let argv) where step.id.hasPrefix("note:"):
                guard try await steps.run(step, argv: argv, watchNamespace: nil) else {
                    emit("The upgrade stopped before helm upgrade ran; PostHog still runs the old chart.")
                    return .finish(.failed)
                }
                return .next
            case .task(.migrateValues):
                report(.stepStarted(step))
                do {
                    let backup = try files.writeAtomically(valuesPath, valuesText, mode: 0o600, backup: .keepLast(5))
                    emit("Updated \(valuesPath)" + (backup.map { " (the previous version is in \($0))" } ?? "") + ".")
                } catch {
                    emitError("Error: cannot write \(valuesPath): \(error). Nothing was upgraded; the file is as it was.")
                    return .finish(.failed)
                }
                report(.stepFinished(step, succeeded: true))
                return .next
            default:
                return nil
            }
        }
        let after = await history.saveCurrent(valuesText, valuesPath: valuesPath, namespace: request.namespace, release: request.release)
        if code == .failed, let after, after > installed.revision {
            return try await offerRollback(request, to: installed.revision, followUp: followUp)
        }
        guard code == .success else { return code }
        if let after { emit("Release \(request.release) is now at revision \(after) (revision \(installed.revision) ran before).") }
        let values = try YAML.parse(valuesText, file: valuesPath)
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        let source = AddressSource.fromManifests(
            ExposedObjects(manifests: rendered.manifests),
            hostname: values.value(at: ["ingress", "hostname"])?.stringValue)
        if try await steps.waitForAddress(
            source: source, cloud: cloud, values: values, namespace: request.namespace,
            followUp: followUp, attempts: 30) != nil
        {
            emit("Check it any time with: \(followUp.posthogInstall("status"))")
        }
        return .success
    }

    /// After the new revision failed: roll back at once (`--rollback-on-failure`), or say how.
    private func offerRollback(_ request: Request, to revision: Int, followUp: FollowUpCommands) async throws -> ToolExitCode {
        emit("")
        guard request.rollbackOnFailure else {
            emit(
                "To go back to revision \(revision), which ran before this upgrade, with its values.yaml: "
                    + "\(followUp.posthogInstall("rollback --to-revision \(revision)"))")
            return .failed
        }
        emit("Rolling back to revision \(revision) (--rollback-on-failure)…")
        var rollback = RollbackRun(files: files, connection: connection, clock: clock, report: report)
        rollback.patience = patience
        let code = await rollback.execute(
            RollbackRun.Request(
                valuesPath: request.valuesPath, toRevision: revision, context: request.context,
                namespace: request.namespace, release: request.release, yes: true))
        emit(
            code == .success
                ? "Rolled back to revision \(revision); the upgrade did not stay." : "The rollback did not finish either; see above.")
        return .failed
    }
}
