/// How strictly to read YAML.
public struct YAMLParseOptions: Sendable {
    /// What to do with a key that appears twice in one mapping.
    public enum DuplicateKeys: Sendable {
        /// An error naming both lines (for files people edit: values.yaml, answers.yaml).
        case reject
        /// The last one wins, as Helm's own YAML reading does for rendered manifests.
        case lastWins
    }

    /// Duplicate key handling.
    public var duplicateKeys: DuplicateKeys
    /// Largest input accepted, in bytes.
    public var maxBytes: Int

    /// Strict reading for files people edit.
    public static let strict = YAMLParseOptions(duplicateKeys: .reject, maxBytes: 16 * 1024 * 1024)
    /// Lenient reading, as Helm reads chart output (`fromYaml`, manifests).
    public static let helm = YAMLParseOptions(duplicateKeys: .lastWins, maxBytes: 64 * 1024 * 1024)

    /// Creates options.
    public init(duplicateKeys: DuplicateKeys, maxBytes: Int) {
        self.duplicateKeys = duplicateKeys
        self.maxBytes = maxBytes
    }
}
