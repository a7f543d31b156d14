import GoTemplate

/// What coalescing needs to know about a chart: its name, default values and subcharts.
public protocol CoalescibleChart {
    /// The chart name (or the alias it is used under).
    var coalesceName: String { get }
    /// The chart's default values (values.yaml).
    var defaultValues: ValueMap { get }
    /// Enabled subcharts, in order.
    var subcharts: [any CoalescibleChart] { get }
}

/// Helm's values merging: `-f` files merged in order, then coalesced with the chart's
/// defaults and its subcharts' (user values win, `null` deletes a default, `global`
/// flows down into every subchart).
public enum ValuesCoalescing {
    /// Merges `override` onto `base` as `helm -f a -f b` does: maps merge recursively, anything else replaces.
    public static func merge(_ base: ValueMap, _ override: ValueMap) -> ValueMap {
        let out = deepCopy(base)
        for key in override.sortedKeys {
            guard let value = override[key] else { continue }
            if case .map(let overrideMap) = value, case .map(let baseMap)? = out[key] {
                out[key] = .map(merge(baseMap, overrideMap))
            } else {
                out[key] = value
            }
        }
        return out
    }

    /// Coalesces user values with the chart's defaults (Helm's CoalesceValues); `warnings`
    /// collects Helm's printed warnings (type conflicts).
    public static func coalesce(chart: any CoalescibleChart, values: ValueMap, mode: Mode = .coalesce,
                                warnings: inout [String]) -> ValueMap {
        let dest = deepCopy(values)
        coalesce(chart, dest, prefix: "", mode: mode, warnings: &warnings)
        return dest
    }

    /// Coalescing drops `null`s (a user's `null` deletes a default); merging keeps them
    /// (Helm's MergeValues, used for import-values).
    public enum Mode: Sendable { case coalesce, merge }

    /// Helm's MergeTables: `src` fills what `dst` lacks, `null`s kept; returns `dst`.
    public static func mergeTables(_ dst: ValueMap, _ src: ValueMap) -> ValueMap {
        var ignored: [String] = []
        coalesceTables(dst, src, prefix: "", merge: true, warnings: &ignored)
        return dst
    }

    /// Helm's CoalesceTables: like mergeTables, but a `null` in `dst` deletes the key.
    public static func coalesceTables(_ dst: ValueMap, _ src: ValueMap) -> ValueMap {
        var ignored: [String] = []
        coalesceTables(dst, src, prefix: "", merge: false, warnings: &ignored)
        return dst
    }

    /// Go's copystructure: maps and lists copied all the way down.
    public static func deepCopy(_ map: ValueMap) -> ValueMap {
        // mapValues keeps the dictionary's layout: no key is hashed again.
        ValueMap(map.storage.mapValues(deepCopy))
    }

    static func deepCopy(_ value: Value) -> Value {
        switch value {
        case .map(let m): return .map(deepCopy(m))
        case .list(let l): return .list(l.map(deepCopy))
        default: return value
        }
    }

    private static func coalesce(_ chart: any CoalescibleChart, _ dest: ValueMap, prefix: String, mode: Mode, warnings: inout [String]) {
        coalesceValues(chart, dest, prefix: prefix, mode: mode, warnings: &warnings)
        coalesceDependencies(chart, dest, prefix: prefix, mode: mode, warnings: &warnings)
    }

    private static func coalesceDependencies(_ chart: any CoalescibleChart, _ dest: ValueMap, prefix: String, mode: Mode,
                                             warnings: inout [String]) {
        for sub in chart.subcharts {
            let name = sub.coalesceName
            let subValues: ValueMap
            switch dest[name] {
            case nil:
                subValues = ValueMap()
                dest[name] = .map(subValues)
            case .map(let m)?:
                subValues = m
            case let other?:
                warnings.append("type mismatch on \(name): \(GoFormat.string(other))")
                continue
            }
            let subPrefix = join(prefix, chart.coalesceName)
            coalesceGlobals(subValues, from: dest, prefix: subPrefix, warnings: &warnings)
            coalesce(sub, subValues, prefix: subPrefix, mode: mode, warnings: &warnings)
        }
    }

    private static func coalesceGlobals(_ dest: ValueMap, from src: ValueMap, prefix: String, warnings: inout [String]) {
        let destGlobals: ValueMap
        switch dest["global"] {
        case nil: destGlobals = ValueMap()
        case .map(let m)?: destGlobals = m
        default:
            warnings.append("warning: skipping globals because destination global is not a table.")
            return
        }
        let srcGlobals: ValueMap
        switch src["global"] {
        case nil: srcGlobals = ValueMap()
        case .map(let m)?: srcGlobals = m
        default:
            warnings.append("warning: skipping globals because source global is not a table.")
            return
        }
        for key in srcGlobals.sortedKeys {
            guard let value = srcGlobals[key] else { continue }
            if case .map(let table) = value {
                let copy = ValueMap(table.storage)
                if let existing = destGlobals[key] {
                    guard case .map(let existingTable) = existing else {
                        warnings.append("Conflict: cannot merge map onto non-map for \"\(key)\". Skipping.")
                        continue
                    }
                    coalesceTables(copy, existingTable, prefix: join(prefix, key), merge: true, warnings: &warnings)
                    destGlobals[key] = .map(copy)
                } else {
                    destGlobals[key] = .map(copy)
                }
            } else if case .map? = destGlobals[key] {
                warnings.append("key \(key) is table. Skipping")
            } else {
                destGlobals[key] = value
            }
        }
        dest["global"] = .map(destGlobals)
    }

    private static func coalesceValues(_ chart: any CoalescibleChart, _ values: ValueMap, prefix: String, mode: Mode,
                                       warnings: inout [String]) {
        let subPrefix = join(prefix, chart.coalesceName)
        let defaults = deepCopy(chart.defaultValues)
        let subchartNames = Set(chart.subcharts.map(\.coalesceName))
        for key in defaults.sortedKeys {
            guard let defaultValue = defaults[key] else { continue }
            if let value = values[key] {
                if case .null = value {
                    if mode == .coalesce { values[key] = nil }
                } else if case .map(let dest) = value {
                    guard case .map(let src) = defaultValue else {
                        if case .null = defaultValue {} else {
                            warnings.append("warning: skipped value for \(subPrefix).\(key): Not a table.")
                        }
                        continue
                    }
                    let merge = mode == .merge || subchartNames.contains(key)
                    if !merge { cleanNulls(src) }
                    coalesceTables(dest, src, prefix: join(subPrefix, key), merge: merge, warnings: &warnings)
                }
            } else {
                if mode == .coalesce {
                    if case .null = defaultValue { continue }
                    if case .map(let sub) = defaultValue { cleanNulls(sub) }
                }
                values[key] = defaultValue
            }
        }
    }

    /// Helm's coalesceTablesFullKey: `dst` (user) wins over `src` (defaults).
    private static func coalesceTables(_ dst: ValueMap, _ src: ValueMap, prefix: String, merge: Bool, warnings: inout [String]) {
        var srcNonNull: Set<String> = []
        for (key, value) in src.storage { if case .null = value {} else { srcNonNull.insert(key) } }
        for (key, value) in dst.storage { if case .null = value { src[key] = .null } }
        for key in src.sortedKeys {
            guard let value = src[key] else { continue }
            let fullKey = join(prefix, key)
            let existing = dst[key]
            if let existing, !merge, case .null = existing, srcNonNull.contains(key) {
                dst[key] = nil
            } else if existing == nil {
                dst[key] = value
            } else if case .map(let srcTable) = value {
                if case .map(let dstTable)? = existing {
                    coalesceTables(dstTable, srcTable, prefix: fullKey, merge: merge, warnings: &warnings)
                } else {
                    warnings.append("warning: cannot overwrite table with non table for \(fullKey) (\(GoFormat.string(value)))")
                }
            } else if case .map? = existing {
                if case .null = value {} else {
                    warnings.append("warning: destination for \(fullKey) is a table. Ignoring non-table value (\(GoFormat.string(value)))")
                }
            }
        }
    }

    private static func cleanNulls(_ map: ValueMap) {
        for key in map.sortedKeys {
            switch map[key] {
            case .null?: map[key] = nil
            case .map(let sub)?: cleanNulls(sub)
            default: break
            }
        }
    }

    private static func join(_ prefix: String, _ key: String) -> String {
        prefix.isEmpty ? key : prefix + "." + key
    }
}
