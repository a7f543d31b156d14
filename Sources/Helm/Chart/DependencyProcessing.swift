import GoTemplate

/// Helm's ProcessDependencies: aliases, `condition`s and `tags` decide which subcharts take
/// part, then `import-values` copy values from subcharts into their parents.
public enum DependencyProcessing {
    /// Whether a chart `version` satisfies a dependency's version `constraint`.
    public typealias VersionCheck = (_ constraint: String, _ version: String) -> Bool

    /// Processes `chart` in place for the user's `values` (before coalescing).
    public static func process(_ chart: Chart, values: ValueMap, isCompatible: VersionCheck,
                               warnings: inout [String]) {
        processEnabled(chart, values: values, path: "", isCompatible: isCompatible, warnings: &warnings)
        processImportValues(chart, warnings: &warnings)
    }

    /// Missing subcharts: names listed in Chart.yaml with no chart under charts/.
    public static func missingDependencies(_ chart: Chart) -> [String] {
        let present = Set(chart.dependencies.map(\.name))
        return chart.metadata.dependencies.map(\.name).filter { !present.contains($0) }
    }

    private static func processEnabled(_ chart: Chart, values: ValueMap, path: String, isCompatible: VersionCheck,
                                       warnings: inout [String]) {
        guard !chart.metadata.dependencies.isEmpty else { return }
        // Charts not claimed by any Chart.yaml entry stay; claimed ones come back through their entry.
        var charts = chart.dependencies.filter { existing in
            !chart.metadata.dependencies.contains { $0.name == existing.name && isCompatible($0.version, existing.metadata.version) }
        }
        var requirements = chart.metadata.dependencies
        for index in requirements.indices {
            let requirement = requirements[index]
            if let match = chart.dependencies.first(where: { $0.name == requirement.name && isCompatible(requirement.version, $0.metadata.version) }) {
                let copy = match.copyForAlias()
                if !requirement.alias.isEmpty { copy.metadata.name = requirement.alias }
                charts.append(copy)
            }
            if !requirement.alias.isEmpty { requirements[index].name = requirement.alias }
            requirements[index].enabled = true
        }
        chart.setDependencies(charts)
        chart.metadata.dependencies = requirements

        var ignored: [String] = []
        let coalesced = ValuesCoalescing.coalesce(chart: chart, values: values, warnings: &ignored)
        applyTags(&chart.metadata.dependencies, coalesced, warnings: &warnings)
        applyConditions(&chart.metadata.dependencies, coalesced, path: path, warnings: &warnings)

        let disabled = Set(chart.metadata.dependencies.filter { !$0.enabled }.map(\.name))
        let kept = chart.dependencies.filter { !disabled.contains($0.metadata.name) }
        for sub in kept {
            processEnabled(sub, values: coalesced, path: path + sub.metadata.name + ".", isCompatible: isCompatible, warnings: &warnings)
        }
        chart.metadata.dependencies = chart.metadata.dependencies.filter { !disabled.contains($0.name) }
        chart.setDependencies(kept)
    }

    private static func applyTags(_ requirements: inout [ChartMetadata.Dependency], _ values: ValueMap, warnings: inout [String]) {
        guard case .map(let tags)? = values["tags"] else { return }
        for index in requirements.indices {
            var hasTrue = false, hasFalse = false
            for tag in requirements[index].tags {
                guard let value = tags[tag] else { continue }
                if case .bool(let b) = value {
                    if b { hasTrue = true } else { hasFalse = true }
                } else {
                    warnings.append("returned non-bool value for tag \(tag) of chart \(requirements[index].name)")
                }
            }
            if !hasTrue && hasFalse {
                requirements[index].enabled = false
            } else {
                requirements[index].enabled = true
            }
        }
    }

    private static func applyConditions(_ requirements: inout [ChartMetadata.Dependency], _ values: ValueMap, path: String,
                                        warnings: inout [String]) {
        for index in requirements.indices {
            let trimmed = requirements[index].condition.trimmingWhitespace()
            for condition in trimmed.split(separator: ",", omittingEmptySubsequences: false) where !condition.isEmpty {
                switch pathValue(values, path + condition) {
                case .bool(let b)?:
                    requirements[index].enabled = b
                case nil:
                    continue
                case .some:
                    warnings.append("returned non-bool value for condition \(condition) of chart \(requirements[index].name)")
                    continue
                }
                break
            }
        }
    }

    /// Helm's Values.PathValue: the value at a dotted path whose last part is not a table.
    static func pathValue(_ values: ValueMap, _ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var table = values
        for part in parts.dropLast() {
            guard case .map(let next)? = table[part] else { return nil }
            table = next
        }
        guard let last = parts.last, let value = table[last] else { return nil }
        if case .map = value { return nil }
        return value
    }

    private static func processImportValues(_ chart: Chart, warnings: inout [String]) {
        for dependency in chart.dependencies { processImportValues(dependency, warnings: &warnings) }
        guard !chart.metadata.dependencies.isEmpty else { return }
        var ignored: [String] = []
        let merged = ValuesCoalescing.coalesce(chart: chart, values: ValueMap(), mode: .merge, warnings: &ignored)
        var imported = ValueMap()
        for index in chart.metadata.dependencies.indices {
            let requirement = chart.metadata.dependencies[index]
            var normalized: [Value] = []
            for entry in requirement.importValues {
                let child: String, parent: String
                switch entry {
                case .map(let m):
                    child = GoFormat.string(m["child"] ?? .null)
                    parent = GoFormat.string(m["parent"] ?? .null)
                case .string(let s):
                    child = "exports." + s
                    parent = "."
                default:
                    continue
                }
                normalized.append(.map(ValueMap(["child": .string(child), "parent": .string(parent)])))
                guard let table = table(merged, requirement.name + "." + child) else {
                    warnings.append("ImportValues missing table from chart \(requirement.name): \(child)")
                    continue
                }
                let placed = parent == "." ? table : nest(parent, table)
                imported = ValuesCoalescing.mergeTables(imported, placed)
            }
            chart.metadata.dependencies[index].importValues = normalized
        }
        chart.values = ValuesCoalescing.mergeTables(ValuesCoalescing.deepCopy(merged), imported)
    }

    /// Helm's Values.Table: the table at a dotted path.
    static func table(_ values: ValueMap, _ path: String) -> ValueMap? {
        var table = values
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .map(let next)? = table[String(part)] else { return nil }
            table = next
        }
        return table
    }

    private static func nest(_ path: String, _ table: ValueMap) -> ValueMap {
        var current = table
        for part in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            current = ValueMap([String(part): .map(current)])
        }
        return current
    }
}
