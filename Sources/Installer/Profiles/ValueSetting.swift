import YAML

/// One value an answer writes (a `sets` entry of `questions.yaml`).
public struct ValueSetting: Equatable, Sendable {
    /// Where the value goes, as keys.
    public let path: [String]
    /// A fixed value to write; nil writes the answer itself. Strings `{answer}` inside it
    /// stand for the answer.
    public let value: YAMLValue?
    /// Only on these clouds; nil on every cloud.
    public let clouds: [Cloud]?

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["path", "value", "clouds"])
        path = ValuePath.split(try node.child("path").string())
        if path.contains(where: \.isEmpty) { throw try node.child("path").error("has an empty key") }
        // `value: null` is a value to write, so read the raw entry rather than optionalChild.
        value = try node.mapping()["value"]
        clouds = try node.optionalChild("clouds")?.list().map { try $0.oneOf(Cloud.self, Cloud.allCases) }
    }

    /// Whether this setting applies on `cloud`.
    public func applies(to cloud: Cloud) -> Bool { clouds?.contains(cloud) ?? true }

    /// The value to write for `answer`.
    public func resolved(answer: YAMLValue) -> YAMLValue {
        guard let value else { return answer }
        return Self.substitute(value, answer: answer)
    }

    private static func substitute(_ value: YAMLValue, answer: YAMLValue) -> YAMLValue {
        switch value {
        case .string("{answer}"):
            return answer
        case .sequence(let items):
            return .sequence(items.map { substitute($0, answer: answer) })
        case .mapping(let mapping):
            return .mapping(YAMLMapping(mapping.entries.map { ($0.key, substitute($0.value, answer: answer)) }))
        default:
            return value
        }
    }
}
