import Installer

/// Which screens the wizard shows for the answers so far, and the answers they add up to.
/// Questions come from the profile data: a question is asked when its section is required or
/// chosen, it applies to the chosen cloud, and its `askWhen` conditions hold.
public enum WizardFlow {
    /// The screens in order for the current answers.
    public static func steps(_ state: WizardState) -> [WizardStep] {
        let profile = state.profile
        var steps: [WizardStep] = [.welcome]
        let required = profile.sections.filter { !$0.optional }
        for section in required {
            steps += askedQuestions(in: section.id, state).map { .question($0.id) }
        }
        if state.changingSettings != nil {
            // An installed release keeps its cloud: moving it is a new install, not a change.
            steps.removeAll { if case .question(let id) = $0 { return Wizard.keptWhenInstalled.contains(id) } else { return false } }
        }
        if !optionalSections(profile).isEmpty { steps.append(.extras) }
        for section in optionalSections(profile) where state.enabledSections.contains(section.id) {
            steps += askedQuestions(in: section.id, state).map { .question($0.id) }
        }
        steps.append(.review)
        return steps
    }

    /// The sections the extras screen offers.
    public static func optionalSections(_ profile: ProfileSet) -> [QuestionSection] {
        profile.sections.filter(\.optional)
    }

    /// The questions of a section that are asked with the current answers.
    public static func askedQuestions(in section: String, _ state: WizardState) -> [Question] {
        state.profile.questions.filter { $0.section == section && isAsked($0, state) }
    }

    /// Whether a question applies: right cloud and every `askWhen` condition met.
    public static func isAsked(_ question: Question, _ state: WizardState) -> Bool {
        state.sheet.isAsked(question, in: state.profile)
    }

    /// The chosen cloud, once answered.
    public static func cloud(_ state: WizardState) -> Cloud? { state.sheet.cloud }

    /// The accepted answer to a question, else its default as text.
    public static func answerOrDefault(_ id: String, _ state: WizardState) -> String? {
        state.profile.question(id).flatMap { state.sheet.effectiveAnswer($0, in: state.profile) }
    }

    /// Whether the tier chosen is the smallest one offered: advice to pick a smaller tier would
    /// then lead nowhere.
    public static func isSmallestTier(_ state: WizardState) -> Bool {
        guard let first = state.profile.question("tier")?.choices.first?.value else { return false }
        return answerOrDefault("tier", state) == first
    }

    /// A question's default as the text a person would type.
    public static func defaultText(_ question: Question) -> String? {
        switch question.defaultValue {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .float(let x): return String(x)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The answers of every question asked in the current flow (empty optional answers left
    /// out) and the sections chosen: what values generation needs.
    public static func finalSheet(_ state: WizardState) -> AnswerSheet {
        var result = AnswerSheet(enabledSections: state.enabledSections)
        for case .question(let id) in steps(state) {
            guard let answer = answerOrDefault(id, state), !answer.isEmpty else { continue }
            result.answers[id] = answer
        }
        if state.changingSettings != nil {
            for id in Wizard.keptWhenInstalled { if let kept = state.answers[id] { result.answers[id] = kept } }
        }
        return result
    }

    /// "Step 3 of 7" numbers for the current screen.
    public static func position(_ state: WizardState) -> (index: Int, count: Int) {
        let all = steps(state)
        return ((all.firstIndex(of: state.step) ?? 0) + 1, all.count)
    }
}
