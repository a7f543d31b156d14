/// The files of `profiles/`, compiled into the program so it needs no data directory.
///
/// `EmbeddedProfiles.files` is generated from `profiles/` by
/// `UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests`; a test fails when it is stale.
public enum EmbeddedFiles {
    /// Every embedded file, keyed by its path relative to `profiles/`.
    public static var all: [String: String] { EmbeddedProfiles.files }

    /// The contents of `profiles/<path>`, or nil when there is no such file.
    public static func file(_ path: String) -> String? { EmbeddedProfiles.files[path] }

    /// Paths under `directory` (relative to `profiles/`, no trailing slash), sorted.
    public static func paths(under directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        return EmbeddedProfiles.files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
