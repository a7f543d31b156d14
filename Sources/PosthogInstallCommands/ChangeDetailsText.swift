import Installer

/// Each changed object's diff, for `diff --details` (Secret values never shown).
enum ChangeDetailsText {
    /// The lines: a heading per object, then its diff.
    static func lines(_ preview: UpgradePreview.Result) -> [String] {
        var lines: [String] = []
        for change in preview.changes {
            lines.append("")
            lines.append("\(change.operation.rawValue) \(change.key.display):")
            let diff = ObjectDetails.lines(old: preview.deployed[change.key], new: preview.rendered[change.key])
            lines += diff.map { "  " + $0 }
        }
        return lines
    }
}
