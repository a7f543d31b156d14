import Testing
import YAML
@testable import Installer

/// Editing an existing values.yaml: what stays, what changes, what is kept and migrated.
@Suite struct ValuesGenerationTests {
    static let chart30 = (try? ProfileSet(id: "chart-30"))
    static let chart3 = (try? ProfileSet(id: "chart-3"))

    static func sheet(_ answers: [String: String], sections: Set<String> = []) -> AnswerSheet {
        AnswerSheet(answers: answers, enabledSections: sections)
    }

    static let doSmall = sheet(["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small", "email": "ops@example.com"])

    func generate(_ sheet: AnswerSheet, existing: String?, previous: AnswerSheet? = nil, secrets: CountingSecrets = CountingSecrets(),
                  profile: ProfileSet? = chart30) throws -> ValuesGeneration.Output {
        let profile = try #require(profile)
        return try ValuesGeneration.generate(.init(profile: profile, sheet: sheet, existing: existing, file: "values.yaml", previousSheet: previous),
                                             secrets: secrets)
    }

    @Test func aSecondRunKeepsThePasswordsAndChangesNothing() throws {
        let first = try generate(Self.doSmall, existing: nil)
        let secrets = CountingSecrets()
        let second = try generate(Self.doSmall, existing: first.text, secrets: secrets)
        #expect(second.unchanged)
        #expect(second.text == first.text)
        #expect(second.changes.isEmpty)
        #expect(secrets.handedOut.isEmpty)
        let values = try YAML.parse(first.text, file: "values.yaml")
        #expect(values["postgresql"]?["postgresqlPassword"] == .string("test0secret" + String(repeating: "x", count: 21)))
        #expect(values["redis"]?["auth"]?["enabled"] == .bool(true))
    }

    @Test func systemSecretsAreLongRandomAndDifferent() {
        let source = SystemSecretSource()
        let a = source.secret(length: 32), b = source.secret(length: 32)
        #expect(a.count == 32 && b.count == 32 && a != b)
        #expect(a.allSatisfy { SecretAlphabet.characters.contains($0) })
    }

    @Test func aPersonsFileKeepsItsCommentsOrderAndOwnKeys() throws {
        let mine = """
        # my PostHog settings
        cloud: do   # where we run

        # resources we tuned
        web:
          resources:
            requests:
              cpu: 500m
        postgresql:
          postgresqlPassword: "kept-from-before"   # do not change
        image:
          tag: release-1.43.0

        """
        let output = try generate(Self.doSmall, existing: mine)
        #expect(output.text.hasPrefix("# my PostHog settings\ncloud: do   # where we run\n\n# resources we tuned\nweb:\n  resources:\n    requests:\n      cpu: 500m\n"))
        #expect(output.text.contains("  postgresqlPassword: \"kept-from-before\"   # do not change\n"))
        #expect(output.text.contains("image:\n  tag: release-1.43.0\n"))
        let values = try YAML.parse(output.text, file: "values.yaml")
        #expect(values["ingress"]?["hostname"] == .string("posthog.example.com"))
        #expect(values["web"]?["secureCookies"] == .bool(true))
        #expect(values["web"]?["resources"]?["requests"]?["cpu"] == .string("500m"))
        #expect(!output.changes.contains { $0.path == ["postgresql", "postgresqlPassword"] })
        #expect(output.changes.contains { $0.kind == .added && $0.path == ["ingress", "hostname"] && $0.new == "posthog.example.com" })
        // New passwords are never shown in the summary.
        let redis = try #require(output.changes.first { $0.path == ["redis", "auth", "password"] })
        #expect(redis.new == "•••••• (secret)")
    }

    @Test func switchingCloudTakesOutWhatOnlyTheOldCloudNeeded() throws {
        let first = try generate(Self.doSmall, existing: nil)
        let gcp = Self.sheet(["cloud": "gcp", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])
        let output = try generate(gcp, existing: first.text, previous: Self.doSmall)
        let values = try YAML.parse(output.text, file: "values.yaml")
        #expect(values["cloud"] == .string("gcp"))
        #expect(values["ingress"]?["nginx"]?["enabled"] == .bool(false))
        #expect(values["ingress-nginx"] == nil, "the DigitalOcean load balancer annotations must go, parents included")
        #expect(values["cert-manager"]?["email"] == nil)
        #expect(output.changes.contains { $0.kind == .removed && $0.path.last == "use-proxy-protocol" })
        // The passwords survive the switch.
        let before = try YAML.parse(first.text, file: "values.yaml")
        #expect(values["postgresql"]?["postgresqlPassword"] == before["postgresql"]?["postgresqlPassword"])
    }

    @Test func aValueChangedByHandIsNotRemoved() throws {
        let first = try generate(Self.doSmall, existing: nil)
        let edited = first.text.replacingOccurrences(of: "use-proxy-protocol: \"true\"", with: "use-proxy-protocol: \"false\"")
        #expect(edited != first.text)
        let gcp = Self.sheet(["cloud": "gcp", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])
        let output = try generate(gcp, existing: edited, previous: Self.doSmall)
        #expect(output.text.contains("use-proxy-protocol: \"false\""))
        #expect(output.changes.contains { $0.kind == .kept && $0.path.last == "use-proxy-protocol" })
    }

    @Test func grownVolumesAreNeverShrunk() throws {
        let mine = "clickhouse:\n  persistence:\n    size: 500Gi\n"
        let output = try generate(Self.sheet(["cloud": "do", "hostname": "a.example.com", "tier": "large"]), existing: mine)
        #expect(output.text.contains("size: 500Gi"))
        let kept = try #require(output.changes.first { $0.kind == .kept })
        #expect(kept.path == ["clickhouse", "persistence", "size"])
        #expect(kept.line == "= clickhouse.persistence.size: 500Gi (larger than the tier's 200Gi; volumes cannot shrink)")
    }

    @Test func oldKeysAreMigratedWithANote() throws {
        let old = """
        cloud: do
        certManager:
          enabled: true
        clickhouseOperator:
          storage: 40Gi
        beat:
          replicacount: 1

        """
        let output = try generate(Self.doSmall, existing: old)
        let values = try YAML.parse(output.text, file: "values.yaml")
        #expect(values["certManager"] == nil && values["clickhouseOperator"] == nil && values["beat"] == nil)
        #expect(values["cert-manager"]?["enabled"] == .bool(true))
        #expect(values["clickhouse"]?["persistence"]?["size"] == .string("40Gi"))
        let notes = output.changes.filter { $0.kind == .migrated }.map(\.line)
        #expect(notes.contains { $0.hasPrefix("> certManager: moved to cert-manager (chart 4.0.0 renamed it).") })
        #expect(notes.contains { $0.hasPrefix("> beat: removed (chart 8.0.0 no longer has it).") })
    }

    @Test func malformedExistingFileIsAnErrorWithItsPosition() throws {
        let broken = "cloud: do\ningress:\n  hostname: [unclosed\n"
        #expect {
            _ = try generate(Self.doSmall, existing: broken)
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.file == "values.yaml" && error.line >= 3
        }
        #expect(throws: YAMLError.self) { _ = try generate(Self.doSmall, existing: "- a list\n- not values\n") }
    }

    @Test func optionalSectionsWriteTheirValuesOnlyWhenOn() throws {
        var sheet = Self.doSmall
        sheet.answers["smtp-host"] = "smtp.example.com"
        let off = try YAML.parse(try generate(sheet, existing: nil).text, file: "values.yaml")
        #expect(off["email"] == nil)
        sheet.enabledSections = ["email", "monitoring"]
        sheet.answers["smtp-from"] = "posthog@example.com"
        sheet.answers["smtp-security"] = "ssl"
        sheet.answers["smtp-port"] = "465"
        sheet.answers["pagerduty-key"] = "R0UTINGKEY"
        let on = try YAML.parse(try generate(sheet, existing: nil).text, file: "values.yaml")
        #expect(on["email"]?["host"] == .string("smtp.example.com"))
        #expect(on["email"]?["port"] == .int(465))
        #expect(on["email"]?["use_ssl"] == .bool(true) && on["email"]?["use_tls"] == .bool(false))
        #expect(on["prometheus"]?["enabled"] == .bool(true))
        let receivers = on["prometheus"]?["alertmanagerFiles"]?["alertmanager.yml"]?["receivers"]
        #expect(receivers == .sequence([.mapping(YAMLMapping([("name", .string("default-receiver")),
            ("pagerduty_configs", .sequence([.mapping(YAMLMapping([("routing_key", .string("R0UTINGKEY"))]))]))]))]))
    }
}
