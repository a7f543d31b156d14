import Installer
import YAML

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
        if let cloud = cloud(state), !question.applies(to: cloud) { return false }
        for (other, values) in question.askWhen {
            guard let answer = answerOrDefault(other, state), values.contains(answer) else { return false }
        }
        return true
    }

    /// The chosen cloud, once answered.
    public static func cloud(_ state: WizardState) -> Cloud? {
        state.answers["cloud"].flatMap(Cloud.init(rawValue:))
    }

    /// The chosen tier, or the question's default.
    public static func tier(_ state: WizardState) -> Tier? {
        answerOrDefault("tier", state).flatMap(Tier.init(rawValue:))
    }

    /// The accepted answer to a question, else its default as text.
    public static func answerOrDefault(_ id: String, _ state: WizardState) -> String? {
        if let answer = state.answers[id] { return answer }
        return state.profile.question(id).flatMap(defaultText)
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

    /// The answers of every question asked in the current flow; empty optional answers left out.
    public static func finalAnswers(_ state: WizardState) -> [String: String] {
        var result: [String: String] = [:]
        for case .question(let id) in steps(state) {
            guard let answer = state.answers[id] ?? state.profile.question(id).flatMap(defaultText), !answer.isEmpty else { continue }
            result[id] = answer
        }
        return result
    }

    /// "Step 3 of 7" numbers for the current screen.
    public static func position(_ state: WizardState) -> (index: Int, count: Int) {
        let all = steps(state)
        return ((all.firstIndex(of: state.step) ?? 0) + 1, all.count)
    }
}
