import Effects
import Installer

/// Each changed object's diff, for `diff --details` (Secret values never shown; passwords masked
/// as everywhere else: registered values, password-like keys, env values whose names mean secrets).
enum ChangeDetailsText {
    /// The lines: a heading per object, then its diff.
    static func lines(_ preview: UpgradePreview.Result, redactor: Redactor = Redactor()) -> [String] {
        var lines: [String] = []
        for change in preview.changes {
            lines.append("")
            lines.append("\(change.operation.rawValue) \(change.key.display):")
            lines += diff(of: change, in: preview, redactor: redactor).map { "  " + $0 }
        }
        return lines
    }

    /// One change's diff lines, masked (the wizard shows them when Enter is pressed on its row).
    static func diff(of change: ObjectChange, in preview: UpgradePreview.Result, redactor: Redactor = Redactor()) -> [String] {
        masked(ObjectDetails.lines(old: preview.deployed[change.key], new: preview.rendered[change.key]), redactor: redactor)
    }

    /// Diff lines (`  same`, `- old`, `+ new`) masked side by side: the old side (context and `-`)
    /// and the new side (context and `+`) each have their own env masker, so a name line in
    /// the context still masks the changed value under it on both sides.
    static func masked(_ diff: [String], redactor: Redactor) -> [String] {
        var oldSide = EnvironmentValueMasker()
        var newSide = EnvironmentValueMasker()
        return diff.map { line in
            let mark = line.prefix(2)
            let body = String(line.dropFirst(2))
            let result: String
            switch mark.first {
            case "-": result = oldSide.mask(body)
            case "+": result = newSide.mask(body)
            default:
                let a = oldSide.mask(body)
                let b = newSide.mask(body)
                result = a.count <= b.count ? a : b
            }
            return String(mark) + redactor.redact(result)
        }
    }
}
