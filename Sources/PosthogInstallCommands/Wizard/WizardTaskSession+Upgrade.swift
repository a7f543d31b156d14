import Cluster
import Effects
import Installer
import TUI
import YAML

/// The wizard's upgrade: what is installed, the chart it goes to, the notes of every major
/// crossed (one box each, and one more when a note deletes volumes), the keys that move, the
/// commands; then `UpgradeRun` with those confirmations.
extension WizardTaskSession {
    func prepareUpgrade(_ inputs: TaskInputs) async throws -> WizardEvent {
        let valuesPath = command.valuesPath
        guard command.files.exists(valuesPath) else {
            return .taskUnavailable(
                .upgrade,
                """
                There is no \(valuesPath) in this folder. An upgrade must use the values the install used, or \
                PostHog's settings (hostname, TLS, sizes) would be reset. Start the wizard in the folder where the \
                install saved values.yaml. After a DigitalOcean 1-click install, use "Turn on HTTPS" instead: it writes one.
                """)
        }
        let savedText = try command.files.readString(valuesPath)
        do { _ = try YAML.parse(savedText, file: valuesPath) } catch {
            return .taskUnavailable(.upgrade, "\(error)\nFix the file (a backup of earlier versions sits beside it), then try again.")
        }
        let connection = try await connection()
        guard let installed = try await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else {
            return .taskUnavailable(.upgrade, "There is no release \"\(Self.release)\" in namespace \(Self.namespace) any more.")
        }
        let target = UpgradeRun.newestChartVersion(command.profiles) ?? installed.chartVersion ?? ""
        guard let profile = ProfileSet.forChartVersion(target, in: command.profiles) else {
            return .taskUnavailable(.upgrade, "No built-in profile covers chart \(target).")
        }
        // Changed settings: the file as the review showed it, written when the upgrade runs.
        let generated = try inputs.settings.map { try command.settingsValues($0, profile: profile) }
        let valuesText = generated?.text ?? savedText
        let notes = try UpgradeNote.all()
        let decision = UpgradeDecision.decide(
            installed: installed.chart, target: target, notes: notes,
            renamedKeys: profile.renamedKeys, confirmed: true, acceptDataLoss: true)
        let from = installed.chartVersion ?? installed.chart
        if !decision.canProceed {
            let reasons = decision.blockers.map { "\($0.message)\nWhat to do: \($0.fix)" }.joined(separator: "\n\n")
            return .taskUnavailable(
                .upgrade, "Chart \(from) is installed; this version of posthog-install upgrades to \(target).\n\n\(reasons)")
        }
        let context = await environment.cluster.value.info.context
        let options = PlanOptions(
            chartInfo: profile.chart, chartVersion: target, context: context, namespace: Self.namespace,
            release: Self.release, valuesFile: valuesPath)
        var plan = Plans.upgrade(options, decision: decision)
        // A larger tier grows the volumes first (claims, then their StatefulSets without the pods).
        var growth: SettingsGrowth?
        var growthProblem: String?
        if inputs.settings != nil {
            do {
                growth = try await settingsGrowth(
                    connection: connection, savedText: savedText, valuesText: valuesText, profile: profile, options: options)
            } catch let problem as VolumeGrowth.Problem {
                growthProblem = problem.description
            }
            if let growth, let upgrade = plan.firstIndex(where: { $0.id == "upgrade" }) {
                plan.insert(contentsOf: growth.steps, at: upgrade)
            }
        }
        let same = from == target
        var text: [StyledLine] =
            inputs.settings == nil
            ? []
            : [
                StyledLine(
                    "Your changed settings: \(valuesPath) is written as the review showed it (the current file kept as a backup) when you press Upgrade.",
                    style: .strong)
            ]
        text += [
            StyledLine(
                "Installed: release \(installed.name) in namespace \(installed.namespace), chart \(from)"
                    + (installed.appVersion.isEmpty ? "" : " (PostHog \(installed.appVersion))") + "."),
            StyledLine(
                same
                    ? "Target: the same chart, \(target): helm upgrade applies \(valuesPath) "
                        + (inputs.settings == nil ? "as it is now." : "with your changed settings.")
                    : "Target: chart \(target) (PostHog \(profile.chart.appVersion)), with your saved \(valuesPath)."),
        ]
        if decision.notes.isEmpty, !same {
            text.append(StyledLine("No major chart version is crossed: there are no upgrade notes to follow."))
        }
        text += UpgradeNotesText.lines(decision.notes).map { StyledLine($0, style: $0.hasPrefix("Upgrade note") ? .strong : .plain) }
        // What the migration does to this file (as the run will do it), not every key the charts renamed.
        var editor = try YAMLEditor(text: valuesText, file: valuesPath)
        let migrations = try RenamedKeyMigration.apply(decision.renamedKeys, to: &editor)
        if !migrations.isEmpty {
            text.append(StyledLine(""))
            text.append(StyledLine("Values the new chart calls differently (\(valuesPath) is edited, a backup kept):", style: .strong))
            text += migrations.map { StyledLine("  \(ValuePath.join($0.path)): \($0.note ?? "")") }
        }
        let kept = SettingsVolumes.keptLines(generated?.changes ?? [], profile: profile)
        if !kept.isEmpty {
            text.append(StyledLine(""))
            text.append(
                StyledLine(
                    "Volumes cannot shrink, so these sizes stay as they are (a smaller tier needs a new install and a restore):",
                    style: .strong))
            text += kept.map { StyledLine("  \($0)") }
        }
        if let growth {
            text.append(StyledLine(""))
            text.append(StyledLine("The volumes grow first, as posthog-install resize does:", style: .strong))
            text += growth.steps.map { StyledLine("  \($0.title)") }
        } else if let growthProblem {
            text.append(StyledLine(""))
            text.append(StyledLine("The volumes cannot grow: \(growthProblem)", style: .strong))
        }
        // What changes in the cluster, and what Kubernetes would refuse or what loses data.
        var details: [TaskDetail] = []
        let (blocking, snapshots) = await previewLines(
            connection: connection, chart: profile.chart, target: target, valuesText: editor.text,
            plan: plan, grown: growth?.statefulSets ?? [], nextRevision: installed.revision + 1, into: &text, details: &details)
        text.append(StyledLine(""))
        text.append(StyledLine("The steps, in order:", style: .strong))
        text += plan.map { StyledLine("  \($0.title)" + ($0.commandLine.map { ": \($0)" } ?? "")) }
        // One box for reading the notes, and one per note whose commands run before helm upgrade.
        var checks: [TaskCheck] = []
        if !decision.notes.isEmpty {
            let count = decision.notes.count
            checks.append(
                TaskCheck(
                    id: "notes-read",
                    label: count == 1 ? "I have read the upgrade note above" : "I have read the \(count) upgrade notes above"))
        }
        checks += decision.notes.filter { !$0.steps.isEmpty }.map {
            TaskCheck(id: "note-\($0.id)", label: "Run the commands of the chart \($0.to).0.0 note before helm upgrade")
        }
        if decision.losesData {
            checks.append(TaskCheck(id: "accept-data-loss", label: "I have a backup: the steps above delete volumes and their data"))
        } else if blocking > 0 {
            checks.append(
                TaskCheck(
                    id: "accept-data-loss",
                    label:
                        "I accept the \(blocking) change\(blocking == 1 ? "" : "s") marked ✗ above (refused by Kubernetes or losing data)"))
        }
        if snapshots > 0 {
            checks.append(
                TaskCheck(
                    id: "snapshot", label: "Take VolumeSnapshots of the \(snapshots) volume\(snapshots == 1 ? "" : "s") at risk first",
                    required: false, initiallyOn: true))
        }
        var form = TaskForm(
            heading: inputs.settings != nil
                ? (same
                    ? "Apply your changed settings (chart \(target))"
                    : "Apply your changed settings and upgrade from chart \(from) to \(target)")
                : same ? "Apply \(valuesPath) to chart \(target)" : "Upgrade from chart \(from) to \(target)",
            text: text, textTitle: decision.notes.isEmpty ? "What happens" : "Upgrade notes", checks: checks,
            // The repository commands are in the list; the commands shown are the ones that change the cluster.
            commands: plan.filter { !$0.id.hasPrefix("repo-") }.compactMap(\.argv), action: "upgrade",
            destructive: decision.losesData || blocking > 0)
        form.details = details
        return .taskReady(.upgrade, form)
    }

    /// Appends the change table (the deployed objects against the new render) and what the
    /// cluster can snapshot to `text`; returns how many of its changes would block the upgrade
    /// without consent and how many volumes can be snapshotted first. Nothing is added when
    /// the chart or the deployed objects cannot be read (the run says why).
    private func previewLines(
        connection: ClusterConnection, chart: ChartInfo, target: String, valuesText: String,
        plan: [PlanStep], grown: Set<String>, nextRevision: Int, into text: inout [StyledLine],
        details: inout [TaskDetail]
    ) async -> (Int, Int) {
        let rendering = ChartRendering(connection: connection, report: { _ in })
        guard let prepared = try? await rendering.load(chart: nil, version: target, info: chart),
            let rendered = await rendering.render(
                prepared.chart, valuesPath: command.valuesPath, valuesText: valuesText,
                namespace: Self.namespace, release: Self.release, upgrade: true)
        else { return (0, 0) }
        let (computed, _) = await UpgradePreview(connection: connection)
            .compute(release: Self.release, namespace: Self.namespace, rendered: rendered.manifests)
        guard var preview = computed else { return (0, 0) }
        // A StatefulSet recreated without its pods for growing volumes takes the new template.
        for index in preview.changes.indices
        where preview.changes[index].key.kind == "StatefulSet" && grown.contains(preview.changes[index].key.name) {
            preview.changes[index].risks.removeAll { $0.kind == .refused }
        }
        text.append(StyledLine(""))
        let first = text.count
        for (index, line) in ChangeTableText.lines(preview.changes, target: target).enumerated() {
            text.append(StyledLine(line, style: index == 0 || line.contains("✗") ? .strong : .plain))
        }
        // Enter on an object's row shows its diff, passwords masked as `diff --details` masks them.
        let redactor = Redactor(secrets: SupportBundleRun.passwords(in: valuesText))
        for (change, row) in zip(preview.changes, ChangeTableText.rowIndices(preview.changes)) {
            let diff = ChangeDetailsText.diff(of: change, in: preview, redactor: redactor)
            let lines =
                diff.isEmpty
                ? [StyledLine("(no difference in the fields compared)", style: .muted)]
                : diff.map { StyledLine($0, style: $0.hasPrefix("- ") ? .error : $0.hasPrefix("+ ") ? .success : .plain) }
            details.append(TaskDetail(line: first + row, title: "\(change.operation.rawValue) \(change.key.display)", lines: lines))
        }
        let blocking = UpgradePreview.blocking(preview.changes, deletedFirst: UpgradePreview.deletedFirst(plan))
        guard !blocking.isEmpty else { return (0, 0) }
        let offer =
            (try? await UpgradeSnapshots(connection: connection, clock: environment.clock, report: { _ in })
                .offer(blocking: blocking.map(\.0), preview: preview, namespace: Self.namespace, nextRevision: nextRevision))
        let lines = offer.map { SnapshotText.offerLines($0, flag: "the box below") } ?? []
        if !lines.isEmpty { text.append(StyledLine("")) }
        text += lines.map { StyledLine($0, style: $0.hasPrefix("Snapshots:") ? .strong : .plain) }
        guard case .snapshots(let targets, _)? = offer else { return (blocking.count, 0) }
        return (blocking.count, targets.count)
    }

    func runUpgrade(
        _ inputs: TaskInputs, connection: ClusterConnection, context: String?,
        report: @escaping @Sendable (OperationEvent) -> Void
    ) async -> ToolExitCode {
        let notes: [UpgradeNote]
        do { notes = try UpgradeNote.all() } catch {
            report(.failure("Error: the built-in upgrade notes are damaged: \(error)"))
            return .failed
        }
        var growth: SettingsGrowth?
        if let settings = inputs.settings {
            // The reviewed settings go into values.yaml first; the upgrade then applies the file.
            do {
                let savedText = try command.files.readString(command.valuesPath)
                let target = UpgradeRun.newestChartVersion(command.profiles) ?? ""
                guard let profile = ProfileSet.forChartVersion(target, in: command.profiles) else {
                    report(.note("Error: no built-in profile covers chart \(target)."))
                    return .failed
                }
                let newText = try command.settingsValues(settings, profile: profile).text
                let options = PlanOptions(
                    chartInfo: profile.chart, chartVersion: target, context: context, namespace: Self.namespace,
                    release: Self.release, valuesFile: command.valuesPath)
                // The screen said when the volumes cannot grow; then the change table's refusal stands.
                growth =
                    (try? await settingsGrowth(
                        connection: connection, savedText: savedText, valuesText: newText, profile: profile, options: options)) ?? nil
                let summary = try command.write(settings, profile: profile)
                summary.split(separator: "\n").forEach { report(.note(String($0))) }
            } catch {
                report(.note("Error: \(command.valuesPath) could not be written: \(error). Nothing was upgraded."))
                return .failed
            }
        }
        var run = UpgradeRun(
            files: command.files, profiles: command.profiles, notes: notes, connection: connection,
            clock: environment.clock, report: report)
        run.patience = environment.patience
        if let growth {
            // After the preflight and the confirmations, before helm: nothing grows if those stop it.
            run.deletedBeforeHelm = Set(growth.statefulSets.map { "statefulset/\($0)" })
            run.beforeHelm = { await self.runGrowth(growth, connection: connection, report: report) }
        }
        // The boxes on the screen were the confirmations; the context is the one the welcome screen named.
        let request = UpgradeRun.Request(
            valuesPath: command.valuesPath, context: context, namespace: Self.namespace,
            release: Self.release, yes: true, acceptDataLoss: inputs.checks.contains("accept-data-loss"),
            snapshot: inputs.checks.contains("snapshot"))
        return await run.execute(request)
    }
}
