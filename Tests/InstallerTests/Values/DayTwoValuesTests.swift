import Testing
import YAML
@testable import Installer

/// Growing volumes in values.yaml and reviewing email settings, before anything reaches a cluster.
@Suite struct DayTwoValuesTests {
    static let chart30 = try? ProfileSet(id: "chart-30")
    static let chart3 = try? ProfileSet(id: "chart-3")
    static let file = "# ours\nclickhouse:\n  persistence:\n    size: 20Gi   # grown later\npostgresql:\n  postgresqlPassword: x\n"

    @Test func growingWritesInPlaceAndKeepsComments() throws {
        let profile = try #require(Self.chart30)
        let (text, changes) = try VolumeResize.apply([("clickhouse", "200Gi"), ("kafka", "60Gi")], to: Self.file, file: "values.yaml", profile: profile)
        #expect(text.hasPrefix("# ours\nclickhouse:\n  persistence:\n    size: 200Gi   # grown later\n"))
        #expect(try YAML.parse(text, file: "v")["kafka"]?["persistence"]?["size"] == .string("60Gi"))
        #expect(changes == [.init(component: "clickhouse", path: ["clickhouse", "persistence", "size"], from: "20Gi", to: "200Gi"),
                            .init(component: "kafka", path: ["kafka", "persistence", "size"], from: nil, to: "60Gi")])
    }

    @Test func chart3GrowsTheOperatorsStorageKey() throws {
        let profile = try #require(Self.chart3)
        let (text, _) = try VolumeResize.apply([("clickhouse", "1Ti")], to: "cloud: do\n", file: "values.yaml", profile: profile)
        #expect(text == "cloud: do\nclickhouseOperator:\n  storage: 1Ti\n")
    }

    @Test(arguments: [
        ("clickhouse", "10Gi", "--clickhouse 10Gi is smaller than the current 20Gi. Kubernetes volumes can only grow"),
        ("clickhouse", "200", "--clickhouse 200: \"200\" has no unit, so it would mean 200 bytes"),
        ("clickhouse", "200GB", "--clickhouse 200GB: Kubernetes writes \"200GB\" as 200G"),
        ("clickhouse", "lots", "--clickhouse lots: \"lots\" is not a size"),
        ("clickhose", "200Gi", "\"clickhose\" is not a volume posthog-install can grow; use clickhouse, postgresql, kafka, redis. Did you mean clickhouse?"),
        ("zookeeper", "5Gi", "\"zookeeper\" is not a volume posthog-install can grow"),
    ])
    func refusedRequestsChangeNothing(_ component: String, _ size: String, _ message: String) throws {
        let profile = try #require(Self.chart30)
        #expect {
            _ = try VolumeResize.apply([("kafka", "60Gi"), (component, size)], to: Self.file, file: "values.yaml", profile: profile)
        } throws: { error in
            guard let problem = error as? VolumeResize.Problem else { return false }
            return problem.description.hasPrefix(message)
        }
    }

    @Test func theSameSizeIsNoChange() throws {
        let profile = try #require(Self.chart30)
        let (text, changes) = try VolumeResize.apply([("clickhouse", "20Gi")], to: Self.file, file: "values.yaml", profile: profile)
        #expect(text == Self.file && changes.isEmpty)
    }

    func review(_ email: String) throws -> (summary: [String], findings: [String]) {
        let result = EmailSettingsCheck.review(try YAML.parse(email, file: "values.yaml"))
        return (result.summary, result.findings.map(\.description))
    }

    @Test func emailSettingsAreSummarisedAndChecked() throws {
        let none = try review("cloud: do\n")
        #expect(none.summary == ["Email: not configured. Invitations and password resets will not be sent."] && none.findings.isEmpty)
        let good = try review("email:\n  host: smtp.example.com\n  port: 587\n  user: me\n  password: pw\n  use_tls: true\n  use_ssl: false\n  from_email: ph@example.com\n")
        #expect(good.summary == ["Email: via smtp.example.com:587 with STARTTLS as me, from ph@example.com.", "Email settings look consistent."])
        #expect(good.findings.isEmpty)
        let bad = try review("email:\n  host: smtp.example.com\n  port: 465\n  user: me\n  use_tls: true\n  use_ssl: false\n")
        #expect(bad.findings == [
            "warning: email.password: a user name is set but no password; most mail servers will refuse to send.",
            "warning: email.port: port 465 expects SSL from the first byte; turn on SSL (--smtp-security ssl) or use port 587 with STARTTLS.",
            "warning: email.from_email: no sender address; many servers reject mail without one matching your domain.",
        ])
    }
}
