/// Where the values.yaml of each revision is kept: beside values.yaml, in
/// `.posthog-install-history/`, one file per release and revision (pure naming).
public enum ValuesHistory {
    /// The directory for `valuesPath` (`values.yaml` → `.posthog-install-history`).
    public static func directory(forValues valuesPath: String) -> String {
        guard let slash = valuesPath.lastIndex(of: "/") else { return ".posthog-install-history" }
        return String(valuesPath[...slash]) + ".posthog-install-history"
    }

    /// The file of `release` in `namespace` at `revision`.
    public static func path(forValues valuesPath: String, namespace: String, release: String, revision: Int) -> String {
        directory(forValues: valuesPath) + "/\(namespace)-\(release)-revision-\(revision).yaml"
    }
}
