import Installer

/// How the change table of an upgrade is printed (pure).
enum ChangeTableText {
    /// The table: one line per object with its operation and reason, each risk under it.
    static func lines(_ changes: [ObjectChange], target: String) -> [String] {
        guard !changes.isEmpty else {
            return ["Nothing changes in the cluster: the deployed objects already match chart \(target) with these values."]
        }
        let width = min(60, changes.map { $0.key.display.count }.max() ?? 0)
        var lines = ["What the upgrade to chart \(target) changes:"]
        for change in changes {
            let name = change.key.display.padded(to: max(width, change.key.display.count))
            lines.append("  \(change.operation.rawValue.padded(to: 6)) \(name)  \(change.reason)")
            for risk in change.risks {
                lines.append("         \(mark(risk.kind)) \(risk.message)")
                lines.append("           fix: \(risk.fix)")
            }
        }
        let count = { (kind: ChangeRisk.Kind) in changes.filter { $0.risks.contains { $0.kind == kind } }.count }
        lines.append(
            "\(changes.count) object\(changes.count == 1 ? " changes" : "s change"): \(count(.refused)) refused by Kubernetes, "
                + "\(count(.dataLoss)) losing data, \(count(.secret)) touching secrets.")
        return lines
    }

    /// Where each change's row is in `lines(changes, …)`: after the heading, each change takes
    /// its row and two lines per risk.
    static func rowIndices(_ changes: [ObjectChange]) -> [Int] {
        var index = 1
        return changes.map { change in
            defer { index += 1 + 2 * change.risks.count }
            return index
        }
    }

    /// `✗ refused:`, `✗ loses data:`, `! secret:`.
    static func mark(_ kind: ChangeRisk.Kind) -> String {
        switch kind {
        case .refused: return "✗ refused:"
        case .dataLoss: return "✗ loses data:"
        case .secret: return "! secret:"
        }
    }
}
