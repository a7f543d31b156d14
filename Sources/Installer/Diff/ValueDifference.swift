import YAML

/// Where two YAML values differ, as paths (`spec.template.spec.containers[0].image`); mapping
/// keys compare regardless of order, as the API server does.
public enum ValueDifference {
    /// The paths that differ between `old` and `new` (a path present on one side only included).
    public static func paths(_ old: YAMLValue?, _ new: YAMLValue?, prefix: [String] = []) -> [[String]] {
        switch (old, new) {
        case (nil, nil): return []
        case (.mapping(let a)?, .mapping(let b)?):
            var keys = a.keys
            for k in b.keys where a[k] == nil { keys.append(k) }
            return keys.flatMap { paths(a[$0], b[$0], prefix: prefix + [$0]) }
        case (.mapping(let a)?, nil) where !a.isEmpty:
            return a.keys.flatMap { paths(a[$0], nil, prefix: prefix + [$0]) }
        case (nil, .mapping(let b)?) where !b.isEmpty:
            return b.keys.flatMap { paths(nil, b[$0], prefix: prefix + [$0]) }
        case (.sequence(let a)?, .sequence(let b)?) where a.count == b.count:
            return a.indices.flatMap { paths(a[$0], b[$0], prefix: prefix + ["[\($0)]"]) }
        default:
            return same(old, new) ? [] : [prefix]
        }
    }

    /// Whether two values are the same (mappings compared without regard to key order).
    public static func same(_ a: YAMLValue?, _ b: YAMLValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (.mapping(let x)?, .mapping(let y)?):
            return x.count == y.count && x.keys.allSatisfy { same(x[$0], y[$0]) }
        case (.sequence(let x)?, .sequence(let y)?):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.int(let i)?, .float(let d)?), (.float(let d)?, .int(let i)?):
            return Double(i) == d
        default:
            return a == b
        }
    }

    /// `spec.template.spec.containers[0].image`.
    public static func text(_ path: [String]) -> String {
        var out = ""
        for part in path {
            if part.hasPrefix("[") { out += part } else { out += out.isEmpty ? part : "." + part }
        }
        return out
    }
}
