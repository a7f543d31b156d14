import Installer

/// The install screens' own state: where the install is, what it reported, and the pod the
/// person is looking at. `InstallState.apply` folds `InstallUpdate`s into it (pure).
public struct InstallState: Sendable, Hashable {
    /// Where the install is.
    public enum Phase: Sendable, Hashable {
        /// values.yaml written, the cluster being checked.
        case checking
        /// The preflight found blockers; nothing was installed.
        case blocked
        /// The preflight passed (perhaps with warnings); the install waits for Enter.
        case checked
        /// helm is running or the pods are being watched.
        case running
        /// Waiting for the load balancer's address.
        case waitingForAddress
        /// The install failed or stopped; the diagnosis says why.
        case failed
        /// Installed: the post-install screen with the DNS record.
        case done
    }

    /// One step of the plan, by its stable id.
    public struct PlannedStep: Sendable, Hashable {
        /// The plan step's id (`repo-add`, `install`, `watch`).
        public var id: String
        /// What it does, for people.
        public var title: String
        /// Whether it runs helm (which may outlive the wizard).
        public var runsHelm: Bool

        /// Creates a step.
        public init(id: String, title: String, runsHelm: Bool = false) {
            self.id = id
            self.title = title
            self.runsHelm = runsHelm
        }
    }

    /// The job running on these screens (the first install, or one from the menu).
    public var task: WizardTask = .install
    /// Where the install is.
    public var phase: Phase = .checking
    /// Lines reported before the plan (values, chart, the preflight's own notes).
    public var log: [String] = []
    /// The preflight's findings, once in.
    public var preflight: PreflightReport?
    /// The plan's steps in order.
    public var plan: [PlannedStep] = []
    /// The kube context the plan runs against.
    public var context: String?
    /// The progress screen's model.
    public var progress = InstallProgressModel()
    /// Problems of the latest poll (replaced on every poll).
    public var currentDiagnoses: [InstallProgressModel.Diagnosis] = []
    /// Problems reported outside a poll (helm's error, the state after a failure); kept.
    public var lastingDiagnoses: [InstallProgressModel.Diagnosis] = []
    /// Recent events per pod name, for the pod details box.
    public var podEvents: [String: [String]] = [:]
    /// The highlighted row of the pods table.
    public var selectedPod: Int = 0
    /// The pod whose details are open, with its log lines once read.
    public var podDetail: PodDetail?
    /// The helm command running now (`helm install …`), nil when none is.
    public var helmRunning: String?
    /// The post-install screen's model, once the address is known.
    public var post: PostInstallModel?
    /// What the load balancer's address is awaited from (`Service posthog-ingress-nginx-controller`).
    public var addressSource: String?
    /// Why the install ended without success, in words.
    public var failure: String?
    /// Whether the install run has ended (successfully or not).
    public var ended = false
    /// What the person agreed to for this run on an earlier blocked screen.
    public var consent = PreflightConsent()
    /// The blocked screen's offer being confirmed (its confirmation box is open).
    public var confirming: PreflightOffer?

    /// A fresh install state; `consent` is what this run was started with.
    public init(consent: PreflightConsent = PreflightConsent()) {
        self.consent = consent
    }

    /// What the blocked screen offers to do (only for the first install, once it is `.blocked`).
    public var offers: [PreflightOffer] {
        guard task == .install, phase == .blocked, let preflight else { return [] }
        return PreflightOffer.offers(for: preflight)
    }

    /// The state of a job from the menu, before its first report.
    public init(task: WizardTask) { self.task = task }

    /// The diagnoses to show: the lasting ones, then the latest poll's (each once).
    public var diagnoses: [InstallProgressModel.Diagnosis] {
        var seen = Set<InstallProgressModel.Diagnosis>()
        return (lastingDiagnoses + currentDiagnoses).filter { seen.insert($0).inserted }
    }
}

/// The details box of one pod: its recent events and the last lines of its log.
public struct PodDetail: Sendable, Hashable {
    /// The pod's name.
    public var pod: String
    /// The pod's recent events (`Warning FailedScheduling: 0/2 nodes are available…`).
    public var events: [String]
    /// The last log lines, nil while they are being read.
    public var logs: [String]?

    /// Creates a details box.
    public init(pod: String, events: [String], logs: [String]? = nil) {
        self.pod = pod
        self.events = events
        self.logs = logs
    }
}
