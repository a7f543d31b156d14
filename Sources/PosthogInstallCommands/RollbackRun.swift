import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// The work behind `posthog-install rollback`: the release's history, `helm rollback` to the
/// chosen revision, values.yaml restored to the copy kept for that revision, the pods watched.
struct RollbackRun {
    /// The parsed command line.
    struct Request {
        var valuesPath = "values.yaml"
        var toRevision: Int?
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        var yes = false
        var dryRun = false
    }

    let files: any FileSystem
    let connection: ClusterConnection
    let clock: any WallClock
    let report: @Sendable (OperationEvent) -> Void
    /// Asks y/N on a terminal; nil when there is none.
    var ask: (@Sendable (String) -> Bool)?
    /// How long to wait for the pods afterwards.
    var patience: Duration = Waits.pods

    private func emit(_ line: String) { report(.note(line)) }
    private func emitError(_ line: String) { report(.failure(line)) }

    /// Runs the rollback; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let history: [HelmRevision]
        do { history = try await connection.helm.history(release: request.release, namespace: request.namespace) } catch {
            if let helmError = error as? HelmCommandError, helmError.kind == .releaseNotFound {
                emitError("Error: there is no release \"\(request.release)\" in namespace \(request.namespace) to roll back.")
                emitError("fix: check --namespace and --release (`helm list --all-namespaces` lists every release); nothing was changed.")
                return .failed
            }
            emitError("Error: the history of release \(request.release) in namespace \(request.namespace) could not be read: \(error)")
            return .failed
        }
        emit("History of release \(request.release) in namespace \(request.namespace):")
        RollbackText.historyLines(
            history, valuesPath: request.valuesPath, namespace: request.namespace, release: request.release,
            exists: files.exists
        ).forEach(emit)
        let decision = RollbackDecision.decide(
            requested: request.toRevision,
            history: history.map { RollbackRevision(revision: $0.revision, status: $0.status) })
        guard case let .rollBack(target, current) = decision else {
            if case let .refused(message, fix) = decision {
                emitError("Error: \(message)")
                emitError("fix: \(fix)")
            }
            return .badInput
        }
        let saved = ValuesHistory.path(
            forValues: request.valuesPath, namespace: request.namespace, release: request.release, revision: target)
        let context = await connection.effectiveContext(requested: request.context)
        let followUp = FollowUpCommands(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
            release: request.release, simulated: connection.simulated)
        // The same context every other command pins helm to: the one chosen, or the simulated cluster's.
        let options = PlanOptions(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
            release: request.release, valuesFile: request.valuesPath)
        let plan = Plans.rollback(options, from: current, to: target)
        report(.plan(plan, context: context))
        if !files.exists(saved) {
            emit(
                "No copy of revision \(target)'s values.yaml is kept here (\(saved)); \(request.valuesPath) will be left as it is. "
                    + "Check it before the next upgrade: `\(followUp.helm(["get", "values", request.release, "--revision", String(target)]))` prints those values."
            )
        }
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if !request.yes {
            guard let ask else {
                emit("Nothing was changed: confirm with --yes (there is no terminal to ask on).")
                return .badInput
            }
            guard ask("Roll release \(request.release) back to revision \(target) in context \(context ?? "(none)")?") else {
                emit("Nothing was changed.")
                return .stopped
            }
        }
        let steps = ClusterSteps(connection: connection, clock: clock, report: report)
        var executor = PlanExecutor(steps: steps, namespace: request.namespace, followUp: followUp)
        executor.patience = patience
        return try await executor.execute(plan) { step in
            guard step.id == "restore-values" else { return nil }
            guard files.exists(saved), let text = try? files.readString(saved) else { return .next }
            do {
                let backup = try files.writeAtomically(request.valuesPath, text, mode: 0o600, backup: .keepLast(5))
                emit(
                    "Restored \(request.valuesPath) from revision \(target)" + (backup.map { " (the one it replaces is in \($0))" } ?? "")
                        + ".")
                await ValuesHistoryRecorder(files: files, connection: connection)
                    .saveCurrent(text, valuesPath: request.valuesPath, namespace: request.namespace, release: request.release)
            } catch {
                emitError("Error: cannot write \(request.valuesPath): \(error). The release is rolled back; copy \(saved) over it by hand.")
                return .finish(.failed)
            }
            return .next
        }
    }
}

/// How the history is printed (pure).
enum RollbackText {
    /// helm's description, cut at 80 characters (a failed upgrade's is the whole API error).
    static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(79)) + "…"
    }

    /// One line per revision: number, status, chart, description, and whether its values are kept.
    static func historyLines(
        _ history: [HelmRevision], valuesPath: String, namespace: String, release: String,
        exists: (String) -> Bool
    ) -> [String] {
        history.map { r in
            let kept = exists(ValuesHistory.path(forValues: valuesPath, namespace: namespace, release: release, revision: r.revision))
            return "  \(String(r.revision).padded(to: 4)) "
                + "\(r.status.padded(to: 16)) \(r.chart)  \(shortened(r.description))"
                + (kept ? "  (values kept)" : "")
        }
    }
}
