/// Errors of the Helm layer, worded as Helm words them where Helm has a message.
public enum HelmError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--kube-version` could not be parsed.
    case invalidKubeVersion(String)

    /// Helm's text (without the `Error: ` prefix the command line adds).
    public var description: String {
        switch self {
        case .invalidKubeVersion(let text):
            return "invalid kube version '\(text)': could not parse \"\(text)\" as version"
        }
    }
}
