import Cluster
import Kube

/// The bundle's README and summary (pure).
enum SupportBundleText {
    /// What is inside and what failed to be collected.
    static func readme(request: SupportBundleRun.Request, stamp: String, problems: [String]) -> String {
        var lines = [
            "posthog-install support bundle, \(stamp)",
            "Release \(request.release) in namespace \(request.namespace), kubectl context \(request.context ?? "(current)").",
            "posthog-install \(ToolVersion.current).",
            "",
            "SUMMARY.txt   what looks wrong, read first",
            "versions/     posthog-install, kubectl and helm",
            "helm/         the release: list (chart and app version), history, user-supplied values, status, manifest",
            "cluster/      nodes (allocatable), node metrics when the cluster has them, storage and snapshot classes",
            "namespace/    every object of the namespace, its events, its secrets' names and keys (never their values)",
            "describe/     kubectl describe of every pod that is not ready",
            "logs/         the last \(request.logLines) lines of every container (and of its previous run after a restart)",
            "preflight.txt the preflight checks against the deployed release",
            "local/        the values.yaml posthog-install used",
            "transcripts/  the newest transcripts of earlier posthog-install runs",
            "",
            "Secret values, passwords from values.yaml, password-like keys, env values whose names mean secrets,",
            "passwords in URLs and tokens are replaced with ***.",
        ]
        if !problems.isEmpty { lines += ["", "Could not be collected:"] + problems.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What looks wrong: the release's state, the pods and their diagnoses, node room, the preflight's
    /// blockers and warnings, and what could not be collected.
    static func summary(_ facts: SupportBundleFacts, preflight: [String], problems: [String]) -> String {
        var lines: [String] = []
        if let r = facts.release {
            lines.append("Release \(r.name): \(r.status), revision \(r.revision), chart \(r.chart), app \(r.appVersion).")
            if r.status != "deployed" { lines.append("✗ The release is not deployed (\(r.status)): helm history in helm/history.json says why.") }
        } else {
            lines.append("✗ No release was found (or helm could not be asked).")
        }
        lines.append("")
        if let pods = facts.pods {
            lines += StatusReport.podLines(pods)
        } else {
            lines.append("The pods could not be read.")
        }
        if !facts.nodes.isEmpty {
            lines.append("")
            lines.append("Nodes (requested by pods / allocatable):")
            for usage in facts.nodes {
                let a = usage.node.allocatableAmounts
                lines.append("  \(usage.node.name): CPU \(usage.requested.milliCPU)m / \(a.milliCPU)m, memory "
                             + "\(usage.requested.memory / 1_048_576)Mi / \(a.memory / 1_048_576)Mi" + (usage.node.isReady ? "" : "  ✗ not Ready"))
            }
        }
        let flagged = preflight.filter { $0.contains("✗") || $0.contains("!") }
        if !flagged.isEmpty { lines += ["", "Preflight:"] + flagged.map { "  " + $0.trimmingWhitespaceAndNewlines() } }
        if !problems.isEmpty { lines += ["", "Not collected (\(problems.count)):"] + problems.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1.4 MB`, `820 KB`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000).\(bytes % 1_000_000 / 100_000) MB" : "\(max(1, bytes / 1000)) KB"
    }
}
