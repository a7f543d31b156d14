import Installer

/// "Change settings" on an installed release: the install's questions again, prefilled from the
/// saved answers, then the review (the values.yaml diff and `helm upgrade`), then the upgrade's
/// own screen (the change table) and its run. The cloud stays the one installed.
extension Wizard {
    /// Answers an installed release keeps: not asked again, carried into the new answers as saved.
    static let keptWhenInstalled: Set<String> = ["cloud", "chart-version"]

    /// Starts asking the questions again from the saved answers.
    static func startChangingSettings(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        state.changingSettings = SavedSettings(answers: state.answers, enabledSections: state.enabledSections)
        state.drafts = [:]
        state.highlights = [:]
        state.extrasHighlight = nil
        state.task = nil
        let steps = WizardFlow.steps(state)
        guard steps.count > 1 else { return (state, []) }
        return enter(steps[1], state)
    }

    /// Leaves "Change settings": the saved answers come back unless the change was applied (`keep`).
    static func stopChangingSettings(_ state: WizardState, keep: Bool) -> WizardState {
        var state = state
        guard let saved = state.changingSettings else { return state }
        if !keep {
            state.answers = saved.answers
            state.enabledSections = saved.enabledSections
        }
        state.changingSettings = nil
        state.drafts = [:]
        state.highlights = [:]
        state.extrasHighlight = nil
        return state
    }

    /// The reviewed answers go to the upgrade's screen, which shows what changes in the cluster;
    /// they are written when the upgrade runs.
    static func reviewChangedSettings(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        openTask(.upgrade, state, settings: WizardFlow.finalSheet(state))
    }

    /// Esc on the upgrade screen of changed settings: back to their review.
    static func backToSettingsReview(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        state.task = nil
        return enter(.review, state)
    }
}
