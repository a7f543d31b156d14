import Installer
import Kube

/// How the leftovers of an uninstall are printed (pure).
enum LeftoverText {
    /// `Left in namespace posthog:`, one line per object, then what it means.
    static func lines(_ report: LeftoverReport) -> [String] {
        guard !report.items.isEmpty else { return [report.message] }
        let width = report.items.map { "\($0.kind) \($0.name)".count }.max() ?? 0
        var lines = ["Left behind:"]
        for item in report.items {
            let name = "\(item.kind) \(item.name)".padded(to: width)
            lines.append(item.detail.isEmpty ? "  \(item.kind) \(item.name)" : "  \(name)  \(item.detail)")
        }
        lines.append(report.message)
        return lines
    }
}
