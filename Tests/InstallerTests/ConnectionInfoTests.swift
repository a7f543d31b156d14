import Kube
import Testing
import YAML
@testable import Installer

/// `posthog-install info`: addresses from real service shapes, secrets only on request.
@Suite struct ConnectionInfoTests {
    static let services = try? KubeJSON.decodeList(Service.self, from: """
    {"apiVersion": "v1", "kind": "List", "items": [
      {"metadata": {"name": "clickhouse-posthog", "namespace": "posthog"},
       "spec": {"type": "ClusterIP", "ports": [{"name": "http", "port": 8123}, {"name": "tcp", "port": 9000}]}},
      {"metadata": {"name": "posthog-posthog-postgresql-headless", "namespace": "posthog"},
       "spec": {"type": "ClusterIP", "clusterIP": "None", "ports": [{"name": "tcp-postgresql", "port": 5432}]}},
      {"metadata": {"name": "posthog-posthog-postgresql", "namespace": "posthog"},
       "spec": {"type": "ClusterIP", "ports": [{"name": "tcp-postgresql", "port": 5432}]}},
      {"metadata": {"name": "posthog-posthog-redis-master", "namespace": "posthog"},
       "spec": {"type": "ClusterIP", "ports": [{"name": "tcp-redis", "port": 6379}]}}
    ]}
    """)

    static let values = try? YAML.parse("""
    ingress: {hostname: posthog.example.com}
    clickhouse: {password: chpass}
    postgresql: {postgresqlPassword: pgpass}
    redis: {auth: {enabled: true, password: rpass}}
    """, file: "values.yaml")

    func text(showSecrets: Bool, values: YAMLValue? = values) throws -> String {
        ConnectionInfo.text(.init(namespace: "posthog", services: try #require(Self.services), values: try #require(values),
                                  valuesPath: "values.yaml", chart: "posthog-30.46.0", appVersion: "1.43.0", showSecrets: showSecrets))
    }

    @Test func addressesUsersAndWhereThePasswordsAre() throws {
        let out = try text(showSecrets: false)
        #expect(out.hasPrefix("PostHog: https://posthog.example.com\nInstalled: chart posthog-30.46.0, PostHog 1.43.0\n\n"))
        #expect(out.contains("ClickHouse: clickhouse-posthog.posthog.svc.cluster.local:9000 (inside the cluster)\n  user: admin\n  database: posthog\n  password: in values.yaml at clickhouse.password\n"))
        #expect(out.contains("PostgreSQL: posthog-posthog-postgresql.posthog.svc.cluster.local:5432"), "the headless service is skipped")
        #expect(out.contains("Redis: posthog-posthog-redis-master.posthog.svc.cluster.local:6379"))
        #expect(out.contains("kubectl port-forward -n posthog svc/posthog-posthog-postgresql 5432"))
        for secret in ["chpass", "pgpass", "rpass"] { #expect(!out.contains(secret)) }
        #expect(out.hasSuffix("Passwords are not shown; add --show-secrets to print them.\n"))
    }

    @Test func secretsOnlyWhenAsked() throws {
        let out = try text(showSecrets: true)
        #expect(out.contains("  password: chpass\n") && out.contains("  password: pgpass\n") && out.contains("  password: rpass\n"))
        #expect(!out.contains("--show-secrets"))
    }

    @Test func externalStoresAreNamedAsSuch() throws {
        let values = try YAML.parse("postgresql: {enabled: false}\nexternalPostgresql: {postgresqlHost: db.example.com}\n", file: "v")
        let out = try text(showSecrets: false, values: values)
        #expect(out.contains("PostgreSQL: external, at db.example.com"))
    }

    @Test(arguments: [
        ("postgresql: {postgresqlPassword: x}", DataStore.postgresql, PasswordLocation.secret(name: "posthog-posthog-postgresql", key: "postgresql-password")),
        ("postgresql: {existingSecret: pg-creds}", .postgresql, .secret(name: "pg-creds", key: "postgresql-password")),
        ("postgresql: {fullnameOverride: db}", .postgresql, .secret(name: "db", key: "postgresql-password")),
        ("redis: {auth: {enabled: false}}", .redis, PasswordLocation.none),
        ("redis: {auth: {enabled: true}}", .redis, .secret(name: "posthog-posthog-redis", key: "redis-password")),
        ("redis: {auth: {existingSecret: r, existingSecretPasswordKey: pw}}", .redis, .secret(name: "r", key: "pw")),
        ("clickhouse: {password: x}", .clickhouse, .values(path: ["clickhouse", "password"])),
        ("clickhouse: {existingSecret: ch, existingSecretPasswordKey: pw}", .clickhouse, .secret(name: "ch", key: "pw")),
    ])
    func passwordLocationsFollowTheChart(values: String, store: DataStore, expected: PasswordLocation) throws {
        #expect(PasswordLocation.of(store, values: try YAML.parse(values, file: "v"), release: "posthog") == expected)
    }

    @Test func secretReadFailuresAreShownWithTheLocation() throws {
        var facts = ConnectionInfo.Facts(namespace: "posthog", services: try #require(Self.services),
                                         values: try YAML.parse("redis: {auth: {enabled: true}}", file: "v"),
                                         valuesPath: "values.yaml", showSecrets: true)
        facts.unreadable[.redis] = "Error from server (Forbidden): secrets is forbidden"
        let out = ConnectionInfo.text(facts)
        #expect(out.contains("  password: in Secret posthog-posthog-redis, key redis-password\n  print it: kubectl get secret posthog-posthog-redis -n posthog"))
        #expect(out.contains("  (could not read it: Error from server (Forbidden): secrets is forbidden)"))
    }
}
