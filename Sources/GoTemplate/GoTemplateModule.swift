/// Namespace for the GoTemplate module.
public enum GoTemplateModule {
    /// The module's name, for diagnostics.
    public static let name = "GoTemplate"
}
