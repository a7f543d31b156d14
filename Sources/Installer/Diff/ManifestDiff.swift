import YAML

/// The change table of an upgrade: the deployed release's objects against the new render (pure).
public enum ManifestDiff {
    /// Paths that say nothing about what runs: helm's chart label and checksum annotations change
    /// on every chart version and are reported only when nothing else changed.
    static func isBookkeeping(_ path: [String]) -> Bool {
        guard path.first == "metadata" || (path.count > 3 && path[0] == "spec" && path[1] == "template" && path[2] == "metadata") else { return false }
        return path.last.map { $0 == "helm.sh/chart" || $0.hasPrefix("checksum/") || $0 == "app.kubernetes.io/version" || $0 == "chart" } ?? false
    }

    /// Every object added, changed or deleted, with its risks; unchanged objects are left out.
    public static func changes(deployed: [ManifestObject], rendered: [ManifestObject]) -> [ObjectChange] {
        var oldByKey: [ManifestObject.Key: ManifestObject] = [:]
        for object in deployed { oldByKey[object.key] = object }
        var newKeys: Set<ManifestObject.Key> = []
        var result: [ObjectChange] = []
        for object in rendered {
            newKeys.insert(object.key)
            guard let old = oldByKey[object.key] else {
                result.append(ObjectChange(key: object.key, operation: .add, reason: "new in this chart version or these values"))
                continue
            }
            let paths = ValueDifference.paths(old.body, object.body)
            guard !paths.isEmpty else { continue }
            let shown = paths.filter { !isBookkeeping($0) }
            let texts = (shown.isEmpty ? paths : shown).map(ValueDifference.text)
            let reason = shown.isEmpty ? "chart version labels only"
                : "changes " + texts.prefix(2).joined(separator: ", ") + (texts.count > 2 ? " and \(texts.count - 2) more" : "")
            result.append(ObjectChange(key: object.key, operation: .change, changedPaths: texts, reason: reason,
                                       risks: ChangeRules.risks(old: old, new: object, changed: paths)))
        }
        for object in deployed where !newKeys.contains(object.key) {
            result.append(ObjectChange(key: object.key, operation: .delete, reason: "no longer in the chart: helm deletes it",
                                       risks: ChangeRules.deletionRisks(object)))
        }
        return result.sorted { ($0.operation.order, $0.key) < ($1.operation.order, $1.key) }
    }
}

extension ObjectChange.Operation {
    /// Deletions first (the riskiest), then changes, then additions.
    var order: Int {
        switch self {
        case .delete: return 0
        case .change: return 1
        case .add: return 2
        }
    }
}
