/// A screen of the wizard.
public enum WizardStep: Sendable, Hashable {
    /// What the program will do, and how to move around.
    case welcome
    /// One question of the profile set, by id.
    case question(String)
    /// The optional sections, collapsed until chosen.
    case extras
    /// values.yaml preview or diff, the commands and the kube context.
    case review
    /// The install: preflight, progress, then the DNS record and checks (also a job's run).
    case install
    /// A job chosen on the welcome screen's menu, before it runs.
    case task(WizardTask)
}

/// A box drawn over the current screen.
public enum WizardOverlay: Sendable, Hashable {
    /// Help for the current field.
    case help(title: String, text: String)
    /// "Quit without installing?"
    case confirmQuit
    /// A job's second question before it runs (a ticked box that loses data); only `y` runs it.
    case confirmTask(TaskConfirmation)
}

/// The text being typed into a field and the cursor position in characters.
public struct TextDraft: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Cursor position, 0…text.count.
    public var cursor: Int

    /// Creates a draft with the cursor at the end.
    public init(_ text: String) {
        self.text = text
        cursor = text.count
    }

    /// Creates a draft with the cursor at a position.
    public init(text: String, cursor: Int) {
        self.text = text
        self.cursor = cursor
    }
}

/// What the review screen shows: prepared at the edge (values generation, plans, kubectl) and
/// handed to the wizard as an event.
public struct ReviewPreview: Sendable, Hashable {
    /// The values.yaml that will be written.
    public var values: String
    /// The file there now, when there is one (the review then shows a diff).
    public var existing: String?
    /// Where values.yaml will be written.
    public var valuesPath: String
    /// The commands that will run, each as argv.
    public var commands: [[String]]
    /// kubectl's current context, or nil when there is none.
    public var kubeContext: String?

    /// Creates a preview.
    public init(
        values: String, existing: String? = nil, valuesPath: String = "values.yaml", commands: [[String]] = [],
        kubeContext: String? = nil
    ) {
        self.values = values
        self.existing = existing
        self.valuesPath = valuesPath
        self.commands = commands
        self.kubeContext = kubeContext
    }
}

/// The review screen's own state.
public struct ReviewState: Sendable, Hashable {
    /// The preview once prepared.
    public var preview: ReviewPreview?
    /// Why the preview could not be prepared.
    public var failure: String?
    /// First line shown in the pane.
    public var scroll: Int = 0
    /// Show the whole new file instead of the diff (when there is an existing file).
    public var showWholeFile: Bool = false

    /// Creates an empty review state (preview being prepared).
    public init() {}
}
