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
        /// The Helm release name (secret and deployment names start with it).
        public var release: String
        /// Passwords read from the cluster's Secrets (only with `showSecrets`).
        public var revealed: [DataStore: String]
        /// Why a Secret could not be read, per store (only with `showSecrets`).
        public var unreadable: [DataStore: String]

        /// Creates the facts.
        public init(namespace: String, services: [Service], values: YAMLValue, valuesPath: String,
                    chart: String? = nil, appVersion: String? = nil, showSecrets: Bool = false, release: String = "posthog",
                    revealed: [DataStore: String] = [:], unreadable: [DataStore: String] = [:]) {
            self.namespace = namespace
            self.services = services
            self.values = values
            self.valuesPath = valuesPath
            self.chart = chart
            self.appVersion = appVersion
            self.showSecrets = showSecrets
            self.release = release
            self.revealed = revealed
            self.unreadable = unreadable
        }
    }

    /// The lines to print.
    public static func text(_ facts: Facts) -> String {
        var lines: [String] = []
        let values = facts.values
        if let url = url(values) { lines.append("PostHog: \(url)") }
        if let chart = facts.chart { lines.append("Installed: chart \(chart)" + (facts.appVersion.map { ", PostHog \($0)" } ?? "")) }
        lines.append("")
        for input in storeInputs(facts) {
            lines += store(input.store, bundled: input.bundled, service: input.service, external: input.external, user: input.user,
                           storedAt: input.storedAt, database: input.database, facts: facts)
        }
        if !facts.showSecrets {
            lines.append("Passwords are not shown; add --show-secrets to print them.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the values and services say about one data store.
    struct StoreInput {
        var store: DataStore
        var bundled: Bool
        var service: (Service, ServicePort)?
        var external: String?
        var user: String?
        var storedAt: [String]
        var database: String?
    }

    static func storeInputs(_ facts: Facts) -> [StoreInput] {
        let values = facts.values
        return [
            StoreInput(store: .clickhouse, bundled: values.value(at: ["clickhouse", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "clickhouse", port: 9000),
                       external: values.value(at: ["externalClickhouse", "host"])?.stringValue,
                       user: values.value(at: ["clickhouse", "user"])?.stringValue ?? "admin",
                       storedAt: ["clickhouse", "password"], database: values.value(at: ["clickhouse", "database"])?.stringValue ?? "posthog"),
            StoreInput(store: .postgresql, bundled: values.value(at: ["postgresql", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "postgresql", port: 5432),
                       external: values.value(at: ["externalPostgresql", "postgresqlHost"])?.stringValue,
                       user: values.value(at: ["postgresql", "postgresqlUsername"])?.stringValue ?? "postgres",
                       storedAt: ["postgresql", "postgresqlPassword"],
                       database: values.value(at: ["postgresql", "postgresqlDatabase"])?.stringValue ?? "posthog"),
            StoreInput(store: .redis, bundled: values.value(at: ["redis", "enabled"]) != .bool(false),
                       service: find(facts.services, containing: "redis-master", port: 6379) ?? find(facts.services, containing: "redis", port: 6379),
                       external: values.value(at: ["externalRedis", "host"])?.stringValue,
                       user: nil, storedAt: ["redis", "auth", "password"], database: nil),
        ]
    }

    /// The URL PostHog answers on, from values.yaml's hostname.
    static func url(_ values: YAMLValue) -> String? {
        guard let host = values.value(at: ["ingress", "hostname"])?.stringValue else { return nil }
        let https = values.value(at: ["web", "secureCookies"]) != .bool(false)
        return "\(https ? "https" : "http")://\(host)"
    }

    /// The password shown for a store: only with `showSecrets`, from its Secret or values.yaml.
    static func shownPassword(_ input: StoreInput, facts: Facts) -> String? {
        guard facts.showSecrets else { return nil }
        if let password = facts.revealed[input.store] { return password }
        let location = PasswordLocation.of(input.store, values: facts.values, release: facts.release)
        let saved = facts.values.value(at: input.storedAt)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let saved, facts.unreadable[input.store] == nil || location == .values(path: input.storedAt) { return saved }
        return nil
    }

    private static func store(_ store: DataStore, bundled: Bool, service: (Service, ServicePort)?, external: String?, user: String?,
                              storedAt: [String], database: String?, facts: Facts) -> [String] {
        let name = store.rawValue
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
        lines += passwordLines(store, storedAt: storedAt, facts: facts)
        lines.append("  from your machine: kubectl port-forward -n \(facts.namespace) svc/\(svc.metadata.name) \(port.port)")
        lines.append("")
        return lines
    }

    private static func passwordLines(_ store: DataStore, storedAt: [String], facts: Facts) -> [String] {
        let location = PasswordLocation.of(store, values: facts.values, release: facts.release)
        let saved = facts.values.value(at: storedAt)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if facts.showSecrets {
            if let password = facts.revealed[store] { return ["  password: \(password)"] }
            if let saved, facts.unreadable[store] == nil || location == .values(path: storedAt) { return ["  password: \(saved)"] }
        }
        var lines: [String] = []
        switch location {
        case .none:
            return ["  password: none (Redis runs without a password inside the cluster)"]
        case .secret(let secret, let key):
            let copy = saved.map { _ in " (also saved in \(facts.valuesPath) at \(ValuePath.join(storedAt)))" } ?? ""
            lines.append("  password: in Secret \(secret), key \(key)\(copy)")
        case .values(let path):
            lines.append("  password: in \(facts.valuesPath) at \(ValuePath.join(path))")
        }
        if let command = location.printCommand(namespace: facts.namespace, release: facts.release) {
            lines.append("  print it: \(command)")
        }
        if let problem = facts.unreadable[store] { lines.append("  (could not read it: \(problem))") }
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
