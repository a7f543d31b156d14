import Installer
import Testing
@testable import PosthogInstallCommands

/// The change table's lines, and where each object's row is among them (the wizard opens a
/// row's diff by that index).
@Suite struct ChangeTableTextTests {
    static func key(_ kind: String, _ name: String) -> ManifestObject.Key { .init(group: "", kind: kind, namespace: "posthog", name: name) }

    @Test func rowIndicesPointAtEachObjectsRowPastItsRisks() {
        let changes = [
            ObjectChange(
                key: Self.key("PersistentVolumeClaim", "data"), operation: .delete, reason: "no longer in the chart: helm deletes it",
                risks: [ChangeRisk(.dataLoss, "The volume claim data is deleted with the data on it.", fix: "Back up.")]),
            ObjectChange(
                key: Self.key("StatefulSet", "pg"), operation: .change, reason: "changes spec.volumeClaimTemplates",
                risks: [ChangeRisk(.refused, "refused", fix: "resize"), ChangeRisk(.secret, "secret", fix: "keep")]),
            ObjectChange(key: Self.key("Job", "migrate"), operation: .add, reason: "new"),
        ]
        let lines = ChangeTableText.lines(changes, target: "30.46.0")
        let rows = ChangeTableText.rowIndices(changes)
        #expect(rows == [1, 4, 9])
        for (change, row) in zip(changes, rows) {
            #expect(lines[row].hasPrefix("  \(change.operation.rawValue)") && lines[row].contains(change.key.display), "\(lines[row])")
        }
        #expect(lines.last?.hasPrefix("3 objects change: 1 refused by Kubernetes, 1 losing data, 1 touching secrets.") == true)
    }
}
