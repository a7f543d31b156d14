import Installer

/// The wizard's update function: the next state and the effects to run, from an event. Pure.
public enum Wizard {
    /// Applies an event.
    public static func update(_ state: WizardState, _ event: WizardEvent) -> (WizardState, [WizardEffect]) {
        var state = state
        switch event {
        case .resized(let size):
            state.size = size
            state.review.scroll = min(state.review.scroll, ReviewLayout.maxScroll(state))
            return (state, [])
        case .previewReady(let preview):
            state.review.preview = preview
            state.review.failure = nil
            state.review.scroll = 0
            return (state, [])
        case .previewFailed(let message):
            state.review.failure = message
            return (state, [])
        case .cluster(let info):
            state.cluster = info
            let entries = TaskMenu.entries(state)
            state.menuHighlight = entries.isEmpty ? nil : min(state.menuHighlight ?? TaskMenu.defaultHighlight(entries), entries.count - 1)
            return (state, [])
        case .taskReady, .taskUnavailable:
            return taskEvent(event, state)
        case .install(let update):
            guard let install = state.install else { return (state, []) }
            state.install = install.applying(update)
            return (state, [])
        case .key(let key):
            if state.finished { return (state, []) }
            return handle(key, state)
        }
    }

    private static func handle(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        if !state.size.fits(WizardView.minimumSize) {
            // Only the "too small" message is visible, which then carries the question. Quitting
            // asks first while something runs, as everywhere else; Esc never quits.
            if state.overlay == .confirmQuit {
                switch key {
                case .character("y"), .character("Y"), .ctrlC: return (state, [.quit])
                case .character("n"), .character("N"), .escape: state.overlay = nil
                default: break
                }
                return (state, [])
            }
            switch key {
            case .character("q"), .ctrlC:
                if somethingRuns(state) {
                    state.overlay = .confirmQuit
                    return (state, [])
                }
                return (state, [.quit])
            default: return (state, [])
            }
        }
        switch state.overlay {
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .ctrlC: return (state, [.quit])
            case .enter where state.step != .install: return (state, [.quit])
            case .character("n"), .character("N"), .escape: state.overlay = nil
            default: break
            }
            return (state, [])
        case .help:
            state.overlay = key == .ctrlC ? .confirmQuit : nil
            return (state, [])
        case .confirmTask:
            return confirmTaskKey(key, state)
        case nil:
            break
        }
        if state.step == .install { return installKey(key, state) }
        if key == .ctrlC || key == .resize {
            if key == .ctrlC { state.overlay = .confirmQuit }
            return (state, [])
        }
        switch state.step {
        case .welcome:
            let entries = TaskMenu.entries(state)
            if !entries.isEmpty { return menuKey(key, state, entries) }
            switch key {
            case .enter: return advance(state)
            // Esc goes back one screen and there is none before this one: it never quits.
            case .character("q"): state.overlay = .confirmQuit
            case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
            default: break
            }
            return (state, [])
        case .question(let id):
            guard let question = state.profile.question(id) else { return advance(state) }
            return question.kind == .choice ? choiceKey(key, question, state) : textKey(key, question, state)
        case .extras:
            return extrasKey(key, state)
        case .review:
            return reviewKey(key, state)
        case .install:
            return installKey(key, state)
        case .task:
            return taskKey(key, state)
        }
    }

    /// Whether quitting now would leave something under way (an install or job still running).
    static func somethingRuns(_ state: WizardState) -> Bool {
        guard state.step == .install, let install = state.install else { return false }
        return !install.ended
    }

    // MARK: Moving between screens

    /// Goes to the screen after the current one.
    static func advance(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        let steps = WizardFlow.steps(state)
        let index = steps.firstIndex(of: state.step) ?? 0
        guard index + 1 < steps.count else { return (state, []) }
        return enter(steps[index + 1], state)
    }

    /// Goes back one screen (Esc); on the first screen there is nothing before: nothing happens.
    static func back(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        let steps = WizardFlow.steps(state)
        guard let index = steps.firstIndex(of: state.step), index > 0 else { return (state, []) }
        return enter(steps[index - 1], state)
    }

    static func enter(_ step: WizardStep, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        state.step = step
        state.showFieldError = false
        switch step {
        case .question(let id):
            guard let question = state.profile.question(id) else { break }
            if question.kind == .choice, state.highlights[id] == nil {
                let current = WizardFlow.answerOrDefault(id, state)
                state.highlights[id] = question.choices.firstIndex { $0.value == current } ?? 0
            } else if question.kind != .choice, state.drafts[id] == nil {
                state.drafts[id] = TextDraft(state.answers[id] ?? WizardFlow.defaultText(question) ?? "")
            }
        case .extras:
            if state.extrasHighlight == nil { state.extrasHighlight = WizardFlow.optionalSections(state.profile).count }
        case .review:
            state.review = ReviewState()
            return (state, [.preparePreview(WizardFlow.finalSheet(state), upgrade: state.changingSettings != nil)])
        case .welcome:
            // Back on the menu from the first question: the settings stay as saved.
            state = stopChangingSettings(state, keep: false)
        case .install, .task:
            break
        }
        return (state, [])
    }

    // MARK: Screens

    private static func choiceKey(_ key: Key, _ question: Question, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        let count = question.choices.count
        let current = state.highlights[question.id] ?? 0
        switch key {
        case .up: state.highlights[question.id] = max(0, current - 1)
        case .down, .tab: state.highlights[question.id] = min(count - 1, current + 1)
        case .backTab: state.highlights[question.id] = max(0, current - 1)
        case .home, .pageUp: state.highlights[question.id] = 0
        case .end, .pageDown: state.highlights[question.id] = count - 1
        case .character(let c) where c.isNumber:
            if let n = c.wholeNumberValue, (1...count).contains(n) { state.highlights[question.id] = n - 1 }
        case .enter:
            state.answers[question.id] = question.choices[min(current, count - 1)].value
            return advance(state)
        case .escape: return back(state)
        case .character("q"): state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break
        }
        return (state, [])
    }

    private static func textKey(_ key: Key, _ question: Question, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        var draft = state.drafts[question.id] ?? TextDraft("")
        switch key {
        case .enter:
            switch AnswerCheck.check(draft.text, question: question) {
            case .success(let value):
                state.answers[question.id] = value
                if value.isEmpty { state.answers[question.id] = nil }
                return advance(state)
            case .failure:
                state.showFieldError = true
                return (state, [])
            }
        case .escape: return back(state)
        case .function(1):
            state.overlay = WizardHelp.overlay(state)
            return (state, [])
        case .character("?") where WizardHelp.questionMarkOpensHelp(question):
            state.overlay = WizardHelp.overlay(state)
            return (state, [])
        case .character(let c):
            draft.insert(c)
        default:
            guard draft.apply(key) else { return (state, []) }
        }
        state.drafts[question.id] = draft
        return (state, [])
    }

    private static func extrasKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        let sections = WizardFlow.optionalSections(state.profile)
        let current = state.extrasHighlight ?? sections.count
        switch key {
        case .up, .backTab: state.extrasHighlight = max(0, current - 1)
        case .down, .tab: state.extrasHighlight = min(sections.count, current + 1)
        case .home, .pageUp: state.extrasHighlight = 0
        case .end, .pageDown: state.extrasHighlight = sections.count
        case .character(" "), .enter:
            if current < sections.count {
                let id = sections[current].id
                if state.enabledSections.contains(id) { state.enabledSections.remove(id) } else { state.enabledSections.insert(id) }
            } else if key == .enter {
                return advance(state)
            }
        case .escape: return back(state)
        case .character("q"): state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break
        }
        return (state, [])
    }

    private static func reviewKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        let page = max(1, ReviewLayout.paneRect(state).height - 2)
        let limit = ReviewLayout.maxScroll(state)
        switch key {
        case .up: state.review.scroll = max(0, state.review.scroll - 1)
        case .down: state.review.scroll = min(limit, state.review.scroll + 1)
        case .pageUp: state.review.scroll = max(0, state.review.scroll - page)
        case .pageDown, .character(" "): state.review.scroll = min(limit, state.review.scroll + page)
        case .home: state.review.scroll = 0
        case .end: state.review.scroll = limit
        case .tab, .backTab:
            if state.review.preview?.existing != nil {
                state.review.showWholeFile.toggle()
                state.review.scroll = 0
            }
        case .enter:
            guard let preview = state.review.preview else { return (state, []) }
            if state.changingSettings != nil { return reviewChangedSettings(state) }
            if state.launch.runsInstall {
                // Confirming the review is confirming the context it showed: the install is pinned to it.
                state.step = .install
                state.install = InstallState()
                return (state, [.startInstall(WizardFlow.finalSheet(state), context: preview.kubeContext)])
            }
            state.finished = true
            return (state, [.finish(WizardFlow.finalSheet(state))])
        case .escape: return back(state)
        case .character("q"): state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break
        }
        return (state, [])
    }
}
