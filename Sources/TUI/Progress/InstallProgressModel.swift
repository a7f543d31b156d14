import Effects

/// Everything the install-progress screen shows, as plain values the cluster layer fills in.
public struct InstallProgressModel: Sendable, Hashable {
    /// Where a step of the install is.
    public enum StepStatus: Sendable, Hashable {
        case pending, running, done, failed, skipped
    }

    /// One line of the steps checklist.
    public struct Step: Sendable, Hashable {
        /// What the step does ("Install the chart").
        public var title: String
        /// Where it is.
        public var status: StepStatus

        /// Creates a step.
        public init(_ title: String, _ status: StepStatus) {
            self.title = title
            self.status = status
        }
    }

    /// A problem found while waiting, with its likely cause and the fix.
    public struct Diagnosis: Sendable, Hashable {
        /// One line: what is wrong ("3 pods cannot be scheduled").
        public var title: String
        /// Why, in plain words.
        public var cause: String
        /// What to do, one instruction per entry.
        public var fix: [String]
        /// Set while the object is still in progress: the box is a wait (`!`), not a failure
        /// (`✗`), and this says until when that is normal.
        public var waiting: String?

        /// Creates a diagnosis; with `waiting`, a wait that may still resolve itself.
        public init(title: String, cause: String, fix: [String], waiting: String? = nil) {
            self.title = title
            self.cause = cause
            self.fix = fix
            self.waiting = waiting
        }
    }

    /// The heading ("Installing PostHog", "Upgrading PostHog").
    public var title: String
    /// The steps checklist.
    public var steps: [Step]
    /// The last lines of helm's output.
    public var outputTail: [String]
    /// The pods of the release.
    public var pods: [PodRow]
    /// Ready pods.
    public var ready: Int
    /// Pods expected.
    public var total: Int
    /// Seconds since the install started.
    public var elapsedSeconds: Int
    /// A problem to explain, when there is one.
    public var diagnosis: Diagnosis?
    /// The clock's time at the latest tick: the pods' AGE is counted against it.
    public var now: Timestamp?
    /// A DNS record the person has to create while the run waits for it (HTTPS for a 1-click
    /// install), shown in a box of its own above helm's output.
    public var record: RecordToCreate?

    /// Creates a model.
    public init(
        title: String = "Installing PostHog", steps: [Step] = [], outputTail: [String] = [], pods: [PodRow] = [],
        ready: Int = 0, total: Int = 0, elapsedSeconds: Int = 0, diagnosis: Diagnosis? = nil
    ) {
        self.title = title
        self.steps = steps
        self.outputTail = outputTail
        self.pods = pods
        self.ready = ready
        self.total = total
        self.elapsedSeconds = elapsedSeconds
        self.diagnosis = diagnosis
    }
}

/// What the post-install screen shows: the DNS record to create, the checks and the URL.
public struct PostInstallModel: Sendable, Hashable {
    /// The result of one check.
    public enum CheckStatus: Sendable, Hashable {
        case ok, warning, failed, pending
    }

    /// One check line ("DNS: posthog.example.com resolves to 203.0.113.10").
    public struct Check: Sendable, Hashable {
        /// The result.
        public var status: CheckStatus
        /// What was checked and what was found.
        public var text: String
        /// What to do when it did not pass.
        public var fix: String?
        /// What is checked (`DNS`, `HTTPS`), to tell runs apart; nil for a note.
        public var label: String?

        /// Creates a check line.
        public init(_ status: CheckStatus, _ text: String, fix: String? = nil, label: String? = nil) {
            self.status = status
            self.text = text
            self.fix = fix
            self.label = label
        }
    }

    /// A check whose result differs from the run before.
    public struct Change: Sendable, Hashable {
        /// What is checked.
        public var label: String
        /// The result before, nil when it was not checked.
        public var from: CheckStatus?
        /// The result now.
        public var to: CheckStatus
    }

    /// How many times the checks ran.
    public var runs = 0
    /// The changes of the latest run that changed something, with that run's number.
    public var lastChanges: (run: Int, changes: [Change])? {
        get { changeRun.map { ($0, changes) } }
        set {
            changeRun = newValue?.run
            changes = newValue?.changes ?? []
        }
    }
    private var changeRun: Int?
    private var changes: [Change] = []
    /// Set when `r` asked for the checks and their result is not in yet.
    public var rechecking = false

    /// The model with a new run of the checks: what changed is kept for the screen.
    public func receiving(_ new: [Check]) -> PostInstallModel {
        var model = self
        let before = Dictionary(checks.compactMap { c in c.label.map { ($0, c.status) } }, uniquingKeysWith: { a, _ in a })
        let changed = new.compactMap { check -> Change? in
            guard let label = check.label, before[label] != check.status, runs > 0 else { return nil }
            return Change(label: label, from: before[label], to: check.status)
        }
        model.checks = new
        model.runs += 1
        model.rechecking = false
        if !changed.isEmpty { model.lastChanges = (model.runs, changed) }
        return model
    }

    /// Whether any check fails now (the screen's headline then does not claim success).
    public var anyCheckFails: Bool { checks.contains { $0.status == .failed } }

    /// The host name PostHog is served on.
    public var hostname: String
    /// `A` for an IP address, `CNAME` for a load balancer host name (AWS).
    public var recordType: String
    /// The address to point the record at; nil while the load balancer has none yet.
    public var address: String?
    /// The DNS and TLS checks.
    public var checks: [Check]
    /// The address to open (`https://posthog.example.com`).
    public var url: String
    /// The title bar's screen name.
    public var title: String
    /// The first line of the screen.
    public var headline: String

    /// Creates a model.
    public init(
        hostname: String, recordType: String, address: String?, checks: [Check], url: String,
        title: String = "Installed",
        headline: String = "PostHog is installed. Two things are left: DNS and the certificate."
    ) {
        self.hostname = hostname
        self.recordType = recordType
        self.address = address
        self.checks = checks
        self.url = url
        self.title = title
        self.headline = headline
    }
}

/// A DNS record the run waits for: create it at the DNS provider.
public struct RecordToCreate: Sendable, Hashable {
    /// The hostname (`posthog.example.com`).
    public var name: String
    /// `A`, `AAAA` or `CNAME`.
    public var type: String
    /// The address or host name it points at.
    public var value: String
    /// How to enter it, or what to watch for (the apex note), when there is something to say.
    public var note: String?

    /// Creates a record.
    public init(name: String, type: String, value: String, note: String? = nil) {
        self.name = name
        self.type = type
        self.value = value
        self.note = note
    }
}
