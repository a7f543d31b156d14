import Installer

/// How the upgrade notes of the boundaries crossed are printed (pure).
enum UpgradeNotesText {
    /// Per note: the boundary, why, the commands that run first, and the data-loss warning.
    static func lines(_ notes: [UpgradeNote]) -> [String] {
        var lines: [String] = []
        for note in notes {
            lines.append("")
            lines.append("Upgrade note: chart \(note.from).x → \(note.to).0.0" + (note.destructive ? " (CAN LOSE DATA)" : ""))
            lines += note.explanation.split(separator: "\n").map { "  " + $0 }
            if !note.steps.isEmpty {
                lines.append("  Before helm upgrade, these run:")
                lines += note.steps.map { "    " + PlanStep.display($0) }
            }
            if note.destructive {
                lines.append("  Back up first: data in the volumes these steps delete is gone for good.")
            }
            if let doc = note.doc { lines.append("  More: https://posthog.com/docs/self-host/deploy/upgrade-notes#\(doc)") }
        }
        return lines
    }
}
