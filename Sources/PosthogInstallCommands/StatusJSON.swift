import Cluster
import Installer
import Kube
import Synchronization

/// What `posthog-install status -o json` prints, for scripts that today read the text: the same
/// facts, collected while the checks run. Field names are documented in docs/commands.md.
struct StatusJSON: Encodable, Equatable, Sendable {
    /// The installed release (`helm list`).
    struct Release: Encodable, Equatable, Sendable {
        var name: String
        var namespace: String
        var status: String
        var chart: String
        var appVersion: String
        var revision: Int
    }

    /// One pod: `ready`, `progressing` or `failed`, and what it is doing.
    struct PodState: Encodable, Equatable, Sendable {
        var name: String
        var state: String
        var message: String
    }

    /// A problem found, with its cause and fix.
    struct Problem: Encodable, Equatable, Sendable {
        var code: String
        var subject: String
        var summary: String
        var fix: String
    }

    /// The DNS record PostHog needs.
    struct Record: Encodable, Equatable, Sendable {
        var type: String
        var name: String
        var value: String
    }

    /// A check (`Address`, `DNS`, `Certificate`, `TLS`): `ok`, `waiting` or `problem`.
    struct Check: Encodable, Equatable, Sendable {
        var name: String
        var status: String
        var message: String
        var fix: String
        var details: [String]
    }

    var context: String?
    var namespace: String
    /// False when the cluster could not be reached (`unreachable` says why).
    var reachable = true
    var unreachable: String?
    var release: Release?
    /// Pods, workloads, jobs and volumes ready, and how many there are.
    var ready = 0
    var total = 0
    var pods: [PodState] = []
    var problems: [Problem] = []
    var address: String?
    var dnsRecord: Record?
    var checks: [Check] = []
    var url: String?
    /// The exit code the command ends with (0: deployed and every pod ready).
    var exitCode: Int32 = 0

    mutating func add(_ update: NamespacePollUpdate) {
        ready = update.summary.ready
        total = update.summary.total
        pods = update.summary.pods.map { PodState(name: $0.name, state: Self.state($0.status.state), message: $0.status.message) }
        problems = update.diagnoses.map { Problem(code: $0.code.rawValue, subject: $0.subject, summary: $0.summary, fix: $0.fix) }
    }

    mutating func add(_ name: String, _ finding: PostInstallFinding) {
        let status: String = switch finding.status {
        case .ok: "ok"
        case .waiting: "waiting"
        case .problem: "problem"
        }
        checks.append(Check(name: name, status: status, message: finding.message, fix: finding.fix, details: finding.details))
    }

    static func state(_ state: ObjectStatus.State) -> String {
        switch state {
        case .current: return "ready"
        case .inProgress: return "progressing"
        case .failed: return "failed"
        }
    }
}

/// Collects a `StatusJSON` while `StatusRun` runs (the run is a value; this is its one shared box).
final class StatusJSONCollector: Sendable {
    private let report: Mutex<StatusJSON>

    init(namespace: String) { report = Mutex(StatusJSON(namespace: namespace)) }

    func update(_ change: (inout StatusJSON) -> Void) { report.withLock { change(&$0) } }

    var value: StatusJSON { report.withLock { $0 } }
}
