/// The YAML module: parse, emit and edit YAML through libyaml.
public enum YAMLModule {
    /// The libyaml version this module was built against.
    public static let name = "YAML"
}
