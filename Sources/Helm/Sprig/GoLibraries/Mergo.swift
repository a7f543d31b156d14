import GoTemplate

/// dario.cat/mergo v1.0.1 `Merge` / `MergeWithOverwrite` for `map[string]interface{}`, as Sprig's
/// `merge` and `mergeOverwrite` use them. `dst` is changed in place (and so are maps nested in it).
///
/// For each source key:
/// - a nil source value is skipped (with overwrite it sets nil);
/// - map into map merges recursively;
/// - a non-empty destination keeps its value when the source is a list, or when both are maps;
/// - otherwise the source value is taken when overwriting or when the destination is missing or empty.
enum Mergo {
    static func merge(_ dst: ValueMap, _ src: ValueMap, overwrite: Bool) {
        for (key, source) in src.storage {
            if case .null = source {
                if overwrite { dst[key] = .null }
                continue
            }
            let existing = dst[key]
            if case .map(let s) = source, case .map(let d)? = existing {
                merge(d, s, overwrite: overwrite)
            }
            if case .list = source, overwrite {
                // mergo replaces slices outright when overwriting, even with an empty one.
                dst[key] = source
                continue
            }
            if let existing, !isEmpty(existing) {
                if case .list = source { continue }
                if case .map = source, case .map = existing { continue }
            }
            if overwrite || existing == nil || isEmpty(existing!) {
                dst[key] = source
            }
        }
    }

    /// mergo's `isEmptyValue` with dereferencing: Go zero values and empty collections.
    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .function: return false
        default: return sprigEmpty(value)
        }
    }
}
