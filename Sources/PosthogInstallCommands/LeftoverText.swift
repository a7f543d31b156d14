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

    /// The cluster-wide definitions left by the chart's operators, with the command that deletes them.
    static func definitionLines(_ names: [String], followUp: FollowUpCommands) -> [String] {
        guard !names.isEmpty else { return [] }
        var argv = ["kubectl", "delete", "customresourcedefinition"] + names
        if !followUp.simulated, let context = followUp.context { argv += ["--context", context] }
        return [
            "",
            "Also left, cluster-wide (helm never deletes the CustomResourceDefinitions a chart brings):",
        ] + names.map { "  CustomResourceDefinition \($0)" } + [
            "They hold no data of their own; delete them only once nothing else in the cluster uses them "
                + "(deleting one deletes every object of its kind, in every namespace):",
            "  " + PlanStep.display(argv),
        ]
    }
}
