import Cluster
import Effects
import Foundation
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
    var patience: Duration = .seconds(600)

    private func emit(_ line: String) { report(.note(line)) }

    /// The chart version an upgrade goes to by default: the newest the built-in profiles know.
    static func newestChartVersion(_ profiles: [ProfileSet]) -> String? {
        profiles.map(\.chart.defaultVersion).compactMap(VersionNumber.init).max().map(\.description)
    }

    /// Runs the upgrade; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        // 1. The values saved at install time: an upgrade without them would reset PostHog.
        let valuesPath = request.valuesPath
        guard files.exists(valuesPath) else {
            throw ValuesRun.Failure(message: """
                there is no \(valuesPath) here. An upgrade must use the values the install used, or PostHog's settings \
                (hostname, TLS, sizes) would be reset. Run it where values.yaml was saved, pass --values FILE, or \
                write one first with posthog-install values.
                """, status: .badInput)
        }
        let originalText = try files.readString(valuesPath)
        do { _ = try YAML.parse(originalText, file: valuesPath) } catch {
            throw ValuesRun.Failure(message: "\(error) (nothing was changed)", status: .badInput)
        }

        // 2. What is installed, and what the upgrade crosses.
        guard let installed = try await connection.helm.installedRelease(request.release, namespace: request.namespace) else {
            emit("Error: there is no release \"\(request.release)\" in namespace \(request.namespace) to upgrade.")
            emit("fix: install PostHog first with posthog-install install (or pass --namespace/--release if it was installed under other names).")
            return .failed
        }
        let target = request.chartVersion ?? Self.newestChartVersion(profiles) ?? installed.chartVersion ?? ""
        guard let profile = ProfileSet.forChartVersion(target, in: profiles) else {
            throw ValuesRun.Failure(message: "--chart-version \(target): this version of posthog-install knows charts "
                                    + profiles.map(\.chart.versions).joined(separator: " and ") + ".", status: .badInput)
        }
        let decision = UpgradeDecision.decide(installed: installed.chart, target: target, notes: notes,
                                              renamedKeys: profile.renamedKeys, confirmed: request.yes,
                                              acceptDataLoss: request.acceptDataLoss)
        emit("Upgrade release \(installed.name) in namespace \(installed.namespace) from chart \(installed.chartVersion ?? installed.chart) to \(target).")
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
        let (chart, resolved) = try await rendering.resolve(chart: request.chart, version: target)
        guard let rendered = await rendering.render(chart, valuesPath: valuesPath, valuesText: valuesText, namespace: request.namespace,
                                              release: request.release, upgrade: true) else { return .failed }
        emit("")
        emit("Checking the cluster…")
        let facts = try await PreflightGathering(connection: connection).facts(
            operation: .upgrade, namespace: request.namespace, release: request.release, confirmedContext: request.context,
            acceptCurrentContext: request.yes, profile: profile, manifests: rendered.manifests)
        let preflight = Preflight.run(facts)
        report(.preflight(preflight))
        if !preflight.blockers.isEmpty {
            emit("")
            emit("Nothing was changed: the preflight found \(preflight.blockers.count) blocker\(preflight.blockers.count == 1 ? "" : "s") above.")
            return .preflightBlocked
        }

        // 5. The plan, and what it still needs from the person.
        let context = request.context ?? connection.context ?? facts.currentContext
        var options = PlanOptions(chartInfo: profile.chart, chartVersion: target, context: context,
                                  namespace: request.namespace, release: request.release, valuesFile: valuesPath)
        if let local = resolved.localPath { options.chart = .local(path: local) }
        let plan = Plans.upgrade(options, decision: decision)
        report(.plan(plan, context: context))
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if !decision.canProceed {
            emit("")
            for blocker in decision.blockers { emit("Not upgrading: \(blocker.message)"); emit("fix: \(blocker.fix)") }
            return .badInput
        }
        if let refusal = connection.unconfirmedContextRefusal(requested: request.context, yes: request.yes, context: context,
                                                              action: "upgrade the release in") {
            emit("")
            emit(refusal)
            return .badInput
        }

        // 6. Run it.
        let steps = ClusterSteps(connection: connection, clock: clock, report: report)
        for step in plan {
            switch step.action {
            case .run(let argv):
                let ok = try await steps.run(step, argv: argv, watchNamespace: step.id == "upgrade" ? request.namespace : nil)
                if !ok {
                    if step.id.hasPrefix("note:") { emit("The upgrade stopped before helm upgrade ran; PostHog still runs the old chart.") }
                    return .failed
                }
            case .task(.migrateValues):
                report(.stepStarted(step))
                do {
                    let backup = try files.writeAtomically(valuesPath, valuesText, mode: 0o600, backup: .keepLast(5))
                    emit("Updated \(valuesPath)" + (backup.map { " (the previous version is in \($0))" } ?? "") + ".")
                } catch {
                    emit("Error: cannot write \(valuesPath): \(error). Nothing was upgraded; the file is as it was.")
                    return .failed
                }
                report(.stepFinished(step, succeeded: true))
            case .task(.watchProgress):
                report(.stepStarted(step))
                let outcome = try await steps.watch(namespace: request.namespace, until: patience)
                report(.stepFinished(step, succeeded: outcome == .ready))
                if outcome != .ready { return .failed }
            case .task:
                continue
            }
        }
        let values = try YAML.parse(valuesText, file: valuesPath)
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        try await steps.waitForAddress(cloud: cloud, values: values, namespace: request.namespace, release: request.release, attempts: 30)
        return .success
    }
}
