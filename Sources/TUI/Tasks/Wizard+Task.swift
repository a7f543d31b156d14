import Installer

/// Keys and events of the welcome screen's menu and of a job's screen: moving between
/// fields, boxes and the button, typing, ticking, switching options, and running the job.
extension Wizard {
    /// The welcome screen's keys when the menu is shown (a release was found).
    static func menuKey(_ key: Key, _ state: WizardState, _ entries: [TaskMenu.Entry]) -> (WizardState, [WizardEffect]) {
        var state = state
        let current = min(state.menuHighlight ?? TaskMenu.defaultHighlight(entries), entries.count - 1)
        switch key {
        case .up, .backTab: state.menuHighlight = max(0, current - 1)
        case .down, .tab: state.menuHighlight = min(entries.count - 1, current + 1)
        case .home, .pageUp: state.menuHighlight = 0
        case .end, .pageDown: state.menuHighlight = entries.count - 1
        case .character(let c) where c.isNumber:
            if let n = c.wholeNumberValue, (1...entries.count).contains(n) { state.menuHighlight = n - 1 }
        case .enter:
            state.menuHighlight = current
            let entry = entries[current]
            guard entry.unavailable == nil else { return (state, []) }
            if entry.task == .changeSettings { return startChangingSettings(state) }
            return openTask(entry.task, state)
        case .character("q"): state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break  // Esc: the menu is the first screen; it never quits
        }
        return (state, [])
    }

    /// Shows a job's screen and asks the edge to prepare it.
    static func openTask(
        _ task: WizardTask, _ state: WizardState, options: Set<String> = [],
        settings: AnswerSheet? = nil
    ) -> (WizardState, [WizardEffect]) {
        var state = state
        state.step = .task(task)
        state.task = TaskScreen(task: task, options: options, settings: settings)
        return (state, [.prepareTask(task, TaskInputs(options: options, settings: settings))])
    }

    /// Back to the welcome screen's menu; the cluster is looked at again since a job may have changed it.
    static func backToMenu(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        let stop: [WizardEffect] = state.task.map { [.stopTask($0.task)] } ?? []
        // Changed settings were written once their upgrade ran; otherwise the saved ones come back.
        state = stopChangingSettings(state, keep: state.step == .install)
        state.step = .welcome
        state.task = nil
        state.install = nil
        return (state, stop + [.refreshCluster])
    }

    /// A job's screen is ready, or cannot be shown.
    static func taskEvent(_ event: WizardEvent, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        switch event {
        case .taskReady(let task, let form):
            guard let screen = state.task, screen.task == task else { return (state, []) }
            state.task = screen.with(form)
        case .taskUnavailable(let task, let message):
            guard var screen = state.task, screen.task == task else { return (state, []) }
            screen.form = nil
            screen.unavailable = message
            state.task = screen
        default:
            break
        }
        return (state, [])
    }

    /// Keys on a job's screen.
    static func taskKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        guard var screen = state.task else { return backToMenu(state) }
        guard let form = screen.form else {
            switch key {
            case .escape where screen.settings != nil: return backToSettingsReview(state)
            case .escape, .enter: return backToMenu(state)
            case .character("q"): state.overlay = .confirmQuit
            case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
            default: break
            }
            return (state, [])
        }
        if let open = screen.openDetail {
            state.task = detailKey(key, screen, open, &state)
            return (state, [])
        }
        let page = 5
        let focusedField: TaskField? = if case .field(let field) = screen.focusedRow { field } else { nil }
        switch key {
        case .escape where screen.settings != nil: return backToSettingsReview(state)
        case .escape: return backToMenu(state)
        case .tab, .down:
            screen.focus = min(screen.rowCount - 1, screen.focus + 1)
        case .backTab, .up:
            screen.focus = max(0, screen.focus - 1)
        case .pageDown: screen.scroll = min(screen.scroll + page, max(0, form.text.count - 1))
        case .pageUp: screen.scroll = max(0, screen.scroll - page)
        case .enter:
            switch screen.focusedRow {
            case .detail(let index):
                screen.openDetail = index
                screen.detailScroll = 0
            case .field(let field):
                if case .failure = TaskFieldCheck.check(screen.drafts[field.id]?.text ?? "", field) {
                    screen.showFieldErrors = true
                } else {
                    screen.focus = min(screen.rowCount - 1, screen.focus + 1)
                }
            case .check(let check):
                screen.toggle(check.id)
            case .button:
                switch screen.inputs() {
                case .success(let inputs):
                    state.task = screen
                    if let confirmation = screen.confirmation {
                        // Data goes for good: a second, explicit question first (only y runs it).
                        state.overlay = .confirmTask(confirmation)
                        return (state, [])
                    }
                    // From here values.yaml holds the changed settings: they stay the answers.
                    state = stopChangingSettings(state, keep: true)
                    return run(screen.task, inputs, state)
                case .failure(let problem):
                    screen.problem = problem.message
                    screen.showFieldErrors = true
                }
            case nil:
                break
            }
        case .character(" ") where focusedField == nil:
            if case .check(let check) = screen.focusedRow { screen.toggle(check.id) }
        case .character("?") where focusedField.map({ [.hostname, .email, .size].contains($0.kind) }) ?? false:
            state.task = screen
            state.overlay = WizardHelp.overlay(state)
            return (state, [])
        case .character(let c) where focusedField != nil:
            if let field = focusedField { screen.edit(field.id) { $0.insert(c) } }
        case .backspace, .delete, .left, .right, .home, .end, .control("a"), .control("e"), .control("u"):
            if let field = focusedField { screen.edit(field.id) { $0.apply(key) } }
        case .character("q"): state.overlay = .confirmQuit
        case .character("?"), .function(1):
            state.task = screen
            state.overlay = WizardHelp.overlay(state)
            return (state, [])
        case .character(let c):
            if let option = form.keys.first(where: { $0.key == c }) {
                var options = screen.options
                if options.contains(option.option) { options.remove(option.option) } else { options.insert(option.option) }
                screen.options = options
                screen.form = nil
                state.task = screen
                return (state, [.prepareTask(screen.task, TaskInputs(options: options, settings: screen.settings))])
            }
        default:
            break
        }
        state.task = screen
        return (state, [])
    }

    /// Keys while a job's second question is open: `y` runs the job, `n` or Esc keeps the screen.
    /// Enter does not answer it, so a habitual Enter never deletes data.
    static func confirmTaskKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        switch key {
        case .character("y"), .character("Y"):
            state.overlay = nil
            guard let screen = state.task, case .success(let inputs) = screen.inputs() else { return (state, []) }
            state = stopChangingSettings(state, keep: true)
            return run(screen.task, inputs, state)
        case .character("n"), .character("N"), .escape:
            state.overlay = nil
        case .ctrlC, .character("q"):
            state.overlay = .confirmQuit
        default:
            break
        }
        return (state, [])
    }

    /// Starts a job: its run is shown on the install screens, against the cluster the welcome screen named.
    private static func run(_ task: WizardTask, _ inputs: TaskInputs, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        state.step = .install
        state.install = InstallState(task: task)
        return (state, [.runTask(task, inputs, context: state.cluster?.context)])
    }
}

extension Wizard {
    /// Keys while a row's detail is open: scrolling, and Esc back to the screen.
    static func detailKey(_ key: Key, _ screen: TaskScreen, _ open: Int, _ state: inout WizardState) -> TaskScreen {
        var screen = screen
        let count = screen.form.map { $0.details.indices.contains(open) ? $0.details[open].lines.count : 0 } ?? 0
        let last = max(0, count - 1)
        switch key {
        case .escape, .enter, .backspace: screen.openDetail = nil
        case .down: screen.detailScroll = min(last, screen.detailScroll + 1)
        case .up: screen.detailScroll = max(0, screen.detailScroll - 1)
        case .pageDown, .character(" "): screen.detailScroll = min(last, screen.detailScroll + 10)
        case .pageUp: screen.detailScroll = max(0, screen.detailScroll - 10)
        case .home: screen.detailScroll = 0
        case .end: screen.detailScroll = last
        case .character("q"): state.overlay = .confirmQuit
        default: break
        }
        return screen
    }
}

extension TaskScreen {
    mutating func toggle(_ id: String) {
        if checked.contains(id) { checked.remove(id) } else { checked.insert(id) }
        problem = nil
    }

    mutating func edit(_ id: String, _ change: (inout TextDraft) -> Void) {
        var draft = drafts[id] ?? TextDraft("")
        change(&draft)
        drafts[id] = draft
        problem = nil
    }
}
