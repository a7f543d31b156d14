/// Namespace for the PosthogTestSupport module.
public enum PosthogTestSupportModule {
    /// The module's name, for diagnostics.
    public static let name = "PosthogTestSupport"
}
