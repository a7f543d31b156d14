import Cluster
import Installer
import Kube
import Synchronization

/// Turns operation events into the lines the headless commands print. Progress is printed only
/// when the ready count changes, so a log of a 10-minute install stays readable.
final class HeadlessPrinter: Sendable {
    private let lastProgress = Mutex<String>("")
    private let emit: @Sendable (String) -> Void
    /// `posthog-install status`, with `--simulate` after a simulated run, so it works as printed.
    private let statusCommand: String

    /// A printer handing each line to `emit`; `simulated` makes the commands it suggests carry `--simulate`.
    init(emit: @escaping @Sendable (String) -> Void, simulated: Bool = false) {
        self.emit = emit
        statusCommand = "posthog-install status" + (simulated ? " --simulate" : "")
    }

    /// Prints one event.
    func print(_ event: OperationEvent) {
        lines(for: event).forEach(emit)
    }

    /// The lines for one event (empty when nothing new is worth a line).
    func lines(for event: OperationEvent) -> [String] {
        switch event {
        case .note(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .preflight(let report):
            var lines: [String] = []
            for check in report.checks {
                lines.append("  \(Self.mark(check.status)) \(check.title): \(check.message)")
                lines += check.details.map { "      \($0)" }
                if check.status != .pass, !check.fix.isEmpty { lines.append("      fix: \(check.fix)") }
            }
            return lines
        case .plan(let steps, let context):
            return ["", "Plan (kubectl context \(context ?? "(none)")):"]
                + steps.map { "  - \($0.title)" + ($0.commandLine.map { ": \($0)" } ?? "") }
        case .stepStarted(let step):
            return step.commandLine == nil ? [] : ["", "→ \(step.title)"]
        case .stepFinished:
            return []
        case .toolOutput(let line):
            return ["  \(line)"]
        case .progress(let update, let elapsed):
            // Nothing created yet (helm is still rendering): no "0/0 ready" line.
            guard update.summary.total > 0 else { return [] }
            // Pods first, counted as the preflight and `status` count them (a finished Job's pod is done).
            let pods = update.summary.pods
            let podsDone = pods.filter { $0.status.state == .current }.count
            let counts = "\(podsDone)/\(pods.count) pods ready, \(update.summary.ready)/\(update.summary.total) objects"
            let changed = lastProgress.withLock { last in
                defer { last = counts }
                return last != counts
            }
            return changed ? ["  \(counts) (\(elapsed.components.seconds)s)"] : []
        case .diagnosis(let diagnosis):
            return diagnosis.text.split(separator: "\n").map { "  " + $0 }
        case .waitingForAddress(let source):
            return ["", "Waiting for the load balancer's address (\(source.description))…"]
        case .addressProblem(let finding):
            return [finding.message] + (finding.fix.isEmpty ? [] : ["fix: \(finding.fix)"])
        case .dnsRecord(let instruction, _, let url):
            return [""] + instruction.lines + ["", "When the record resolves, PostHog is at \(url)",
                                               "Check it any time with: \(statusCommand)"]
        }
    }

    /// ✓, ! or ✗ for a check's status (symbols, never colour alone).
    static func mark(_ status: PreflightCheck.Status) -> String {
        switch status {
        case .pass: return "✓"
        case .warn: return "!"
        case .fail: return "✗"
        }
    }
}
