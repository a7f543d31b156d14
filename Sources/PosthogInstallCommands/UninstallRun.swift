import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube

/// The work behind `posthog-install uninstall`: `helm uninstall`, then what is left in the
/// namespace (volumes with data, secrets), and the namespace deleted only when asked for and
/// confirmed — with the finalizers named when it stays Terminating.
struct UninstallRun {
    /// The parsed command line.
    struct Request {
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        var deleteNamespace = false
        var yes = false
        var dryRun = false
    }

    let connection: ClusterConnection
    let clock: any WallClock
    /// Asks the person a yes/no question on the terminal; nil when there is no terminal.
    let ask: (@Sendable (String) -> Bool)?
    let emit: @Sendable (String) -> Void
    /// Where error lines go (standard error for the headless command); nil sends them to `emit`.
    var fail: (@Sendable (String) -> Void)?
    /// Receives the plan and each step's start and end (the wizard's checklist); lines still go to `emit`.
    var events: @Sendable (OperationEvent) -> Void = { _ in }

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Runs the uninstall; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let context = await connection.effectiveContext(requested: request.context)
        if let problem = await connection.unreachableReason() {
            emit("Cannot reach the cluster of kubectl context \(context ?? "(none)"): \(problem)")
            return .failed
        }
        let release = try await connection.helm.installedRelease(request.release, namespace: request.namespace)
        let options = PlanOptions(context: context, namespace: request.namespace, release: request.release)
        var plan = Plans.uninstall(options, deleteNamespace: request.deleteNamespace)
        if release == nil {
            emit(
                "There is no release \"\(request.release)\" in namespace \(request.namespace) (context \(context ?? "(none)")); nothing to uninstall."
            )
            plan.removeAll { $0.id == "uninstall" }
        } else {
            emit("Plan (kubectl context \(context ?? "(none)")):")
            plan.forEach { emit("  - \($0.title)" + ($0.commandLine.map { ": \($0)" } ?? "")) }
        }
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        events(.plan(plan, context: context))
        // The API groups of the release's objects, read while the release still exists: the
        // CustomResourceDefinitions behind them stay after the uninstall.
        let releaseGroups = release == nil ? [] : await releaseAPIGroups(request)
        let events = self.events
        let steps = ClusterSteps(
            connection: connection, clock: clock,
            report: { event in
                switch event {
                case .toolOutput(let line): emit("  \(line)")
                case .heartbeat(let text): emit("  … \(text)")
                case .stepStarted, .stepFinished: events(event)
                // What the executor says after a failed step (helm's error explained, the next command).
                case .note(let text), .stopped(let text):
                    text.split(separator: "\n", omittingEmptySubsequences: false).forEach { emit(String($0)) }
                case .diagnosis(let diagnosis): HeadlessPrinter.lines(for: diagnosis).forEach(emit)
                default: break
                }
            })
        let followUp = FollowUpCommands(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
            release: request.release, simulated: connection.simulated)
        let executor = PlanExecutor(steps: steps, namespace: request.namespace, followUp: followUp)
        return try await executor.execute(plan) { step in
            switch step.action {
            case .run where step.id == "uninstall":
                guard
                    confirm(
                        "Uninstall PostHog (release \(request.release)) from namespace \(request.namespace) in context \(context ?? "(none)")? PostHog stops serving at once.",
                        request)
                else {
                    return .finish(refused(request))
                }
                emit("")
                emit("→ \(step.title)")
                return nil
            case .task(.listLeftovers):
                events(.stepStarted(step))
                let report = LeftoverReport.from(try await leftovers(request.namespace), options: options)
                let definitions = await leftoverDefinitions(releaseGroups)
                events(.stepFinished(step, succeeded: true))
                emit("")
                LeftoverText.lines(report).forEach(emit)
                LeftoverText.definitionLines(definitions, followUp: followUp).forEach(emit)
                if report.deleteNamespace == nil { return .finish(.success) }
                if !request.deleteNamespace {
                    emit("To remove them too: \(followUp.posthogInstall("uninstall --delete-namespace"))")
                }
                return .next
            case .run where step.id == "delete-namespace":
                guard confirm("Delete namespace \(request.namespace) with everything listed above? This cannot be undone.", request) else {
                    return .finish(refused(request))
                }
                events(.stepStarted(step))
                let code = try await deleteNamespace(request.namespace)
                events(.stepFinished(step, succeeded: code == .success))
                return .finish(code)
            default:
                return .next
            }
        }
    }

    /// The API groups of the objects in the release's manifest (empty when it cannot be read).
    private func releaseAPIGroups(_ request: Request) async -> Set<String> {
        guard let manifest = try? await connection.helm.manifest(release: request.release, namespace: request.namespace) else { return [] }
        return Set(ExposedObjects.apiVersions(yaml: manifest).map { RenderedObjectRef(apiVersion: $0, kind: "", name: "").group })
    }

    /// The CustomResourceDefinitions in the cluster whose group the release used.
    private func leftoverDefinitions(_ groups: Set<String>) async -> [String] {
        guard !groups.isEmpty, let all = try? await connection.kubectl.customResourceDefinitions() else { return [] }
        return all.filter { groups.contains($0.group) && !CloudAPIGroups.isCloudProvided($0.group) }.map(\.name).sorted()
    }

    private func confirm(_ question: String, _ request: Request) -> Bool {
        if request.yes { return true }
        return ask?(question) ?? false
    }

    private func refused(_ request: Request) -> ToolExitCode {
        if ask == nil {
            emit("Nothing was changed: confirm with --yes (there is no terminal to ask on).")
            return .badInput
        }
        emit("Nothing more was changed.")
        return .stopped
    }

    /// What is in the namespace after the release is gone.
    func leftovers(_ namespace: String) async throws -> LeftoverSnapshot {
        let kubectl = connection.kubectl
        guard let ns = try await kubectl.namespace(namespace) else {
            return LeftoverSnapshot(namespace: namespace, namespaceExists: false)
        }
        _ = ns
        let claims = try await kubectl.list(
            PersistentVolumeClaim.self, kubectl.command(["get", "persistentvolumeclaims"], namespace: namespace))
        let secrets = (try? await kubectl.list(NamedObject.self, kubectl.command(["get", "secrets"], namespace: namespace))) ?? []
        let configMaps = (try? await kubectl.list(NamedObject.self, kubectl.command(["get", "configmaps"], namespace: namespace))) ?? []
        return LeftoverSnapshot(
            namespace: namespace, namespaceExists: true, claims: claims,
            secrets: secrets.map { .init(name: $0.metadata.name, type: $0.type ?? "Opaque") },
            configMaps: configMaps.map(\.metadata.name))
    }

    /// Deletes the namespace and waits up to two minutes; a namespace that stays Terminating is
    /// explained by its conditions and finalizers.
    private func deleteNamespace(_ name: String) async throws -> ToolExitCode {
        emit("")
        emit("→ Deleting namespace \(name)")
        let kubectl = connection.kubectl
        emit("  " + (try await kubectl.deleteNamespace(name, wait: false)))
        var last: Namespace?
        for _ in 0..<60 {
            guard let ns = try await kubectl.namespace(name) else {
                emit("Namespace \(name) is gone, with its volumes and secrets.")
                return .success
            }
            last = ns
            try await clock.sleep(for: .seconds(2))
        }
        emit("Namespace \(name) is still \(last?.phase ?? "there") after 2 minutes.")
        for message in last?.blockingMessages ?? [] { emit("  \(message)") }
        let finalizers = (last?.metadata.finalizers ?? []) + (last?.specFinalizers ?? [])
        if !finalizers.isEmpty { emit("  finalizers: \(finalizers.joined(separator: ", "))") }
        emit(
            "fix: a namespace waits for every object in it to be finalized. If a finalizer belongs to a controller that is no "
                + "longer running (cert-manager or ingress-nginx removed first), reinstall it or remove that object's finalizer; "
                + "`kubectl get namespace \(name) -o json` shows what remains.")
        return .failed
    }
}

/// Just a name and a type, for listing secrets and config maps.
struct NamedObject: Decodable {
    var metadata: ObjectMeta
    var type: String?
}
