import GoTemplate

/// Sprig v3's functions, as Helm registers them (Helm removes `env` and `expandenv`).
public enum SprigLibrary {
    /// Functions by name.
    public static let functions: [String: TemplateFunction] = {
        var table = SprigCore.functions
        for more in [SprigStrings.functions, SprigMath.functions, SprigLists.functions, SprigDicts.functions,
                     SprigPaths.functions, SprigRegex.functions, SprigSemver.functions, SprigCrypto.functions,
                     SprigDates.functions] {
            table.merge(more) { _, new in new }
        }
        return table
    }()
}

/// Helm's own functions that need no chart context (YAML, JSON and TOML conversions).
public enum HelmFunctions {
    /// Functions by name.
    public static let functions: [String: TemplateFunction] = YAMLFunctions.functions
        .merging(YAMLPrettyFunctions.functions) { _, pretty in pretty }
        .merging(JSONFunctions.functions) { _, json in json }
        .merging(TOMLFunctions.functions) { _, toml in toml }
        .merging(DurationFunctions.functions) { _, duration in duration }
}
