import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import TUI

/// Translates what the install reports (`OperationEvent`s, shared with the headless printer)
/// into the wizard's `InstallUpdate`s: pods as table rows, Kube's diagnoses as cause and fix,
/// the plan as a checklist. Keeps what later questions need (the pods of the latest poll, the
/// last error line).
struct WizardInstallBridge {
    /// The id of the checklist step the wizard adds for the load balancer's address.
    static let addressStep = "address"

    /// The pods of the latest poll, by name (for their logs).
    private(set) var pods: [String: Pod] = [:]
    /// The last error or stop line reported, to say why an install ended.
    private(set) var lastProblem: String?
    /// Whether the event before was a failure line (the next one continues the same problem).
    private var failureContinues = false
    /// Whether the operation ends by waiting for the load balancer's address (the checklist gets that step).
    var waitsForAddress = true
    /// Whether the DNS record ends the operation on the post-install screen; otherwise it becomes lines of the log.
    var showsDNSScreen = true

    /// The updates for one event (pure apart from remembering the above).
    mutating func translate(_ event: OperationEvent) -> [InstallUpdate] {
        // Failure lines reported one after the other are one problem (a run's error and the
        // lines that say what was left and what to do).
        defer {
            if case .failure = event { failureContinues = true } else { failureContinues = false }
        }
        switch event {
        case .note(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { .note(String($0)) }
        case .failure(let text):
            // An error's own lines (what was left as it was, the command that fixes it) belong to it.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let said = lines.map { $0.trimmingSpacesAndTabs() }.filter { !$0.isEmpty }
            lastProblem = ((failureContinues ? lastProblem.map { [$0] } ?? [] : []) + said).joined(separator: " ")
            return lines.map { .note($0) }
        case .stopped(let text):
            lastProblem = text.trimmingSpacesAndTabs()
            return [.note(text)]
        case .headlessHint:
            // About the headless command's flags: the wizard wrote the file itself.
            return []
        case .preflight(let report):
            return [.preflight(report)]
        case .plan(let steps, let context):
            var planned = steps.map { step in
                InstallState.PlannedStep(id: step.id, title: step.title, runsHelm: Self.runsHelmRelease(step.argv))
            }
            // A plan with its own address step (HTTPS) keeps it where it is.
            if waitsForAddress && !planned.contains(where: { $0.id == Self.addressStep }) {
                planned.append(.init(id: Self.addressStep, title: "Wait for the load balancer's address"))
            }
            return [.plan(planned, context: context)]
        case .stepStarted(let step):
            return [.stepStarted(id: step.id, command: step.argv.map(PlanStep.display))]
        case .stepFinished(let step, let succeeded):
            return [.stepFinished(id: step.id, succeeded: succeeded)]
        case .heartbeat:
            return []
        case .toolOutput(let line):
            if line.hasPrefix("Error:") { lastProblem = line }
            return [.output(line)]
        case .progress(let update, _):
            pods = Dictionary(update.objects.snapshot.pods.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
            return [.pods(Self.reading(update))]
        case .diagnosis(let diagnosis):
            // A wait is not kept: the next reading shows it again, or shows it settled.
            return Self.worthShowing(diagnosis) && !diagnosis.inProgress ? [.diagnosis(Self.model(diagnosis))] : []
        case .waitingForAddress(let source):
            return [.stepStarted(id: Self.addressStep, command: nil), .waitingForAddress(source.description)]
        case .addressProblem(let finding):
            lastProblem = finding.message
            return [
                .stepFinished(id: Self.addressStep, succeeded: false),
                .addressProblem(
                    .init(
                        title: "No address for PostHog yet", cause: ([finding.message] + finding.details).joined(separator: " "),
                        fix: finding.fix.isEmpty ? [] : [finding.fix])),
            ]
        case .recordToCreate(let instruction):
            // The record stands in its own box while the run waits for it, not in helm's output.
            let record = instruction.record
            let note = instruction.apexNote ?? "Enter the name as your DNS provider expects (often only the part before your domain)."
            return [.recordToCreate(RecordToCreate(name: record.name, type: record.type, value: record.value, note: note))]
        case let .dnsRecord(instruction, _, url) where !showsDNSScreen:
            // After a job the record is a reminder, not news: the job's end screen lists it.
            return [.stepFinished(id: Self.addressStep, succeeded: true), .note(""), .note("PostHog answers at \(url)")]
                + instruction.lines.map { .note($0) }
        case let .dnsRecord(instruction, hostname, url):
            return [
                .stepFinished(id: Self.addressStep, succeeded: true),
                .dnsRecord(hostname: hostname, recordType: instruction.record.type, address: instruction.record.value, url: url),
            ]
        }
    }

    /// Whether an argv is helm changing the release (the step that may outlive the wizard).
    static func runsHelmRelease(_ argv: [String]?) -> Bool {
        guard let argv, argv.first == "helm", argv.count > 1 else { return false }
        return ["install", "upgrade", "uninstall"].contains(argv[1])
    }

    /// Whether a diagnosis is worth a panel. Waiting for init containers, and claims that bind
    /// only once their pod is scheduled (WaitForFirstConsumer), are how every install starts.
    static func worthShowing(_ diagnosis: Diagnosis) -> Bool {
        ![.initWaiting, .volumeWaitsForPod].contains(diagnosis.code)
    }

    /// A diagnosis as the progress screen's panel shows it: what is wrong, the evidence, the fix.
    static func model(_ diagnosis: Diagnosis) -> InstallProgressModel.Diagnosis {
        // The summary names the object already; the subject leads the evidence.
        let subject = diagnosis.subject.isEmpty ? "" : "\(diagnosis.subject): "
        let cause = subject + (diagnosis.details.isEmpty ? diagnosis.summary : diagnosis.details.joined(separator: "; "))
        var fix = [diagnosis.fix]
        if let note = diagnosis.upgradeNoteID { fix.append("See the upgrade note \(note).") }
        return .init(title: diagnosis.summary, cause: cause, fix: fix, waiting: diagnosis.inProgress ? waitingNote(diagnosis) : nil)
    }

    /// Until when a wait is normal, for the waiting box (the grace periods of `StatusPolicy`).
    static func waitingNote(_ diagnosis: Diagnosis, policy: StatusPolicy = .standard) -> String {
        let limit = NamespacePollUpdate.deadline(of: diagnosis, policy: policy).map { "\(Int($0)) s" }
        let normal =
            diagnosis.object?.kind == "PersistentVolumeClaim"
            ? "Normal while the cloud creates the volume."
            : "Normal while the install starts: the scheduler tries again as volumes and nodes become ready."
        return normal + (limit.map { " It counts as a problem after \($0)." } ?? "")
    }

    /// The pods table, counts, per-pod events and problems of one poll (pure).
    static func reading(_ update: NamespacePollUpdate) -> PodsReading {
        let snapshot = update.objects.snapshot
        let statuses = Dictionary(update.summary.pods.map { ($0.name, $0.status) }, uniquingKeysWith: { $1 })
        // Failing pods first, then the ones still starting: what needs attention is at the top.
        let rows = snapshot.pods.map { pod in row(pod, status: statuses[pod.name], now: update.takenAt) }
            .sorted { (rank($0.health), $0.name) < (rank($1.health), $1.name) }
        var events: [String: [String]] = [:]
        for event in snapshot.events where event.involvedObject.kind == "Pod" {
            events[event.involvedObject.name, default: []].append(describe(event))
        }
        for (pod, lines) in events { events[pod] = Array(lines.suffix(12)) }
        let diagnoses = update.diagnoses.filter(worthShowing).map(model)
        return PodsReading(ready: update.summary.ready, total: update.summary.total, pods: rows, events: events, diagnoses: diagnoses)
    }

    /// The pods table's order: failing, waiting, then ready and completed pods.
    static func rank(_ health: PodHealth) -> Int {
        switch health {
        case .failing: return 0
        case .waiting: return 1
        case .ready: return 2
        case .completed: return 3
        }
    }

    /// One row of the pods table, with kubectl's STATUS word.
    static func row(_ pod: Pod, status: ObjectStatus?, now: Date) -> PodRow {
        let containers = pod.status.containerStatuses
        let readyCount = containers.filter(\.ready).count
        let total = max(containers.count, pod.spec.containers.count)
        let word = statusWord(pod)
        let health: PodHealth
        if pod.status.phase == "Succeeded" {
            health = .completed
        } else {
            switch status?.state {
            case .current: health = .ready
            case .failed: health = .failing
            default: health = pod.isReady ? .ready : .waiting
            }
        }
        let restarts = containers.reduce(0) { $0 + $1.restartCount } + pod.status.initContainerStatuses.reduce(0) { $0 + $1.restartCount }
        let created = pod.metadata.creationTimestamp
        let shownAge = created.map { PodRow.age(seconds: Int(now.timeIntervalSince($0))) } ?? ""
        return PodRow(
            name: pod.name, health: health, status: word, ready: "\(readyCount)/\(total)", restarts: restarts, age: shownAge,
            created: created.map { Timestamp(nanosecondsSinceEpoch: Int64(($0.timeIntervalSince1970 * 1e9).rounded())) })
    }

    /// What `kubectl get pods` shows in STATUS: a waiting or terminated reason, `Init:n/m`, or the phase.
    static func statusWord(_ pod: Pod) -> String {
        if pod.status.phase == "Succeeded" { return "Completed" }
        let inits = pod.status.initContainerStatuses
        for (index, status) in inits.enumerated() {
            if let reason = status.state.waitingReason, reason != "PodInitializing" { return "Init:" + reason }
            if case .terminated = status.state { continue }
            return "Init:\(index)/\(inits.count)"
        }
        for status in pod.status.containerStatuses {
            if let reason = status.state.waitingReason { return reason }
        }
        for status in pod.status.containerStatuses where !status.ready {
            if let reason = status.state.reason, reason != "Completed" { return reason }
        }
        return pod.status.phase.isEmpty ? "Unknown" : pod.status.phase
    }

    /// `Warning FailedScheduling: 0/2 nodes are available… (×3)`.
    static func describe(_ event: Event) -> String {
        "\(event.type) \(event.reason): \(event.message)" + (event.count > 1 ? " (×\(event.count))" : "")
    }

}
