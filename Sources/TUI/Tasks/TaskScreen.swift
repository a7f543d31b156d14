import Installer

/// A job's screen before it runs: the form once prepared, what was typed and ticked, which
/// row has the focus. `Wizard.taskKey` changes it; `WizardView.renderTask` draws it.
public struct TaskScreen: Sendable, Hashable {
    /// The job.
    public var task: WizardTask
    /// The form, nil while the edge prepares it.
    public var form: TaskForm?
    /// Why the job cannot run now (no release, a downgrade, a missing file), in words.
    public var unavailable: String?
    /// Text typed per field id.
    public var drafts: [String: TextDraft] = [:]
    /// Ticked box ids.
    public var checked: Set<String> = []
    /// Switched-on options (`TaskKey`s), kept when the form is prepared again.
    public var options: Set<String> = []
    /// The focused row: fields first, then boxes, then the button.
    public var focus: Int = 0
    /// First line shown in the text pane.
    public var scroll: Int = 0
    /// Why Enter on the button did not start the job (a box not ticked, a field not right).
    public var problem: String?
    /// Whether to show every field's problem (after Enter on the button).
    public var showFieldErrors = false
    /// The detail opened with Enter on a row of the text (an index into `form.details`), and its scroll.
    public var openDetail: Int?
    /// First line shown of the open detail.
    public var detailScroll = 0
    /// The reviewed answers the job writes first (an upgrade after "Change settings").
    public var settings: AnswerSheet?

    /// A screen waiting for its form.
    public init(task: WizardTask, options: Set<String> = [], settings: AnswerSheet? = nil) {
        self.task = task
        self.options = options
        self.settings = settings
    }

    /// The screen with its form in: fields start with their initial text, boxes as the form says.
    public func with(_ form: TaskForm) -> TaskScreen {
        var screen = self
        // A new screen starts on its first field or box; the text's rows are above it (Up).
        if self.form == nil && !form.details.isEmpty { screen.focus = max(screen.focus, form.details.count) }
        screen.form = form
        if let open = screen.openDetail, open >= form.details.count { screen.openDetail = nil }
        screen.unavailable = nil
        for field in form.fields where screen.drafts[field.id] == nil { screen.drafts[field.id] = TextDraft(field.initial) }
        for check in form.checks where check.initiallyOn { screen.checked.insert(check.id) }
        screen.checked = screen.checked.intersection(form.checks.map(\.id))
        screen.focus = min(screen.focus, max(0, screen.rowCount - 1))
        return screen
    }

    /// Rows that take the focus: the text's rows that open a detail, fields, boxes and the button.
    public var rowCount: Int {
        guard let form else { return 0 }
        return form.details.count + form.fields.count + form.checks.count + (form.action == nil ? 0 : 1)
    }

    /// What the focused row is.
    public enum Row: Sendable, Hashable {
        case detail(Int)
        case field(TaskField)
        case check(TaskCheck)
        case button
    }

    /// The row index of the first field (the text's rows come before it).
    public var firstFieldRow: Int { form?.details.count ?? 0 }

    /// The focused row, if any.
    public var focusedRow: Row? {
        guard let form, focus >= 0 else { return nil }
        if focus < form.details.count { return .detail(focus) }
        let field = focus - form.details.count
        if field < form.fields.count { return .field(form.fields[field]) }
        let check = field - form.fields.count
        if check < form.checks.count { return .check(form.checks[check]) }
        return form.action != nil && check == form.checks.count ? .button : nil
    }

    /// The commands the job will run: the form's, then those of the ticked boxes.
    public var commands: [[String]] {
        guard let form else { return [] }
        return form.commands + form.checks.filter { checked.contains($0.id) }.flatMap(\.commands)
    }

    /// The second question the ticked boxes ask before the job runs, if any.
    public var confirmation: TaskConfirmation? {
        form?.checks.first { checked.contains($0.id) && $0.confirmation != nil }?.confirmation
    }

    /// Each field's accepted value, or its problem.
    public func fieldResults() -> [(TaskField, Result<String, TaskFieldProblem>)] {
        (form?.fields ?? []).map { field in (field, TaskFieldCheck.check(drafts[field.id]?.text ?? field.initial, field)) }
    }

    /// The inputs to run with, or why the job cannot run yet.
    public func inputs() -> Result<TaskInputs, TaskFieldProblem> {
        var values: [String: String] = [:]
        for (field, result) in fieldResults() {
            switch result {
            case .success(let value): values[field.id] = value
            case .failure(let problem): return .failure(TaskFieldProblem("\(field.label): \(problem.message)"))
            }
        }
        if let message = form?.needsChange,
            (form?.fields ?? []).allSatisfy({ (drafts[$0.id]?.text ?? $0.initial).trimmingSpaces() == $0.initial })
        {
            return .failure(TaskFieldProblem(message))
        }
        if let missing = form?.checks.first(where: { $0.required && !checked.contains($0.id) }) {
            return .failure(TaskFieldProblem("Tick \u{201C}\(missing.label)\u{201D} first (Space)."))
        }
        return .success(TaskInputs(fields: values, checks: checked, options: options, settings: settings))
    }
}
