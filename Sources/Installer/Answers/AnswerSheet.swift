import YAML

/// The answers given so far, keyed by question id, plus which optional sections are on.
/// Answers are stored as checked text (`AnswerValidation.check`).
public struct AnswerSheet: Hashable, Sendable {
    /// Question id → answer text.
    public var answers: [String: String]
    /// Optional sections the person turned on (`email`, `external-postgresql`, …).
    public var enabledSections: Set<String>

    /// Creates a sheet.
    public init(answers: [String: String] = [:], enabledSections: Set<String> = []) {
        self.answers = answers
        self.enabledSections = enabledSections
    }

    /// The chosen cloud, when answered with a known one.
    public var cloud: Cloud? { answers["cloud"].flatMap(Cloud.init(rawValue:)) }
    /// The chosen tier, when answered with a known one.
    public var tier: Tier? { answers["tier"].flatMap(Tier.init(rawValue:)) }
    /// Whether HTTPS is on (the default when unanswered).
    public var tls: Bool { answers["tls"] != "off" }

    /// Whether `question` is asked, given the cloud, the sections turned on and its `askWhen`.
    public func isAsked(_ question: Question, in profile: ProfileSet) -> Bool {
        if let section = profile.sections.first(where: { $0.id == question.section }), section.optional,
            !enabledSections.contains(section.id)
        {
            return false
        }
        if let cloud, !question.applies(to: cloud) { return false }
        for (other, accepted) in question.askWhen {
            guard let otherQuestion = profile.question(other), isAsked(otherQuestion, in: profile),
                let answer = effectiveAnswer(otherQuestion, in: profile), accepted.contains(answer)
            else { return false }
        }
        return true
    }

    /// The answer to use for an asked question: the given one, else its default, else nil.
    public func effectiveAnswer(_ question: Question, in profile: ProfileSet) -> String? {
        if let given = answers[question.id] { return given }
        guard let value = question.defaultValue else { return nil }
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .float(let number): return String(number)
        default: return nil
        }
    }

    /// The questions asked with this sheet, in order.
    public func askedQuestions(in profile: ProfileSet) -> [Question] {
        profile.questions.filter { isAsked($0, in: profile) }
    }

    /// Asked questions that need an answer and have none (no default either). `alreadyStored`
    /// says whether values.yaml already holds the value (a secret kept from an earlier run).
    public func missing(in profile: ProfileSet, alreadyStored: (Question) -> Bool = { _ in false }) -> [Question] {
        askedQuestions(in: profile).filter { question in
            !question.optional && (effectiveAnswer(question, in: profile) ?? "").isEmpty && !alreadyStored(question)
        }
    }

    /// Answers given to questions that this sheet does not ask (another cloud's question, a
    /// section left off, an `askWhen` not met), so a caller can say they are ignored.
    public func unusedAnswers(in profile: ProfileSet) -> [String] {
        answers.keys.filter { id in profile.question(id).map { !isAsked($0, in: profile) } ?? true }.sorted()
    }
}
