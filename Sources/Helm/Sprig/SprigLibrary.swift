import GoTemplate

/// The Sprig functions available to charts (the subset implemented so far).
public enum SprigLibrary {
    /// Functions by name.
    public static let functions: [String: TemplateFunction] = {
        var table = SprigCore.functions
        for more in [SprigRegex.functions, SprigSemver.functions, SprigCrypto.functions, SprigDates.functions] {
            table.merge(more) { _, new in new }
        }
        return table
    }()
}

/// Helm's own functions that need no chart context (toYaml, fromYaml, fromYamlArray).
public enum HelmFunctions {
    /// Functions by name.
    public static let functions: [String: TemplateFunction] = YAMLFunctions.functions.merging(JSONFunctions.functions) { _, json in json }
}
