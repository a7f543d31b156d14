import GoTemplate

/// The Sprig functions available to charts (the subset implemented so far).
public enum SprigLibrary {
    /// Functions by name.
    public static var functions: [String: TemplateFunction] { SprigCore.functions }
}
