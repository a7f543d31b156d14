import Installer

/// What a job's screen shows before it runs, prepared at the edge (helm list, values.yaml,
/// the chart's upgrade notes, the claims...) and handed to the wizard as an event: an
/// explanation, the fields to fill in, the confirmations to give, and the commands that run.
public struct TaskForm: Sendable, Hashable {
    /// The screen's heading (`Upgrade from chart 3.0.3 to 30.46.0`).
    public var heading: String
    /// The explanation and notes, shown in a scrolling pane.
    public var text: [StyledLine]
    /// The pane's title (`Upgrade notes`).
    public var textTitle: String?
    /// Text inputs (hostname, email, sizes).
    public var fields: [TaskField]
    /// Boxes to tick; the required ones must be ticked before the job runs.
    public var checks: [TaskCheck]
    /// The commands the job runs, each as argv, shown as typed.
    public var commands: [[String]]
    /// The button's word (`upgrade`, `uninstall`); nil when the screen only shows things.
    public var action: String?
    /// Whether the job deletes something (the button is drawn as a warning).
    public var destructive: Bool
    /// Other keys the screen offers (`s` show passwords, `p` Prometheus).
    public var keys: [TaskKey]
    /// Set when the job has nothing to do unless a field changes: what to say when none did.
    public var needsChange: String?
    /// Rows of the text that open a view of their own on Enter (the change table's objects).
    public var details: [TaskDetail] = []

    /// Creates a form.
    public init(
        heading: String, text: [StyledLine] = [], textTitle: String? = nil, fields: [TaskField] = [],
        checks: [TaskCheck] = [], commands: [[String]] = [], action: String? = nil, destructive: Bool = false,
        keys: [TaskKey] = [], needsChange: String? = nil
    ) {
        self.needsChange = needsChange
        self.heading = heading
        self.text = text
        self.textTitle = textTitle
        self.fields = fields
        self.checks = checks
        self.commands = commands
        self.action = action
        self.destructive = destructive
        self.keys = keys
    }
}

/// A row of a job's text that Enter opens (an object of the change table and its diff).
public struct TaskDetail: Sendable, Hashable {
    /// Which line of `TaskForm.text` the row is.
    public var line: Int
    /// The view's heading (`change StatefulSet posthog/posthog-posthog-postgresql`).
    public var title: String
    /// What the view shows.
    public var lines: [StyledLine]

    /// Creates a detail.
    public init(line: Int, title: String, lines: [StyledLine]) {
        self.line = line
        self.title = title
        self.lines = lines
    }
}

/// A text input of a job's screen.
public struct TaskField: Sendable, Hashable {
    /// Stable id the edge reads the value by (`hostname`, `clickhouse`).
    public var id: String
    /// The label before the field.
    public var label: String
    /// What is accepted.
    public var kind: ValidationKind
    /// The text the field starts with (the current size, the saved email).
    public var initial: String
    /// Whether it may be left empty.
    public var optional: Bool
    /// A short hint under the field.
    public var hint: String?
    /// For a size: the size now, so a smaller one is refused as it is typed (volumes only grow).
    public var atLeast: String?

    /// Creates a field.
    public init(
        id: String, label: String, kind: ValidationKind, initial: String = "", optional: Bool = false, hint: String? = nil,
        atLeast: String? = nil
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.initial = initial
        self.optional = optional
        self.hint = hint
        self.atLeast = atLeast
    }
}

/// A confirmation box of a job's screen.
public struct TaskCheck: Sendable, Hashable {
    /// Stable id the edge reads by (`accept-data-loss`, `delete-namespace`).
    public var id: String
    /// What ticking it says (`I have read the note for chart 30.0.0`).
    public var label: String
    /// Whether the job refuses to run until it is ticked.
    public var required: Bool
    /// Whether it starts ticked.
    public var initiallyOn: Bool
    /// Commands the job runs too when the box is ticked (listed under "Then runs:" only then).
    public var commands: [[String]]
    /// When ticked, the job asks once more before it runs (this box loses data): the question's
    /// title and its text, naming what is lost.
    public var confirmation: TaskConfirmation?

    /// Creates a box.
    public init(
        id: String, label: String, required: Bool = true, initiallyOn: Bool = false, commands: [[String]] = [],
        confirmation: TaskConfirmation? = nil
    ) {
        self.id = id
        self.label = label
        self.required = required
        self.initiallyOn = initiallyOn
        self.commands = commands
        self.confirmation = confirmation
    }
}

/// The second, explicit question a ticked box asks before the job runs (deleting a namespace).
public struct TaskConfirmation: Sendable, Hashable {
    /// The box's title (`Delete namespace posthog?`).
    public var title: String
    /// What is lost, for good.
    public var message: String
    /// The word for yes (`Delete it`).
    public var yes: String

    /// Creates a question.
    public init(title: String, message: String, yes: String) {
        self.title = title
        self.message = message
        self.yes = yes
    }
}

/// An extra key of a job's screen: asks the edge to prepare the screen again with an option
/// switched (`s` shows passwords) or to start or stop something (`p` port-forward).
public struct TaskKey: Sendable, Hashable {
    /// The key.
    public var key: Character
    /// Its footer hint.
    public var label: String
    /// The option it switches in `TaskInputs.options`.
    public var option: String

    /// Creates a key.
    public init(key: Character, label: String, option: String) {
        self.key = key
        self.label = label
        self.option = option
    }
}

/// What the person entered on a job's screen: field values, ticked boxes, switched options.
public struct TaskInputs: Sendable, Hashable {
    /// Accepted field values by field id (cleaned up).
    public var fields: [String: String]
    /// Ticked box ids.
    public var checks: Set<String>
    /// Switched-on option ids (from `TaskKey`s).
    public var options: Set<String>
    /// Changed answers to write into values.yaml before upgrading ("Change settings"); nil
    /// upgrades with values.yaml as it is.
    public var settings: AnswerSheet?

    /// Creates inputs.
    public init(fields: [String: String] = [:], checks: Set<String> = [], options: Set<String> = [], settings: AnswerSheet? = nil) {
        self.fields = fields
        self.checks = checks
        self.options = options
        self.settings = settings
    }
}
