import YAML

/// One question of the wizard (`questions.yaml`) and the values its answer writes.
public struct Question: Equatable, Sendable {
    /// Unique name; the answers.yaml key and the headless flag.
    public let id: String
    /// The section it is asked in.
    public let section: String
    /// The one-line question.
    public let prompt: String
    /// Longer explanation shown on request.
    public let help: String?
    /// How the answer is checked.
    public let kind: ValidationKind
    /// The proposed answer, if any.
    public let defaultValue: YAMLValue?
    /// Whether an empty answer is accepted.
    public let optional: Bool
    /// Only asked on these clouds; nil on every cloud.
    public let clouds: [Cloud]?
    /// Only asked when each named answer has one of the listed values.
    public let askWhen: [String: [String]]
    /// The answers a choice question offers (empty for other kinds).
    public let choices: [QuestionChoice]
    /// Values the answer writes.
    public let sets: [ValueSetting]

    /// A question made in code (a field of a day-2 screen) that writes no values by itself.
    public init(id: String, section: String, prompt: String, kind: ValidationKind, optional: Bool = false, help: String? = nil) {
        self.id = id
        self.section = section
        self.prompt = prompt
        self.help = help
        self.kind = kind
        defaultValue = nil
        self.optional = optional
        clouds = nil
        askWhen = [:]
        choices = []
        sets = []
    }

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["id", "section", "prompt", "help", "kind", "default", "optional",
                                    "clouds", "askWhen", "choices", "sets"])
        id = try node.child("id").string()
        section = try node.child("section").string()
        prompt = try node.child("prompt").string()
        help = try node.optionalChild("help")?.string()
        kind = try node.child("kind").oneOf(ValidationKind.self, ValidationKind.allCases)
        defaultValue = try node.optionalChild("default")?.value
        optional = try node.optionalChild("optional")?.bool() ?? false
        clouds = try node.optionalChild("clouds")?.list().map { try $0.oneOf(Cloud.self, Cloud.allCases) }
        var conditions: [String: [String]] = [:]
        if let askWhen = try node.optionalChild("askWhen") {
            for key in try askWhen.mapping().keys {
                conditions[key] = try askWhen.child(key).stringList()
            }
        }
        askWhen = conditions
        choices = try node.optionalChild("choices")?.list().map(QuestionChoice.init) ?? []
        sets = try node.optionalChild("sets")?.list().map(ValueSetting.init) ?? []
        try check(node)
    }

    private func check(_ node: ProfileNode) throws {
        if kind == .choice {
            guard !choices.isEmpty else { throw node.error("a choice question needs `choices`") }
            var seen: Set<String> = []
            for choice in choices where !seen.insert(choice.value).inserted {
                throw try node.child("choices").error("the choice \"\(choice.value)\" appears twice")
            }
            if let defaultValue, !choices.contains(where: { .string($0.value) == defaultValue }) {
                throw try node.child("default").error("is not one of the choices (\(choices.map(\.value).joined(separator: ", ")))")
            }
        } else if !choices.isEmpty {
            throw try node.child("choices").error("only a question of kind choice has choices")
        }
        if kind == .secret, defaultValue != nil {
            throw try node.child("default").error("a secret has no default")
        }
    }

    /// Whether the question is asked on `cloud`.
    public func applies(to cloud: Cloud) -> Bool { clouds?.contains(cloud) ?? true }

    /// The choice whose value is `answer`, for choice questions.
    public func choice(_ answer: String) -> QuestionChoice? { choices.first { $0.value == answer } }
}
