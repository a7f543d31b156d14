#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Cluster
import JSON

extension ClusterConnection {
    /// The context commands run against: the one asked for, else the pinned one, else kubectl's
    /// current context (nil when there is none).
    func effectiveContext(requested: String? = nil) async -> String? {
        if let context = requested ?? context { return context }
        return try? await kubectl.currentContext()
    }

    /// Why the cluster does not answer (`kubectl version`), or nil when it does.
    func unreachableReason() async -> String? {
        do { return try await kubectl.version().serverError?.message } catch { return "\(error)" }
    }

    /// The refusal for a change to a real cluster the person neither named (`--context`) nor
    /// accepted (`--yes`): scripts never change a cluster by accident. `action` is what would
    /// happen ("install into", "upgrade the release in"); nil when the change may go ahead.
    func unconfirmedContextRefusal(requested: String?, yes: Bool, context: String?, action: String) -> String? {
        guard !simulated && requested == nil && !yes else { return nil }
        return "Error: this would \(action) kubectl's current context \(context ?? "(none)"). Run again with --context "
            + "\(context ?? "NAME") (or --yes) to confirm that is the cluster you mean."
    }
}

extension ClusterConnection {
    /// Whether kubectl (and helm, when `needsHelm`) can take this command to a cluster at all:
    /// the tools are installed, the kubeconfig reads, and the context asked for exists. The
    /// simulated cluster always can. Run before anything else, so a mistyped `--context` is
    /// named as such rather than surfacing later as "no nodes".
    func accessProblem(requested: String?, needsHelm: Bool) async -> ClusterAccessProblem? {
        if simulated { return nil }
        var facts = ClusterAccessFacts(requestedContext: requested, needsHelm: needsHelm)
        let environment = ProcessInfo.processInfo.environment
        facts.kubeconfig = environment["KUBECONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.kube/config"
        if needsHelm {
            let helmRun = try? await runner.run(helm.versionCommand)
            if case .notFound? = helmRun?.status { facts.helmFound = false }
        }
        do {
            let view = try await runner.run(kubectl.configViewCommand)
            switch view.status {
            case .notFound: facts.kubectlFound = false
            case _ where view.status.isSuccess:
                if let config = try? JSONValueDecoder().decode(KubeconfigView.self, from: Data(view.standardOutput.utf8)) {
                    facts.contexts = config.contexts.map(\.name)
                    facts.currentContext = config.currentContext.isEmpty ? nil : config.currentContext
                    facts.chosenCluster = (requested ?? facts.currentContext).flatMap(config.server(of:)).map {
                        (name: $0.cluster, server: $0.server)
                    }
                } else {
                    let shown = view.standardOutput.trimmingWhitespaceAndNewlines()
                    facts.unreadableOutput = shown.isEmpty ? "nothing" : String(shown.prefix(80))
                }
            default:
                facts.contexts = nil
                facts.configError =
                    KubectlError.meaningfulMessage(view.standardError)
                    .map { $0.hasPrefix("error: ") ? String($0.dropFirst(7)) : $0 } ?? view.status.description
            }
        } catch {
            facts.contexts = nil
            facts.configError = "\(error)"
        }
        return ClusterAccessCheck.problem(facts)
    }
}

extension ClusterAccessProblem {
    /// The lines printed for it.
    var lines: [String] { ["Error: \(message)", "fix: \(fix)"] }

    /// Its exit code.
    var exitCode: ToolExitCode { isBadInput ? .badInput : .failed }
}
