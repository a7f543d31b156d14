import GoTemplate
import YAML

extension ChartMetadata {
    /// `.Chart` as Helm builds it: every Chart.yaml field under its Go field name, plus `IsRoot`.
    public func templateMap(isRoot: Bool) -> ValueMap {
        func text(_ key: String) -> Value { .string(Self.sanitized(Self.text(raw[key]))) }
        func strings(_ key: String) -> Value {
            guard case .sequence(let items)? = raw[key] else { return .list([]) }
            return .list(items.map { .string(Self.text($0)) })
        }
        var maintainers: [Value] = []
        if case .sequence(let items)? = raw["maintainers"] {
            for item in items {
                guard case .mapping(let m) = item else { continue }
                maintainers.append(.map(ValueMap([
                    "Name": .string(Self.sanitized(Self.text(m["name"]))),
                    "Email": .string(Self.sanitized(Self.text(m["email"]))),
                    "URL": .string(Self.sanitized(Self.text(m["url"]))),
                ])))
            }
        }
        let annotations = ValueMap()
        if case .mapping(let m)? = raw["annotations"] {
            for (key, value) in m.entries { annotations[key] = .string(Self.text(value)) }
        }
        var deprecated = false
        if case .bool(let b)? = raw["deprecated"] { deprecated = b }
        let map = ValueMap([
            "Name": .string(name),
            "Home": text("home"),
            "Sources": strings("sources"),
            "Version": .string(version),
            "Description": .string(description),
            "Keywords": strings("keywords"),
            "Maintainers": .list(maintainers),
            "Icon": text("icon"),
            "APIVersion": .string(apiVersion),
            "Condition": text("condition"),
            "Tags": text("tags"),
            "AppVersion": .string(appVersion),
            "Deprecated": .bool(deprecated),
            "Annotations": .map(annotations),
            "KubeVersion": .string(kubeVersion),
            "Dependencies": .list(dependencies.map { $0.templateMap }),
            "Type": .string(type),
            "IsRoot": .bool(isRoot),
        ])
        return map
    }
}

extension ChartMetadata.Dependency {
    /// One dependency as `.Chart.Dependencies` shows it.
    var templateMap: Value {
        .map(ValueMap([
            "Name": .string(name),
            "Version": .string(version),
            "Repository": .string(repository),
            "Condition": .string(condition),
            "Tags": .list(tags.map { .string($0) }),
            "Enabled": .bool(enabled),
            "ImportValues": .list(importValues),
            "Alias": .string(alias),
        ]))
    }
}
