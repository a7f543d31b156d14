/// Namespace for the Installer module.
public enum InstallerModule {
    /// The module's name, for diagnostics.
    public static let name = "Installer"
}
