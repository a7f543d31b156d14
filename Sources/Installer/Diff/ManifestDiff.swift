import YAML

/// The change table of an upgrade: the deployed release's objects against the new render (pure).
public enum ManifestDiff {
    /// Whether `path` is in an object's or its pod template's metadata.
    static func isMetadata(_ path: [String]) -> Bool {
        path.first == "metadata" || (path.count > 3 && path[0] == "spec" && path[1] == "template" && path[2] == "metadata")
    }

    /// What helm itself adds when it applies an object (release annotations, managed-by label):
    /// present on one side only by how the manifest was stored, never a change.
    static func isAddedByHelm(_ path: [String]) -> Bool {
        isMetadata(path) && (path.last.map { $0.hasPrefix("meta.helm.sh/") || $0 == "app.kubernetes.io/managed-by" } ?? false)
    }

    /// Labels that change with every chart version and say nothing about what runs; reported
    /// only when nothing else changed.
    static func isBookkeeping(_ path: [String]) -> Bool {
        isMetadata(path) && (path.last.map { $0 == "helm.sh/chart" || $0 == "app.kubernetes.io/version" || $0 == "chart" } ?? false)
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
            let paths = ValueDifference.paths(old.body, object.body).filter { !isAddedByHelm($0) }
            guard !paths.isEmpty else { continue }
            let shown = paths.filter { !isBookkeeping($0) }
            let texts = (shown.isEmpty ? paths : shown).map(ValueDifference.text)
            let restarts = shown.contains { isMetadata($0) && ($0.last?.hasPrefix("checksum/") ?? false) } && shown.allSatisfy(isMetadata)
            let reason = shown.isEmpty ? "chart version labels only"
                : restarts ? "restarts its pods (a configuration checksum changes)"
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
