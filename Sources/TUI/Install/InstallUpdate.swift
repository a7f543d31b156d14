import Effects
import Installer

/// What the install reports to the wizard, in the wizard's own terms. The command layer
/// translates the cluster operations' events into these; `InstallState.apply` folds them in.
public enum InstallUpdate: Sendable, Hashable {
    /// A line for the person (values written, chart used, why something stopped).
    case note(String)
    /// The preflight's findings.
    case preflight(PreflightReport)
    /// The steps that will run and the kube context they run against.
    case plan([InstallState.PlannedStep], context: String?)
    /// A step began; `command` is its command line when it runs one.
    case stepStarted(id: String, command: String?)
    /// A step ended.
    case stepFinished(id: String, succeeded: Bool)
    /// One line of helm's output.
    case output(String)
    /// One reading of the namespace.
    case pods(PodsReading)
    /// A problem reported outside a poll (kept on screen).
    case diagnosis(InstallProgressModel.Diagnosis)
    /// Time since the install began, in (possibly simulated) seconds, and the clock's time now
    /// (the pods' ages are counted against it when the screen is drawn).
    case elapsed(Int, now: Timestamp? = nil)
    /// Waiting for the load balancer's address from this object.
    case waitingForAddress(String)
    /// The address did not come: what was found and what to do.
    case addressProblem(InstallProgressModel.Diagnosis)
    /// The DNS record to create and the address PostHog answers on.
    case dnsRecord(hostname: String, recordType: String, address: String, url: String)
    /// A DNS record the run waits for (shown in its own box until the run goes on).
    case recordToCreate(RecordToCreate)
    /// Fresh DNS and TLS check results.
    case checks([PostInstallModel.Check])
    /// The last log lines of a pod (answer to `WizardEffect.loadPodLogs`).
    case podLogs(pod: String, lines: [String])
    /// The install run ended; `failure` says why when it did not succeed.
    case ended(failure: String?)
}

/// One reading of the namespace for the progress screen.
public struct PodsReading: Sendable, Hashable {
    /// Tracked objects ready.
    public var ready: Int
    /// Tracked objects.
    public var total: Int
    /// The pods table.
    public var pods: [PodRow]
    /// Recent events per pod name.
    public var events: [String: [String]]
    /// Problems worth showing now.
    public var diagnoses: [InstallProgressModel.Diagnosis]

    /// Creates a reading.
    public init(
        ready: Int, total: Int, pods: [PodRow], events: [String: [String]] = [:],
        diagnoses: [InstallProgressModel.Diagnosis] = []
    ) {
        self.ready = ready
        self.total = total
        self.pods = pods
        self.events = events
        self.diagnoses = diagnoses
    }
}

extension InstallState {
    /// How many of helm's lines the progress screen keeps.
    static let outputLimit = 200

    /// The state after an update (pure).
    public func applying(_ update: InstallUpdate) -> InstallState {
        var s = self
        switch update {
        case .note(let line):
            if s.plan.isEmpty { s.log.append(line) } else if !line.isEmpty { s.appendOutput(line) }
        case .preflight(let report):
            s.preflight = report
            if !report.blockers.isEmpty { s.phase = .blocked }
        case .plan(let steps, let context):
            s.plan = steps
            s.context = context
            s.progress.steps = steps.map { InstallProgressModel.Step($0.title, .pending) }
            s.phase = .running
        case .stepStarted(let id, let command):
            s.setStep(id, .running)
            if let command, s.plan.first(where: { $0.id == id })?.runsHelm == true {
                s.helmRunning = command
                s.progress.record = nil  // the record resolved: helm's output has the pane again
            }
        case .stepFinished(let id, let succeeded):
            s.setStep(id, succeeded ? .done : .failed)
            if s.plan.first(where: { $0.id == id })?.runsHelm == true { s.helmRunning = nil }
        case .output(let line):
            s.appendOutput(line)
        case .pods(let reading):
            s.progress.ready = reading.ready
            s.progress.total = reading.total
            s.progress.pods = reading.pods
            s.podEvents = reading.events
            s.currentDiagnoses = reading.diagnoses
            s.selectedPod = min(s.selectedPod, max(0, reading.pods.count - 1))
            if let open = s.podDetail?.pod { s.podDetail?.events = reading.events[open] ?? [] }
        case .diagnosis(let diagnosis):
            if !s.lastingDiagnoses.contains(diagnosis) && !s.currentDiagnoses.contains(diagnosis) {
                s.lastingDiagnoses.append(diagnosis)
            }
        case .elapsed(let seconds, let now):
            s.progress.elapsedSeconds = seconds
            if let now { s.progress.now = now }
        case .waitingForAddress(let source):
            s.addressSource = source
            s.phase = .waitingForAddress
            s.appendOutput("Waiting for the load balancer's address (\(source))…")
        case .addressProblem(let diagnosis):
            s.lastingDiagnoses.append(diagnosis)
            s.phase = .failed
        case let .dnsRecord(hostname, recordType, address, url):
            s.post = PostInstallModel(
                hostname: hostname, recordType: recordType, address: address,
                checks: [.init(.pending, "Checking DNS and HTTPS…")], url: url)
            s.phase = .done
        case .recordToCreate(let record):
            s.progress.record = record
        case .checks(let checks):
            s.post = s.post?.receiving(checks)
        case .podLogs(let pod, let lines):
            if s.podDetail?.pod == pod { s.podDetail?.logs = lines }
        case .ended(let failure):
            s.ended = true
            s.helmRunning = nil
            if let failure {
                s.failure = failure
                if s.phase != .blocked { s.phase = .failed }
            } else if s.task == .install, !s.consent.preflightSeen, s.phase == .checking {
                // A run that only checked: its result waits on screen for Enter.
                s.phase = .checked
            } else if s.phase != .done {
                // Finished without an address to show (no hostname): nothing left to wait for.
                s.phase = .done
            }
        }
        // The newest problem takes over helm's output pane; the command layer passes only
        // problems that waiting will not fix.
        // A failure outranks a wait.
        s.progress.diagnosis = s.diagnoses.last { $0.waiting == nil } ?? s.diagnoses.last
        return s
    }

    private mutating func setStep(_ id: String, _ status: InstallProgressModel.StepStatus) {
        guard let index = plan.firstIndex(where: { $0.id == id }), index < progress.steps.count else { return }
        progress.steps[index].status = status
    }

    private mutating func appendOutput(_ line: String) {
        progress.outputTail.append(line)
        if progress.outputTail.count > Self.outputLimit { progress.outputTail.removeFirst(progress.outputTail.count - Self.outputLimit) }
    }
}
