import GoTemplate
import Helm
import YAML

/// The value keys a chart knows: its values.yaml and every subchart's under the subchart's
/// name or alias. A map the chart leaves empty (`annotations: {}`) or null accepts any key.
public struct ChartValueKeys: Sendable {
    /// Every known path, joined with `ValuePath.join`.
    public private(set) var paths: Set<String> = []
    /// Paths under which any key is accepted.
    public private(set) var open: Set<String> = []

    /// Reads the keys of `chart` and its subcharts.
    public init(chart: Chart) {
        add(chart.values, prefix: [])
        open.insert("global")
        for subchart in chart.dependencies {
            let aliases = chart.metadata.dependencies.filter { $0.name == subchart.name && !$0.alias.isEmpty }.map(\.alias)
            for name in [subchart.name] + aliases {
                paths.insert(name)
                add(subchart.values, prefix: [name])
                for nested in subchart.dependencies {
                    paths.insert(ValuePath.join([name, nested.name]))
                    add(nested.values, prefix: [name, nested.name])
                }
            }
        }
    }

    /// Reads keys from a list of paths (lines ending in `.*` are open maps), for tests.
    public init(lines: [String]) {
        for line in lines where !line.isEmpty && !line.hasPrefix("#") {
            if line.hasSuffix(".*") { open.insert(String(line.dropLast(2))) } else { paths.insert(line) }
        }
    }

    private mutating func add(_ map: ValueMap, prefix: [String]) {
        for key in map.sortedKeys {
            let path = prefix + [key]
            paths.insert(ValuePath.join(path))
            switch map[key] {
            case .map(let inner)?:
                if inner.sortedKeys.isEmpty { open.insert(ValuePath.join(path)) } else { add(inner, prefix: path) }
            case .null?, .list?:
                open.insert(ValuePath.join(path))
            default:
                break
            }
        }
    }

    /// Whether `path` is a key of the chart (or lies under an open map).
    public func contains(_ path: [String]) -> Bool {
        if paths.contains(ValuePath.join(path)) { return true }
        return (1..<max(path.count, 1)).contains { open.contains(ValuePath.join(Array(path.prefix($0)))) }
    }

    /// The known key most like `path`: a sibling with a similar name, else a similar full path.
    public func nearest(to path: [String]) -> String? {
        let parent = ValuePath.join(Array(path.dropLast()))
        let siblings = paths.filter { candidate in
            let keys = ValuePath.split(candidate)
            return keys.count == path.count && ValuePath.join(Array(keys.dropLast())) == parent
        }
        if let last = path.last, let match = NearestName.closest(to: last, in: siblings.compactMap { ValuePath.split($0).last }) {
            return ValuePath.join(Array(path.dropLast()) + [match])
        }
        return NearestName.closest(to: ValuePath.join(path), in: Array(paths))
    }
}
