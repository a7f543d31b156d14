import Cluster
import Effects
import Installer

/// Keeps a copy of values.yaml for each revision of the release, so a rollback can restore the
/// values that went with the revision it returns to.
struct ValuesHistoryRecorder {
    let files: any FileSystem
    let connection: ClusterConnection

    /// Saves `text` as the values of `revision` (0600 in a 0700 directory). A copy that cannot be
    /// written only costs the rollback its values; the caller is told.
    @discardableResult
    func save(_ text: String, valuesPath: String, namespace: String, release: String, revision: Int) -> String? {
        let path = ValuesHistory.path(forValues: valuesPath, namespace: namespace, release: release, revision: revision)
        do {
            try files.makeDirectories(ValuesHistory.directory(forValues: valuesPath), mode: 0o700)
            _ = try files.writeAtomically(path, text, mode: 0o600, backup: .none)
            return path
        } catch {
            return nil
        }
    }

    /// Saves `text` as the values of the release's current revision (after helm changed it).
    @discardableResult
    func saveCurrent(_ text: String, valuesPath: String, namespace: String, release: String) async -> Int? {
        // helm history, not helm list: list may leave out a revision that failed or is pending.
        let newest = (try? await connection.helm.history(release: release, namespace: namespace))?.last?.revision
        var listed: Int?
        if newest == nil { listed = (try? await connection.helm.installedRelease(release, namespace: namespace))?.revision }
        guard let revision = newest ?? listed else { return nil }
        save(text, valuesPath: valuesPath, namespace: namespace, release: release, revision: revision)
        return revision
    }
}
