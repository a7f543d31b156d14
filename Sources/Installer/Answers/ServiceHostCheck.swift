/// Checks the host of a service PostHog connects to (SMTP, an external database): unlike the
/// PostHog host name it may be an IP address or a name only the cluster resolves
/// (`postgres`, `db.internal`, `redis.data.svc.cluster.local`).
public enum ServiceHostCheck {
    /// The host in lower case, or what is wrong with it.
    public static func normalize(_ typed: String) -> Result<String, AnswerProblem> {
        let text = typed.trimmingASCIIWhitespace()
        switch HostnameCheck.normalize(text) {
        case .success(let name):
            return .success(name)
        case .failure(.ipAddress):
            let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
            if bare.contains(":") && !bare.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
                return .failure(AnswerProblem("\"\(text)\" is not an IP address or host name."))
            }
            return .success(bare.lowercased())
        case .failure(.singleLabel(let label)):
            return .success(label)
        case .failure(.hasPort(let host)):
            return .failure(AnswerProblem("Leave out the port here (\(host)); it is asked for separately."))
        case .failure(.empty):
            return .failure(AnswerProblem("Enter the server's host name or IP address, for example db.example.com or 10.0.0.5."))
        case .failure(let problem):
            return .failure(AnswerProblem(problem.description))
        }
    }
}
