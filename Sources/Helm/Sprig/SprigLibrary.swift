import GoTemplate

/// The Sprig functions available to charts (the subset implemented so far).
public enum SprigLibrary {
    /// Functions by name.
    public static var functions: [String: TemplateFunction] { SprigCore.functions }
}

/// Helm's own functions that need no chart context (toYaml, fromYaml, fromYamlArray).
public enum HelmFunctions {
    /// Functions by name.
    public static var functions: [String: TemplateFunction] { YAMLFunctions.functions }
}
