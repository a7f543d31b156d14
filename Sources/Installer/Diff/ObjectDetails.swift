import YAML

/// The per-object diff shown on request, with Secret contents never shown: each key of a
/// Secret's `data`/`stringData` reads `(hidden, unchanged)`, or `(hidden: old value)` against
/// `(hidden: new value)` when it changes.
public enum ObjectDetails {
    /// The diff lines of one change (`- old`, `+ new`), given both sides (nil when absent).
    public static func lines(old: ManifestObject?, new: ManifestObject?) -> [String] {
        let isSecret = (old ?? new)?.key.kind == "Secret"
        let before = old.map { isSecret ? masked($0.body, against: new?.body, side: "old") : $0.body }
        let after = new.map { isSecret ? masked($0.body, against: old?.body, side: "new") : $0.body }
        return TextLineDiff.lines(old: text(before), new: text(after))
    }

    private static func text(_ value: YAMLValue?) -> [String] {
        guard let value else { return [] }
        var out = YAML.emit(sorted(value)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if out.last == "" { out.removeLast() }
        return out
    }

    private static func sorted(_ v: YAMLValue) -> YAMLValue {
        switch v {
        case .mapping(let m): return .mapping(YAMLMapping(m.sortedByKey().entries.map { ($0.key, sorted($0.value)) }))
        case .sequence(let s): return .sequence(s.map(sorted))
        default: return v
        }
    }

    /// `body` with its secret values replaced by words comparing them with `other`'s.
    static func masked(_ body: YAMLValue, against other: YAMLValue?, side: String) -> YAMLValue {
        guard case .mapping(var m) = body else { return body }
        for field in ["data", "stringData"] {
            guard case .mapping(let data)? = m[field] else { continue }
            let otherData = other?[field]
            var words: [(String, YAMLValue)] = []
            for key in data.keys {
                let same = otherData?[key].map { ValueDifference.same(data[key], $0) } ?? false
                let word = same ? "(hidden, unchanged)" : "(hidden: \(side) value)"
                words.append((key, .string(word)))
            }
            m[field] = .mapping(YAMLMapping(words))
        }
        return .mapping(m)
    }
}
