import Installer

/// Checks a typed answer against its question's kind: the cleaned value or what is wrong.
/// The single place the wizard validates, so the rules can move to `Installer` unchanged.
public enum AnswerCheck {
    /// The value to store for `text`, or the problem to show under the field.
    public static func check(_ text: String, question: Question) -> Result<String, AnswerProblem> {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty {
            if question.optional { return .success("") }
            return .failure(AnswerProblem(emptyMessage(question)))
        }
        switch question.kind {
        case .hostname:
            return HostnameCheck.normalize(trimmed).mapError { AnswerProblem($0.description) }
        case .email:
            return AnswerChecks.email(trimmed)
        case .port:
            return AnswerChecks.port(trimmed).map(String.init)
        case .size:
            return AnswerChecks.storageSize(trimmed).map { _ in trimmed }
        case .choice:
            guard question.choice(trimmed) != nil else {
                return .failure(AnswerProblem("Choose one of: \(question.choices.map(\.value).joined(separator: ", "))."))
            }
            return .success(trimmed)
        case .text:
            return .success(trimmed)
        case .secret:
            // Passwords are taken exactly as typed: spaces may be part of them.
            return .success(text)
        }
    }

    private static func emptyMessage(_ question: Question) -> String {
        switch question.kind {
        case .hostname: return "Enter a host name, for example posthog.example.com."
        case .email: return "Enter an email address, for example ops@example.com."
        case .port: return "Enter a port number from 1 to 65535."
        case .size: return "Enter a size such as 60Gi."
        case .secret: return "This cannot be empty: paste the password or key."
        case .choice, .text: return "This cannot be empty."
        }
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
