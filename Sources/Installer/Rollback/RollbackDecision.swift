/// Which revision a rollback goes to and what stands in the way (pure).
public enum RollbackDecision: Hashable, Sendable {
    /// Roll back to this revision.
    case rollBack(to: Int, from: Int)
    /// Not possible: why, and what to do.
    case refused(String, fix: String)

    /// The decision for `requested` (nil: the revision before the current one) over `history`
    /// (oldest first).
    public static func decide(requested: Int?, history: [RollbackRevision]) -> RollbackDecision {
        guard let current = history.last else {
            return .refused("The release has no history.", fix: "Check the release name and namespace (--release, --namespace).")
        }
        if let requested {
            guard history.contains(where: { $0.revision == requested }) else {
                let known = history.map { String($0.revision) }.joined(separator: ", ")
                return .refused("There is no revision \(requested); the release has revisions \(known).",
                                fix: "Pass one of them with --to-revision.")
            }
            guard requested != current.revision else {
                return .refused("Revision \(requested) is the one running now.", fix: "Pass an earlier revision with --to-revision.")
            }
            return .rollBack(to: requested, from: current.revision)
        }
        // The newest earlier revision that was deployed successfully at some point.
        guard let previous = history.dropLast().last(where: { $0.status == "superseded" || $0.status == "deployed" }) else {
            return .refused("There is no earlier revision that was deployed (revision \(current.revision) is the first).",
                            fix: "Nothing to roll back to; `posthog-install uninstall` removes the release.")
        }
        return .rollBack(to: previous.revision, from: current.revision)
    }
}

/// A revision as the decision needs it.
public struct RollbackRevision: Hashable, Sendable {
    /// Its number.
    public var revision: Int
    /// helm's status of it.
    public var status: String

    /// A revision.
    public init(revision: Int, status: String) { self.revision = revision; self.status = status }
}
