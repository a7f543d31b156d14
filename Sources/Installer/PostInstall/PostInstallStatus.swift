/// How a post-install finding stands.
public enum PostInstallStatus: String, Hashable, Sendable {
    /// Done and working.
    case ok
    /// Not there yet, but on its way; check again in a while.
    case waiting
    /// Something needs the person's attention.
    case problem
}

/// One post-install finding: status, what was seen, what to do.
public struct PostInstallFinding: Hashable, Sendable {
    /// The status.
    public var status: PostInstallStatus
    /// What was found.
    public var message: String
    /// What to do (empty when nothing).
    public var fix: String
    /// Supporting lines.
    public var details: [String]

    /// A finding.
    public init(_ status: PostInstallStatus, _ message: String, fix: String = "", details: [String] = []) {
        self.status = status; self.message = message; self.fix = fix; self.details = details
    }
}
