import Cluster
import Installer
import Kube

/// How `status` prints pods and findings (pure).
enum StatusReport {
    /// `Pods: 12 of 13 ready`, one line per pod with a symbol and its state, then the problems.
    static func podLines(_ update: NamespacePollUpdate) -> [String] {
        var lines = ["Ready: \(update.summary.ready) of \(update.summary.total) (pods, workloads, jobs and volumes)"]
        let width = update.summary.pods.map(\.name.count).max() ?? 0
        for pod in update.summary.pods {
            let name = pod.name.padded(to: width)
            lines.append("  \(symbol(pod.status.state)) \(name)  \(pod.status.message)")
        }
        let problems = update.diagnoses
        if !problems.isEmpty {
            lines.append("")
            lines.append(problems.count == 1 ? "Problem found:" : "Problems found (\(problems.count)):")
            for diagnosis in problems { lines += diagnosis.text.split(separator: "\n").map { "  " + $0 } }
        }
        return lines
    }

    /// `✓ DNS: …` with the details and the fix underneath.
    static func findingLines(_ name: String, _ finding: PostInstallFinding) -> [String] {
        let mark: String
        switch finding.status {
        case .ok: mark = "✓"
        case .waiting: mark = "…"
        case .problem: mark = "✗"
        }
        var lines = ["\(mark) \(name): \(finding.message)"]
        lines += finding.details.map { "    \($0)" }
        if finding.status != .ok, !finding.fix.isEmpty { lines.append("    fix: \(finding.fix)") }
        return lines
    }

    /// ✓ ready, … on its way, ✗ failed (symbols, never colour alone).
    static func symbol(_ state: ObjectStatus.State) -> String {
        switch state {
        case .current: return "✓"
        case .inProgress: return "…"
        case .failed: return "✗"
        }
    }
}
