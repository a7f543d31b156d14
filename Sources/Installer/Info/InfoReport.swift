import Kube
import YAML

/// What `posthog-install info -o json` prints, for scripts: the same facts as the text, with
/// passwords only when `--show-secrets` asked for them. Field names are documented in
/// docs/commands.md and stay stable.
public struct InfoReport: Encodable, Equatable, Sendable {
    /// The address PostHog answers on (from values.yaml), when known.
    public var url: String?
    /// The installed chart, e.g. `posthog-30.46.0`.
    public var chart: String?
    /// The installed PostHog version.
    public var appVersion: String?
    /// The namespace.
    public var namespace: String
    /// The Helm release name.
    public var release: String
    /// Whether `password` fields are filled in (`--show-secrets`).
    public var passwordsShown: Bool
    /// ClickHouse, PostgreSQL and Redis.
    public var stores: [Store]

    /// One data store.
    public struct Store: Encodable, Equatable, Sendable {
        /// `ClickHouse`, `PostgreSQL` or `Redis`.
        public var name: String
        /// True for the store the chart runs; false for an external one.
        public var bundled: Bool
        /// The external store's host, for an external store.
        public var externalHost: String?
        /// `SERVICE.NAMESPACE.svc.cluster.local:PORT`, when its service was found.
        public var address: String?
        /// The user name, when the store has one.
        public var user: String?
        /// The database name, when the store has one.
        public var database: String?
        /// `secret`, `values` or `none`: where the password is kept.
        public var passwordLocation: String
        /// The Secret holding the password (with `passwordLocation` `secret`).
        public var passwordSecret: String?
        /// The key in that Secret.
        public var passwordKey: String?
        /// The path in values.yaml holding the password (with `passwordLocation` `values`), e.g. `clickhouse.password`.
        public var passwordValuesPath: String?
        /// The password itself: only with `--show-secrets`.
        public var password: String?
        /// A `kubectl port-forward` reaching the store from this machine.
        public var portForward: String?
    }
}

extension ConnectionInfo {
    /// The report for `facts` (the JSON form of `text`).
    public static func report(_ facts: Facts) -> InfoReport {
        let stores = storeInputs(facts).map { input -> InfoReport.Store in
            var store = InfoReport.Store(name: input.store.rawValue, bundled: input.bundled, passwordLocation: "none")
            guard input.bundled else {
                store.externalHost = input.external
                store.passwordLocation = "external"
                return store
            }
            if let (service, port) = input.service {
                store.address = "\(service.metadata.name).\(facts.namespace).svc.cluster.local:\(port.port)"
                store.portForward = "kubectl port-forward -n \(facts.namespace) svc/\(service.metadata.name) \(port.port)"
            }
            store.user = input.user
            store.database = input.database
            switch PasswordLocation.of(input.store, values: facts.values, release: facts.release) {
            case .secret(let name, let key):
                store.passwordLocation = "secret"
                store.passwordSecret = name
                store.passwordKey = key
            case .values(let path):
                store.passwordLocation = "values"
                store.passwordValuesPath = ValuePath.join(path)
            case .none:
                store.passwordLocation = "none"
            }
            store.password = shownPassword(input, facts: facts)
            return store
        }
        return InfoReport(url: url(facts.values), chart: facts.chart, appVersion: facts.appVersion, namespace: facts.namespace,
                          release: facts.release, passwordsShown: facts.showSecrets, stores: stores)
    }
}
