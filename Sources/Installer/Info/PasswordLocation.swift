import YAML

/// The data stores `posthog-install info` describes.
public enum DataStore: String, CaseIterable, Hashable, Sendable {
    /// ClickHouse (events).
    case clickhouse = "ClickHouse"
    /// PostgreSQL (people, settings).
    case postgresql = "PostgreSQL"
    /// Redis (caches, queues).
    case redis = "Redis"
}

/// Where a bundled data store's password is kept, following the chart's own helpers
/// (`posthog.postgresql.secretName`, `posthog.redis.secretName`, `snippet.clickhouse-env`).
public enum PasswordLocation: Hashable, Sendable {
    /// In a Kubernetes Secret, under `key`.
    case secret(name: String, key: String)
    /// Only in values.yaml at `path`; the chart hands it to the pods directly.
    case values(path: [String])
    /// The store runs without a password.
    case none

    /// Where the chart keeps the password of `store` for a release installed with `values`.
    public static func of(_ store: DataStore, values: YAMLValue, release: String) -> PasswordLocation {
        func text(_ path: [String]) -> String? {
            guard let s = values.value(at: path)?.stringValue, !s.isEmpty else { return nil }
            return s
        }
        switch store {
        case .clickhouse:
            if let secret = text(["clickhouse", "existingSecret"]) {
                return .secret(name: secret, key: text(["clickhouse", "existingSecretPasswordKey"]) ?? "password")
            }
            return .values(path: ["clickhouse", "password"])
        case .postgresql:
            if let secret = text(["postgresql", "existingSecret"]) { return .secret(name: secret, key: "postgresql-password") }
            return .secret(name: fullname(values, "postgresql", release: release, defaultName: "posthog-postgresql"), key: "postgresql-password")
        case .redis:
            if let secret = text(["redis", "auth", "existingSecret"]) {
                return .secret(name: secret, key: text(["redis", "auth", "existingSecretPasswordKey"]) ?? "redis-password")
            }
            guard values.value(at: ["redis", "auth", "enabled"]) == .bool(true) else { return .none }
            return .secret(name: fullname(values, "redis", release: release, defaultName: "posthog-redis"), key: "redis-password")
        }
    }

    /// A command that prints the password (never run by posthog-install; shown to the person).
    public func printCommand(namespace: String, release: String) -> String? {
        switch self {
        case .secret(let name, let key):
            return "kubectl get secret \(name) -n \(namespace) -o go-template='{{index .data \"\(key)\" | base64decode}}'"
        case .values(let path) where path.first == "clickhouse":
            return "kubectl get deployment \(release)-web -n \(namespace) -o jsonpath='{.spec.template.spec.containers[0].env[?(@.name==\"CLICKHOUSE_PASSWORD\")].value}'"
        case .values, .none:
            return nil
        }
    }

    /// `RELEASE-NAMEOVERRIDE` (or `fullnameOverride`), cut to 63 characters as the chart does.
    static func fullname(_ values: YAMLValue, _ component: String, release: String, defaultName: String) -> String {
        if let full = values.value(at: [component, "fullnameOverride"])?.stringValue, !full.isEmpty { return trimmed(full) }
        let name = values.value(at: [component, "nameOverride"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? defaultName
        return trimmed("\(release)-\(name)")
    }

    private static func trimmed(_ name: String) -> String {
        var cut = String(name.prefix(63))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }
}
