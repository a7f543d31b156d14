import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install tls` after a DigitalOcean 1-click install, on the simulated cluster.
@Suite struct TLSCommandTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 50)
    let connection: ClusterConnection

    /// What the Marketplace install sets: nginx, no hostname, no certificates.
    static let oneClickValues = """
        cloud: do
        ingress:
          nginx:
            enabled: true
            redirectToTLS: false
        cert-manager:
          enabled: false
        web:
          secureCookies: false
        """

    init() throws {
        connection = try ClusterConnection.simulated(nodes: "2x4cpu8gi", cloud: "do", clock: clock, files: files)
    }

    func tls(_ arguments: [String], resolvesTo address: @escaping @Sendable (String) -> String? = { _ in nil }) async throws -> (ToolExitCode, String) {
        let command = try TLSCommand.parse(arguments + ["--simulate"])
        let lines = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { lines.append($0) })
        let ip = try await ingressIP()
        let run = TLSRun(files: files, profiles: InstallCommandTests.profiles, connection: connection,
                         network: FixedNetworkProbes(address: ip.flatMap(address)), clock: clock, report: { printer.print($0) })
        return (await run.execute(command.request), lines.text)
    }

    func ingressIP() async throws -> String? {
        guard let ingress = try? await connection.kubectl.ingress("posthog", namespace: "posthog") else { return nil }
        return ingress.loadBalancerIngress.first?.ip
    }
}

extension TLSCommandTests {
    /// Installs the chart as the Marketplace does and waits for the ingress to get its IP.
    func installedOneClick() async throws -> String {
        files.addFile("/marketplace/values.yaml", Self.oneClickValues)
        for argv in [["repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"],
                     ["install", "posthog", "posthog/posthog", "-n", "posthog", "--create-namespace", "--version", "30.46.0",
                      "-f", "/marketplace/values.yaml"]] {
            let result = try await connection.runner.run(ProcessCommand("helm", argv, timeout: .seconds(1200)))
            #expect(result.status.isSuccess, "\(result.standardError)")
        }
        for _ in 0..<200 {
            if let ip = try await ingressIP() { return ip }
            try await clock.sleep(for: .seconds(2))
        }
        throw CancellationError()
    }

    @Test func theHostnameIsRequired() async throws {
        let (code, out) = try await tls([])
        #expect(code == .badInput)
        #expect(out.contains("--hostname is required"))
    }

    @Test func withoutA1ClickReleaseItSaysWhatTheCommandIsFor() async throws {
        let (code, out) = try await tls(["--hostname", "posthog.example.com"])
        #expect(code == .failed)
        #expect(out.contains("this command is for PostHog installed from the DigitalOcean Marketplace"))
    }

    @Test func nothingChangesUntilTheRecordResolves() async throws {
        let ip = try await installedOneClick()
        let (code, out) = try await tls(["--hostname", "posthog.example.com", "--dns-wait", "0"])
        #expect(code == .failed)
        #expect(out.contains("Create an A record: posthog.example.com → \(ip)."), "\(out)")
        #expect(out.contains("Nothing was changed. Once the record resolves, run this again: posthog-install tls --hostname posthog.example.com"))
        #expect(!files.exists("values.yaml"))
    }

    @Test func withTheRecordInPlaceItWritesValuesAndUpgradesWithTLS() async throws {
        let ip = try await installedOneClick()
        let (code, out) = try await tls(["--hostname", "posthog.example.com", "--email", "ops@example.com"], resolvesTo: { $0 })
        #expect(code == .success, "\(out)")
        #expect(out.contains("✓ DNS: "))
        #expect(out.contains("Starting values.yaml from the values the 1-click install used (helm get values)."))
        #expect(out.contains("helm upgrade -f values.yaml --timeout 20m --namespace posthog posthog posthog/posthog --version 30.46.0"))
        let values = try files.readString("values.yaml")
        #expect(values.contains("hostname: posthog.example.com"))
        #expect(values.contains("email: ops@example.com"))
        #expect(!values.contains("secureCookies"), "the HTTP-only setting is removed")
        #expect(values.contains("redirectToTLS: true"))
        #expect(files.mode(of: "values.yaml") == 0o600)
        let releases = try await connection.helm.list(namespace: "posthog")
        #expect(releases.first?.revision == 2)
        #expect(releases.first?.chartVersion == "30.46.0", "same chart version: only TLS changes")
        _ = ip
    }
}
