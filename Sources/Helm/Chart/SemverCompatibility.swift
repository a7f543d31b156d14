/// Helm's IsCompatibleRange: whether a version satisfies a semver constraint; unparsable
/// versions or constraints never match.
public enum SemverCompatibility {
    /// Whether `version` satisfies `constraint` (`>=1.19-0`, `~0.2`, `^1.2`, ...).
    public static func isCompatible(_ constraint: String, _ version: String) -> Bool {
        guard let parsed = try? SemanticVersion(parsing: version),
              let constraints = try? SemverConstraints(parsing: constraint) else { return false }
        return constraints.check(parsed)
    }
}
