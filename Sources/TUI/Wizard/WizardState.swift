import Effects
import Installer

/// Everything the wizard screen shows, as a value: `Wizard.update` makes the next one from an
/// event and `WizardView.render` draws it. No effects happen here.
public struct WizardState: Sendable, Equatable {
    /// The questions, sections and costs of the chart range being installed.
    public let profile: ProfileSet
    /// The screen shown.
    public var step: WizardStep = .welcome
    /// Accepted answers by question id (choice values, cleaned-up text).
    public var answers: [String: String]
    /// The optional sections the person chose to fill in.
    public var enabledSections: Set<String> = []
    /// Text typed so far per question id.
    public var drafts: [String: TextDraft] = [:]
    /// The highlighted choice per question id.
    public var highlights: [String: Int] = [:]
    /// The highlighted row of the extras screen (the last row is "Continue").
    public var extrasHighlight: Int?
    /// Set when Enter was pressed on a text field whose text is not acceptable.
    public var showFieldError = false
    /// Help or the quit confirmation, drawn over the screen.
    public var overlay: WizardOverlay?
    /// The review screen's data.
    public var review = ReviewState()
    /// The terminal size, for scrolling limits.
    public var size: TerminalSize
    /// Whether the person confirmed the review (Enter); the wizard is over.
    public var finished = false
    /// How the wizard was started (what the review's Enter does, a saved values.yaml).
    public var launch = WizardLaunch()
    /// The cluster the install goes to; nil while it is being looked for.
    public var cluster: ClusterInfo?
    /// The install screens' state, once the review was confirmed (or a job started).
    public var install: InstallState?
    /// The highlighted job of the welcome screen's menu (shown once a release is found).
    public var menuHighlight: Int?
    /// The screen of the job chosen on the menu, before it runs.
    public var task: TaskScreen?
    /// Set while the questions are asked again for an installed release ("Change settings"):
    /// the answers and extras as they were saved, put back when the change is left unapplied.
    public var changingSettings: SavedSettings?

    /// A wizard at the welcome screen; `answers` pre-fills questions (from an earlier values.yaml).
    public init(profile: ProfileSet, answers: [String: String] = [:], size: TerminalSize = .minimum) {
        self.profile = profile
        self.answers = answers
        self.size = size
    }

    /// The answers and chosen sections as the installer's answer sheet.
    public var sheet: AnswerSheet { AnswerSheet(answers: answers, enabledSections: enabledSections) }

    /// The question shown, if the step is a question.
    public var currentQuestion: Question? {
        guard case .question(let id) = step else { return nil }
        return profile.question(id)
    }
}

/// What happens to the wizard.
public enum WizardEvent: Sendable, Equatable {
    /// A key was pressed (Ctrl-C and SIGINT both arrive as `.key(.ctrlC)`).
    case key(Key)
    /// The terminal has a new size.
    case resized(TerminalSize)
    /// The review data is ready.
    case previewReady(ReviewPreview)
    /// The review data could not be prepared; the message says why.
    case previewFailed(String)
    /// The cluster the install will go to was found.
    case cluster(ClusterInfo)
    /// The install reported something.
    case install(InstallUpdate)
    /// A job's screen is ready to show.
    case taskReady(WizardTask, TaskForm)
    /// A job cannot run now; the message says why and what to do.
    case taskUnavailable(WizardTask, String)
}

/// What the wizard asks the edges to do; `update` returns these as values.
public enum WizardEffect: Sendable, Equatable {
    /// Prepare the review: generate values.yaml for these answers, read the existing file,
    /// plan the commands (`helm upgrade` when `upgrade`, for changed settings), read the kube
    /// context; answer with `previewReady` or `previewFailed`.
    case preparePreview(AnswerSheet, upgrade: Bool = false)
    /// The person confirmed: install with these answers (or, without `runsInstall`, write them and end).
    case finish(AnswerSheet)
    /// Write the files for these answers and install into `context` (the one the review showed),
    /// with what the person agreed to on the blocked screen; answer with `.install` events.
    case startInstall(AnswerSheet, context: String?, consent: PreflightConsent = PreflightConsent())
    /// Read the last log lines of a pod; answer with `.install(.podLogs)`.
    case loadPodLogs(String)
    /// Run the DNS and TLS checks again now.
    case recheck
    /// Prepare a job's screen (with these options switched on); answer with `taskReady` or `taskUnavailable`.
    case prepareTask(WizardTask, TaskInputs)
    /// Run a job with what the person entered against `context`; answer with `.install` events.
    case runTask(WizardTask, TaskInputs, context: String?)
    /// Look at the cluster again (after a job, the release may have changed); answer with `cluster`.
    case refreshCluster
    /// Stop what a job left running in the background (a port-forward).
    case stopTask(WizardTask)
    /// The person chose to quit; nothing is written.
    case quit
}

/// The answers of an installed release as they were saved, kept while "Change settings" asks
/// the questions again.
public struct SavedSettings: Sendable, Equatable {
    /// Saved answers by question id.
    public var answers: [String: String]
    /// Saved optional sections.
    public var enabledSections: Set<String>

    /// Creates the saved settings.
    public init(answers: [String: String], enabledSections: Set<String>) {
        self.answers = answers
        self.enabledSections = enabledSections
    }
}
