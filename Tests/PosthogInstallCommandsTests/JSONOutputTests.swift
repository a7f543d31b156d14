import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
import YAML
@testable import PosthogInstallCommands

/// `status -o json` and `info -o json`: one parseable document with the documented fields,
/// no text around it, and no password unless `--show-secrets`.
@Suite struct JSONOutputTests {
    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func statusPrintsOneDocumentWithTheReleasePodsAndChecks() async throws {
        let installed = try await InstalledCluster.make()
        let lines = InstallCommandTests.Lines()
        let run = StatusRun(
            files: installed.files, connection: installed.connection, network: FixedNetworkProbes(address: nil),
            clock: installed.clock, emit: { lines.append($0) })
        let code = await run.execute(try StatusCommand.parse(["-o", "json"]).request)
        #expect(lines.all.count == 1, "only the JSON document: \(lines.text)")
        let json = try object(lines.text)
        #expect(json["exitCode"] as? Int == Int(code.rawValue))
        #expect(json["namespace"] as? String == "posthog")
        #expect(json["reachable"] as? Bool == true)
        let release = try #require(json["release"] as? [String: Any])
        #expect(release["status"] as? String == "deployed")
        #expect((release["chart"] as? String)?.hasPrefix("posthog-") == true)
        let pods = try #require(json["pods"] as? [[String: Any]])
        #expect(!pods.isEmpty)
        #expect(pods.allSatisfy { ["ready", "progressing", "failed"].contains($0["state"] as? String ?? "") })
        #expect((json["total"] as? Int ?? 0) > 0)
        let record = try #require(json["dnsRecord"] as? [String: Any])
        #expect(record["name"] as? String == "posthog.example.com")
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(checks.contains { $0["name"] as? String == "DNS" })
        #expect(json["url"] as? String == "https://posthog.example.com")
    }

    @Test func infoPrintsTheStoresWithoutPasswordsUnlessAsked() async throws {
        let installed = try await InstalledCluster.make()
        let values = try installed.files.readString("values.yaml")
        let clickhousePassword = try #require(
            try YAML.parse(values, file: "values.yaml").value(at: ["clickhouse", "password"])?.stringValue)

        let lines = InstallCommandTests.Lines()
        let run = InfoRun(
            files: installed.files, connection: installed.connection, signals: ManualSignalSource(), emit: { lines.append($0) })
        #expect(await run.execute(try InfoCommand.parse(["-o", "json"]).request) == .success)
        #expect(!lines.text.contains(clickhousePassword))
        let json = try object(lines.text)
        #expect(json["passwordsShown"] as? Bool == false)
        let stores = try #require(json["stores"] as? [[String: Any]])
        #expect(stores.map { $0["name"] as? String } == ["ClickHouse", "PostgreSQL", "Redis"])
        #expect(stores.allSatisfy { $0["password"] == nil })
        #expect(stores[1]["passwordLocation"] as? String == "secret")
        #expect(stores[1]["passwordSecret"] as? String == "posthog-posthog-postgresql")
        #expect(stores[0]["passwordValuesPath"] as? String == "clickhouse.password")

        let shown = InstallCommandTests.Lines()
        let showRun = InfoRun(
            files: installed.files, connection: installed.connection, signals: ManualSignalSource(), emit: { shown.append($0) })
        #expect(await showRun.execute(try InfoCommand.parse(["-o", "json", "--show-secrets"]).request) == .success)
        let revealed = try #require(try object(shown.text)["stores"] as? [[String: Any]])
        #expect(revealed[0]["password"] as? String == clickhousePassword)
    }

    @Test func jsonDoesNotCombineWithThePortForward() {
        #expect(throws: (any Error).self) { _ = try InfoCommand.parse(["-o", "json", "--port-forward"]) }
        #expect(throws: (any Error).self) { _ = try StatusCommand.parse(["-o", "yaml"]) }
    }

    @Test func reportsAreIndentedTwoSpacesWithSortedKeysAndNilFieldsLeftOut() {
        var report = StatusJSON(context: "kind-posthog", namespace: "posthog")
        report.pods = [StatusJSON.PodState(name: "posthog-web-1", state: "ready", message: "")]
        report.url = "https://posthog.example.com/?a=<b>&c"
        #expect(
            JSONText.encode(report) == """
                {
                  "checks": [],
                  "context": "kind-posthog",
                  "exitCode": 0,
                  "namespace": "posthog",
                  "pods": [
                    {
                      "message": "",
                      "name": "posthog-web-1",
                      "state": "ready"
                    }
                  ],
                  "problems": [],
                  "reachable": true,
                  "ready": 0,
                  "total": 0,
                  "url": "https://posthog.example.com/?a=<b>&c"
                }
                """)
    }
}
