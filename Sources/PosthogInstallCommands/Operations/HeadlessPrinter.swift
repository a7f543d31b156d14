import Cluster
import Installer
import Kube
import Synchronization

/// Turns operation events into the lines the headless commands print. Progress is printed only
/// when the ready count changes, so a log of a 10-minute install stays readable.
final class HeadlessPrinter: Sendable {
    private let lastProgress = Mutex<(counts: String, at: Duration)>(("", .zero))
    private let emit: @Sendable (String) -> Void
    private let emitError: @Sendable (String) -> Void

    /// A printer handing each line to `emit`, and the lines of a `.failure` to `emitError`
    /// (standard error for the headless commands; `emit` when not given).
    init(emit: @escaping @Sendable (String) -> Void, emitError: (@Sendable (String) -> Void)? = nil) {
        self.emit = emit
        self.emitError = emitError ?? emit
    }

    /// Prints one event.
    func print(_ event: OperationEvent) {
        if case .failure = event {
            lines(for: event).forEach(emitError)
        } else {
            lines(for: event).forEach(emit)
        }
    }

    /// The lines for one event (empty when nothing new is worth a line).
    func lines(for event: OperationEvent) -> [String] {
        switch event {
        case .note(let text), .failure(let text), .stopped(let text), .headlessHint(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .preflight(let report):
            var lines: [String] = []
            for check in report.checks {
                lines.append("  \(Self.mark(check.status)) \(check.title): \(check.message)")
                lines += check.details.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "      \($0)" }
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
        case .heartbeat(let text):
            return ["  … \(text)"]
        case .progress(let update, let elapsed):
            // Nothing created yet (helm is still rendering): no "0/0 ready" line.
            guard update.summary.total > 0 else { return [] }
            // Pods, counted as the preflight and `status` count them (a finished Job's pod is done).
            let pods = update.summary.pods
            let counts =
                pods.isEmpty
                ? "\(update.summary.ready)/\(update.summary.total) objects ready"
                : "\(pods.filter { $0.status.state == .current }.count)/\(pods.count) pods ready"
            // A line when the count changes, and at least every 25 s while it does not (so a
            // log shows the wait is alive, and what it is waiting for, within the 30 s promised
            // even when a poll is slow).
            let due = lastProgress.withLock { last -> Bool in
                let changed = last.counts != counts
                guard changed || elapsed - last.at >= ClusterSteps.heartbeatInterval else { return false }
                last = (counts, elapsed)
                return true
            }
            guard due else { return [] }
            return ["  \(counts) (\(ElapsedText.text(elapsed)))" + Self.waitingFor(update.summary)]
        case .diagnosis(let diagnosis):
            return Self.lines(for: diagnosis)
        case .waitingForAddress(let source):
            return ["", "Waiting for the load balancer's address (\(source.description))…"]
        case .addressProblem(let finding):
            return [finding.message] + (finding.fix.isEmpty ? [] : ["fix: \(finding.fix)"])
        case .dnsRecord(let instruction, _, let url):
            // The command that checks it comes from the operation, which knows the cluster,
            // namespace and release it used (`FollowUpCommands`).
            return [""] + instruction.lines + ["", "When the record resolves, PostHog is at \(url)"]
        case .recordToCreate(let instruction):
            return [""] + instruction.lines
        }
    }

    /// A finding's lines, marked as a wait (`…`, normal for a while: a claim being provisioned,
    /// a pod within its grace period) or as a problem (`✗`), as the wizard shows them.
    static func lines(for diagnosis: Diagnosis) -> [String] {
        var text = diagnosis.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty else { return [] }
        if diagnosis.inProgress {
            text[0] = "… waiting: " + text[0]
            if let fix = text.lastIndex(where: { $0.hasPrefix("  fix: ") }) {
                text[fix] = "  if it does not clear: " + text[fix].dropFirst("  fix: ".count)
            }
        } else {
            text[0] = "✗ " + text[0]
        }
        return text.map { "  " + $0 }
    }

    /// `; waiting for StatefulSet posthog-clickhouse (0 of 1 ready), …` (the first three not ready).
    static func waitingFor(_ summary: ProgressSummary) -> String {
        let waiting = summary.items.filter { $0.status.state != .current }
        guard !waiting.isEmpty else { return "" }
        let shown = waiting.prefix(3).map { "\($0.kind) \($0.name) (\($0.status.message))" }
        let more = waiting.count > 3 ? " and \(waiting.count - 3) more" : ""
        return "; waiting for " + shown.joined(separator: ", ") + more
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
