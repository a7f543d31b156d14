import YAML

/// Checks one typed answer against its question and returns the cleaned text to store.
public enum AnswerValidation {
    /// The answer as it will be stored (trimmed, normalised), or what is wrong with it.
    /// An empty answer to an optional question is accepted as "".
    public static func check(_ text: String, question: Question) -> Result<String, AnswerProblem> {
        let trimmed = question.kind == .secret ? text : text.trimmingASCIIWhitespace()
        if trimmed.isEmpty {
            if question.optional { return .success("") }
            return .failure(AnswerProblem(emptyMessage(question)))
        }
        switch question.kind {
        case .hostname:
            return HostnameCheck.normalize(trimmed).mapError { AnswerProblem($0.description) }
        case .host:
            return ServiceHostCheck.normalize(trimmed)
        case .email:
            return AnswerChecks.email(trimmed)
        case .port:
            return AnswerChecks.port(trimmed).map(String.init)
        case .size:
            return AnswerChecks.storageSize(trimmed).map { _ in trimmed }
        case .choice:
            if question.choice(trimmed) != nil { return .success(trimmed) }
            let lowered = trimmed.lowercased()
            if let choice = question.choices.first(where: { $0.value.lowercased() == lowered }) { return .success(choice.value) }
            let values = question.choices.map(\.value).joined(separator: ", ")
            return .failure(AnswerProblem("\"\(trimmed)\" is not one of the choices: use one of \(values)."))
        case .text:
            guard !trimmed.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                return .failure(AnswerProblem("Use a single line."))
            }
            return .success(trimmed)
        case .secret:
            guard !trimmed.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                return .failure(AnswerProblem("Paste it as one line: it contains a line break."))
            }
            return .success(trimmed)
        }
    }

    private static func emptyMessage(_ question: Question) -> String {
        switch question.kind {
        case .hostname: return "Enter a host name, for example posthog.example.com."
        case .host: return "Enter the server's host name or IP address."
        case .email: return "Enter an email address, for example ops@example.com."
        case .port: return "Enter a port number from 1 to 65535."
        case .size: return "Enter a size such as 60Gi."
        case .choice: return "Choose one of: \(question.choices.map(\.value).joined(separator: ", "))."
        case .text, .secret: return "This answer is needed; it cannot be empty."
        }
    }

    /// The value an answer writes into values.yaml: ports as numbers, everything else as text.
    public static func yamlValue(_ answer: String, question: Question) -> YAMLValue {
        if question.kind == .port, let port = Int64(answer) { return .int(port) }
        return .string(answer)
    }
}
