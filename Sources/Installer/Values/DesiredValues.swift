import YAML

/// The values the wizard wants for a set of answers: the profile's layers for the cloud, TLS
/// mode and tier, then every asked question's `sets` (pure; secrets are added later).
public enum DesiredValues {
    /// A sheet that lacks what the layers need.
    public struct Incomplete: Error, Equatable, Sendable, CustomStringConvertible {
        /// The questions without an answer.
        public let questions: [String]
        /// What to tell the person.
        public var description: String { "these answers are still needed: \(questions.joined(separator: ", "))" }
    }

    /// The desired values; `cloud` is moved to the top so the file reads in a natural order.
    public static func values(profile: ProfileSet, sheet: AnswerSheet) throws -> YAMLValue {
        guard let cloud = sheet.cloud, let tier = sheet.tier ?? defaultTier(profile) else {
            throw Incomplete(questions: [sheet.cloud == nil ? "cloud" : nil, "tier"].compactMap { $0 })
        }
        var values = profile.overlay(cloud: cloud, tier: tier, tls: sheet.tls)
        for question in sheet.askedQuestions(in: profile) {
            guard let answer = sheet.effectiveAnswer(question, in: profile), !answer.isEmpty else { continue }
            var settings = question.sets
            if question.kind == .choice, let choice = question.choice(answer) { settings += choice.sets }
            for setting in settings where setting.applies(to: cloud) {
                let value = setting.resolved(answer: AnswerValidation.yamlValue(answer, question: question))
                values = values.overlaid(with: nested(setting.path, value))
            }
        }
        guard case .mapping(var mapping) = values, let cloudValue = mapping["cloud"] else { return values }
        mapping["cloud"] = nil
        return .mapping(YAMLMapping([("cloud", cloudValue)] + mapping.entries.map { ($0.key, $0.value) }))
    }

    /// Every path any layer or answer of `profile` can write: the keys the wizard manages.
    public static func managedPaths(profile: ProfileSet) -> Set<[String]> {
        var layers = [profile.base] + Array(profile.clouds.values) + Array(profile.tlsOff.values) + Array(profile.tiers.values)
        layers.removeAll { $0 == .mapping(YAMLMapping()) }
        var paths = Set(layers.flatMap(\.leafPaths))
        for question in profile.questions {
            for setting in question.sets + question.choices.flatMap(\.sets) { paths.insert(setting.path) }
        }
        for secret in profile.chart.generatedSecrets {
            paths.insert(secret.path)
            secret.enables.forEach { paths.insert($0) }
        }
        return paths
    }

    /// Paths that hold secrets: generated ones and the answers of secret questions.
    public static func secretPaths(profile: ProfileSet) -> Set<[String]> {
        var paths = Set(profile.chart.generatedSecrets.map(\.path))
        for question in profile.questions where question.kind == .secret {
            for setting in question.sets { paths.insert(setting.path) }
        }
        return paths
    }

    /// `value` placed at `path` inside nested mappings.
    public static func nested(_ path: [String], _ value: YAMLValue) -> YAMLValue {
        path.reversed().reduce(value) { inner, key in .mapping(YAMLMapping([(key, inner)])) }
    }

    private static func defaultTier(_ profile: ProfileSet) -> Tier? {
        profile.question("tier")?.defaultValue?.stringValue.flatMap(Tier.init(rawValue:))
    }
}
