import Kube
import YAML

/// `posthog-install info`: how to reach the data stores PostHog runs on, from the services
/// the cluster reports and the values it was installed with. Secrets are only printed when
/// asked for; otherwise the text says where they are kept.
public enum ConnectionInfo {
    /// Everything the text is made from.
    public struct Facts: Sendable {
        /// The namespace PostHog runs in.
        public var namespace: String
        /// Services in that namespace.
        public var services: [Service]
        /// The values the release was installed with (values.yaml).
        public var values: YAMLValue
        /// Where values.yaml is, for "the password is in …".
        public var valuesPath: String
        /// Installed chart and app versions (`posthog-30.46.0`, `1.43.0`), when known.
        public var chart: String?
        /// The app version.
        public var appVersion: String?
        /// Whether to print passwords.
        public var showSecrets: Bool

        /// Creates the facts.
        public init(namespace: String, services: [Service], values: YAMLValue, valuesPath: String,
                    chart: String? = nil, appVersion: String? = nil, showSecrets: Bool = false) {
            self.namespace = namespace
            self.services = services
            self.values = values
            self.valuesPath = valuesPath
            self.chart = chart
            self.appVersion = appVersion
            self.showSecrets = showSecrets
        }
    }

    /// The lines to print.
    public static func text(_ facts: Facts) -> String {
        var lines: [String] = []
        let values = facts.values
        if let host = values.value(at: ["ingress", "hostname"])?.stringValue {
            let https = values.value(at: ["web", "secureCookies"]) != .bool(false)
            lines.append("PostHog: \(https ? "https" : "http")://\(host)")
        }
        if let chart = facts.chart { lines.append("Installed: chart \(chart)" + (facts.appVersion.map { ", PostHog \($0)" } ?? "")) }
        lines.append("")
        lines += store("ClickHouse", bundled: values.value(at: ["clickhouse", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "clickhouse", port: 9000),
                       external: values.value(at: ["externalClickhouse", "host"])?.stringValue,
                       user: values.value(at: ["clickhouse", "user"])?.stringValue ?? "admin",
                       passwordPath: ["clickhouse", "password"], database: values.value(at: ["clickhouse", "database"])?.stringValue ?? "posthog",
                       facts: facts)
        lines += store("PostgreSQL", bundled: values.value(at: ["postgresql", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "postgresql", port: 5432),
                       external: values.value(at: ["externalPostgresql", "postgresqlHost"])?.stringValue,
                       user: values.value(at: ["postgresql", "postgresqlUsername"])?.stringValue ?? "postgres",
                       passwordPath: ["postgresql", "postgresqlPassword"],
                       database: values.value(at: ["postgresql", "postgresqlDatabase"])?.stringValue ?? "posthog", facts: facts)
        lines += store("Redis", bundled: values.value(at: ["redis", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "redis-master", port: 6379) ?? find(facts.services, containing: "redis", port: 6379),
                       external: values.value(at: ["externalRedis", "host"])?.stringValue,
                       user: nil, passwordPath: ["redis", "auth", "password"], database: nil, facts: facts)
        if !facts.showSecrets {
            lines.append("Passwords are not shown; add --show-secrets to print them.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func store(_ name: String, bundled: Bool, service: (Service, ServicePort)?, external: String?, user: String?,
                              passwordPath: [String], database: String?, facts: Facts) -> [String] {
        guard bundled else {
            return ["\(name): external, at \(external ?? "(no host in values.yaml)") — see your provider for its details.", ""]
        }
        guard let (svc, port) = service else {
            return ["\(name): bundled, but no service for it was found in namespace \(facts.namespace) (still installing?).", ""]
        }
        let address = "\(svc.metadata.name).\(facts.namespace).svc.cluster.local:\(port.port)"
        var lines = ["\(name): \(address) (inside the cluster)"]
        if let user { lines.append("  user: \(user)") }
        if let database { lines.append("  database: \(database)") }
        let stored = facts.values.value(at: passwordPath)?.stringValue
        if let stored, !stored.isEmpty {
            lines.append(facts.showSecrets ? "  password: \(stored)" : "  password: in \(facts.valuesPath) at \(ValuePath.join(passwordPath))")
        } else {
            lines.append("  password: set by the chart; see the secrets in namespace \(facts.namespace) (kubectl get secrets -n \(facts.namespace))")
        }
        lines.append("  from your machine: kubectl port-forward -n \(facts.namespace) svc/\(svc.metadata.name) \(port.port)")
        lines.append("")
        return lines
    }

    /// The first non-headless service whose name contains `fragment` and that exposes `port`.
    static func find(_ services: [Service], containing fragment: String, port: Int) -> (Service, ServicePort)? {
        for service in services.sorted(by: { $0.metadata.name < $1.metadata.name })
        where service.metadata.name.contains(fragment) && !service.metadata.name.hasSuffix("-headless") {
            if let match = service.ports.first(where: { $0.port == port }) { return (service, match) }
        }
        return nil
    }
}
