import Installer

/// How the snapshot offer and the snapshots taken are printed (pure).
enum SnapshotText {
    /// What the cluster can do for the volumes at risk; `flag` names how to ask for it
    /// (`--snapshot`, or the wizard's box). Empty when no volume is at risk.
    static func offerLines(_ offer: SnapshotPlan.Offer, flag: String) -> [String] {
        switch offer {
        case .nothingAffected:
            return []
        case .noSnapshotAPI(let claims):
            return [
                "Snapshots: this cluster has no VolumeSnapshot API (snapshot.storage.k8s.io), so posthog-install cannot snapshot "
                    + "the volumes at risk (\(claims.joined(separator: ", "))). Back them up another way first."
            ]
        case .noSnapshotClass(let claims, let drivers):
            return [
                "Snapshots: this cluster has no VolumeSnapshotClass for \(drivers.joined(separator: ", ")), so posthog-install cannot "
                    + "snapshot the volumes at risk (\(claims.joined(separator: ", "))). Create one with that driver to have them "
                    + "snapshotted, or back them up another way first."
            ]
        case .snapshots(let targets, let unsupported):
            var lines: [String] = []
            if !targets.isEmpty {
                lines.append(
                    "Snapshots: this cluster can take a VolumeSnapshot of the \(targets.count) volume\(targets.count == 1 ? "" : "s") at risk "
                        + "before helm upgrade runs (\(flag)):")
                lines += targets.map {
                    "  \($0.claim)" + ($0.size.map { " (\($0))" } ?? "") + " with VolumeSnapshotClass \($0.snapshotClass)"
                }
            }
            lines += unsupported.sorted { $0.key < $1.key }.map { "  \($0.key) cannot be snapshotted: \($0.value)" }
            return lines
        }
    }

    /// The snapshots kept, with how to restore one: a new claim whose `dataSource` names it.
    static func takenLines(_ targets: [SnapshotTarget], namespace: String, release: String) -> [String] {
        guard let first = targets.first else { return [] }
        var lines = ["", "VolumeSnapshots taken before this upgrade (they stay until you delete them):"]
        let width = targets.map(\.name.count).max() ?? 0
        lines += targets.map { "  \($0.name.padded(to: width))  of claim \($0.claim)" + ($0.size.map { ", \($0)" } ?? "") }
        lines.append("List them: kubectl get volumesnapshots -n \(namespace) -l \(UpgradeSnapshots.selector(release: release))")
        lines.append("To restore one, create a new claim from it (then point the workload at it), for example:")
        lines += first.restoreManifest(namespace: namespace).split(separator: "\n").map { "    " + $0 }
        return lines
    }
}
