/// The version of posthog-install, printed by `--version`.
public enum ToolVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
