import YAML

/// Moves keys an older chart used to where this chart range expects them (`renamed-keys.yaml`),
/// editing the file in place, and says what it did.
public enum RenamedKeyMigration {
    /// Applies `renamed` in order to the editor's text; returns one `migrated` change per key moved
    /// or removed. A key whose new home already holds a value is dropped, keeping the new one.
    public static func apply(_ renamed: [RenamedKey], to editor: inout YAMLEditor) throws -> [ValueChange] {
        var changes: [ValueChange] = []
        for key in renamed {
            let values = try YAML.parse(editor.text, file: editor.file)
            guard let old = values.value(at: key.old) else { continue }
            if let accepted = key.unlessValue, scalarText(old) == accepted { continue }
            let reference = key.doc.map { " See https://posthog.com/docs/self-host/deploy/upgrade-notes#\($0)." } ?? ""
            if let new = key.new {
                if values.value(at: new) == nil {
                    try editor.set(new, to: old)
                    changes.append(ValueChange(kind: .migrated, path: key.old, old: nil, new: nil,
                                               note: "moved to \(ValuePath.join(new)) (chart \(key.since) renamed it). \(key.note)\(reference)"))
                } else {
                    changes.append(ValueChange(kind: .migrated, path: key.old, old: nil, new: nil,
                                               note: "removed; \(ValuePath.join(new)) is already set and wins. \(key.note)\(reference)"))
                }
            } else {
                changes.append(ValueChange(kind: .migrated, path: key.old, old: nil, new: nil,
                                           note: "removed (chart \(key.since) no longer has it). \(key.note)\(reference)"))
            }
            // An emptied parent (`clickhouseOperator:` after its last key moved) is removed too.
            try editor.removePruningEmptyParents(key.old)
        }
        return changes
    }

    private static func scalarText(_ value: YAMLValue) -> String? {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        default: return nil
        }
    }
}
