import YAML

/// Reads and writes `answers.yaml`: the answers of a run, so a later run can re-ask with them
/// filled in. Secret answers are never written here; they live only in values.yaml.
public enum AnswersFile {
    /// A problem with an answers file, naming the file and the key.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file.
        public let file: String
        /// The key (`answers.hostname`), or "" for the whole file.
        public let key: String
        /// What is wrong and what to do.
        public let message: String
        /// `file: key: message`.
        public var description: String { key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)" }
    }

    /// The key naming the SHA-256 of the values.yaml text written together with the answers.
    public static let valuesDigestKey = "values-sha256"

    /// The text of an answers file for `sheet` (answers to secret questions left out);
    /// `valuesSHA256` records which values.yaml text was written from these answers.
    public static func text(_ sheet: AnswerSheet, profile: ProfileSet, valuesSHA256: String? = nil) -> String {
        var mapping = YAMLMapping()
        mapping["profile"] = .string(profile.id)
        let sections = profile.sections.filter { $0.optional && sheet.enabledSections.contains($0.id) }.map(\.id)
        if !sections.isEmpty { mapping["sections"] = .sequence(sections.map(YAMLValue.string)) }
        var answers = YAMLMapping()
        for question in profile.questions where question.kind != .secret {
            if let answer = sheet.answers[question.id] { answers[question.id] = .string(answer) }
        }
        mapping["answers"] = .mapping(answers)
        if let valuesSHA256 { mapping[valuesDigestKey] = .string(valuesSHA256) }
        return """
            # Answers given to posthog-install. A later run reads them back:
            #   posthog-install values --answers answers.yaml
            # Passwords and keys are not kept here; they stay in values.yaml.

            """ + YAML.emit(.mapping(mapping))
    }

    /// Reads an answers file, checking every answer like the wizard would.
    public static func read(_ text: String, file: String, profiles: [ProfileSet]) throws -> (ProfileSet, AnswerSheet) {
        let root: YAMLValue
        do { root = try YAML.parse(text, file: file) } catch let error as YAMLError {
            throw Problem(file: file, key: "", message: "is not valid YAML: \(error.description)")
        }
        if root == .null { throw Problem(file: file, key: "", message: "is empty; it should hold `answers:` written by posthog-install") }
        guard case .mapping(let mapping) = root else {
            throw Problem(file: file, key: "", message: "should be a mapping with `answers:`, as posthog-install writes it")
        }
        for key in mapping.keys where !["profile", "sections", "answers", valuesDigestKey].contains(key) {
            throw Problem(
                file: file, key: key, message: "is not a setting of an answers file (known: profile, sections, answers, \(valuesDigestKey))"
            )
        }
        let profile = try chooseProfile(mapping["profile"], file: file, profiles: profiles)
        var sheet = AnswerSheet()
        if let sections = mapping["sections"] {
            guard case .sequence(let items) = sections else {
                throw Problem(file: file, key: "sections", message: "should be a list of section names")
            }
            let known = profile.sections.filter(\.optional).map(\.id)
            for item in items {
                guard let name = item.stringValue, known.contains(name) else {
                    throw Problem(
                        file: file, key: "sections",
                        message:
                            "\(YAML.emit(item).trimmingASCIIWhitespace()) is not an optional section; use \(known.joined(separator: ", "))")
                }
                sheet.enabledSections.insert(name)
            }
        }
        guard case .mapping(let answers)? = mapping["answers"] else {
            throw Problem(file: file, key: "answers", message: "is missing or not a mapping of question → answer")
        }
        for (id, value) in answers.entries {
            let key = "answers.\(id)"
            guard let question = profile.question(id) else {
                let hint = NearestName.closest(to: id, in: profile.questions.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
                throw Problem(file: file, key: key, message: "is not a question posthog-install asks\(hint)")
            }
            guard let text = scalarText(value) else {
                throw Problem(file: file, key: key, message: "should be a single value, not a list or mapping")
            }
            switch AnswerValidation.check(text, question: question) {
            case .success(let clean): sheet.answers[id] = clean
            case .failure(let problem): throw Problem(file: file, key: key, message: problem.description)
            }
            if let section = profile.sections.first(where: { $0.id == question.section }), section.optional {
                sheet.enabledSections.insert(section.id)
            }
        }
        return (profile, sheet)
    }

    /// The SHA-256 of the values.yaml text these answers were written with, if the file records one.
    public static func valuesSHA256(in text: String) -> String? {
        guard case .mapping(let mapping)? = try? YAML.parse(text, file: "answers.yaml") else { return nil }
        return mapping[valuesDigestKey]?.stringValue
    }

    private static func chooseProfile(_ value: YAMLValue?, file: String, profiles: [ProfileSet]) throws -> ProfileSet {
        guard let value else {
            guard let newest = profiles.last else { throw Problem(file: file, key: "profile", message: "no profile sets are available") }
            return newest
        }
        guard let id = value.stringValue, let profile = profiles.first(where: { $0.id == id }) else {
            throw Problem(file: file, key: "profile", message: "should be one of \(profiles.map(\.id).joined(separator: ", "))")
        }
        return profile
    }

    private static func scalarText(_ value: YAMLValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "on" : "off"
        case .float(let number): return String(number)
        case .null: return ""
        case .sequence, .mapping: return nil
        }
    }
}
