import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// Answers DNS and TLS questions without the internet: the hostname resolves to `address`.
struct FixedNetworkProbes: NetworkProbes {
    var address: String?
    var tls = TLSHandshakeResult(connected: false, error: "connection refused")

    func lookups(_ hostname: String) async -> [DNSLookup] {
        ["system", "1.1.1.1"].map { resolver in
            address.map { DNSLookup(resolver: resolver, addresses: [$0]) } ?? DNSLookup(resolver: resolver, failure: .noSuchName)
        }
    }

    func handshake(_ hostname: String) async -> TLSHandshakeResult { tls }
}

/// `posthog-install status` against the simulated cluster, before and after an install.
@Suite struct StatusCommandTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 20)

    func connection(nodes: String = "2x2cpu4gi") throws -> ClusterConnection {
        try TestConnections.simulated(nodes: nodes, clock: clock, files: files)
    }

    func install(on connection: ClusterConnection) async throws {
        let command = try InstallCommand.parse(InstallCommandTests.answers + ["--simulate"])
        var run = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
                             connection: connection, clock: clock, emit: { _ in })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        #expect(await run.execute(command.request) == .success)
    }

    func status(_ connection: ClusterConnection, network: any NetworkProbes = FixedNetworkProbes(address: nil),
                watch: Bool = false) async -> (ToolExitCode, String) {
        let lines = InstallCommandTests.Lines()
        let run = StatusRun(files: files, connection: connection, network: network, clock: clock, emit: { lines.append($0) })
        let code = await run.execute(StatusRun.Request(watch: watch))
        return (code, lines.text)
    }

    @Test func withoutAReleaseItSaysHowToInstall() async throws {
        let (code, out) = await status(try connection())
        #expect(code == .failed)
        #expect(out.contains("No release \"posthog\" in namespace posthog (context posthog-simulated)."))
        #expect(out.contains("fix: install PostHog with `posthog-install install`"))
    }

    @Test func afterAnInstallItShowsPodsTheRecordAndTheDNSCheck() async throws {
        let cluster = try connection()
        try await install(on: cluster)
        let (code, out) = await status(cluster)
        #expect(code == .success, "\(out)")
        #expect(out.contains("Release posthog in namespace posthog (context posthog-simulated): deployed, chart posthog-"))
        #expect(out.range(of: #"Ready: (\d+) of \1 \(pods"#, options: .regularExpression) != nil)
        #expect(out.contains("  ✓ posthog-web-"))
        #expect(out.range(of: #"Create an A record: posthog\.example\.com → \d+\.\d+\.\d+\.\d+\."#, options: .regularExpression) != nil)
        #expect(out.contains("… DNS: ") || out.contains("✗ DNS: "), "the name does not resolve yet: \(out)")
        #expect(out.hasSuffix("PostHog: https://posthog.example.com"))
    }

    @Test func aRecordPointingAtTheLoadBalancerPassesTheDNSCheckAndRunsTheTLSCheck() async throws {
        let cluster = try connection()
        try await install(on: cluster)
        let first = await status(cluster)
        let ip = try #require(first.1.firstMatch(of: #/→ (\d+\.\d+\.\d+\.\d+)\./#).map { String($0.1) })
        let (_, out) = await status(cluster, network: FixedNetworkProbes(address: ip))
        #expect(out.contains("✓ DNS: "), "\(out)")
        #expect(out.contains("TLS: "), "the handshake is tried once DNS is right: \(out)")
    }

    @Test func anUnreachableClusterIsNamedWithItsContext() async throws {
        let runner = ScriptedRunner()
        runner.expect(matching: "kubectl config view", times: nil,
                      .exit(0, stdout: #"{"contexts":[{"name":"prod","context":{"cluster":"p"}}],"clusters":[{"name":"p","cluster":{"server":"https://127.0.0.1:6443"}}],"current-context":"prod"}"#),
                      where: { $0.arguments.contains("view") })
        runner.expect(matching: "helm version", times: nil, .exit(0, stdout: "v3.16.3+gcfd0749\n"),
                      where: { $0.executable == "helm" && $0.arguments.contains("version") })
        runner.expect(matching: "kubectl version", times: nil, .exit(1, stdout: #"{"clientVersion":{"gitVersion":"v1.32.0","major":"1","minor":"32"}}"#,
                                                           stderr: "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?"),
                      where: { $0.arguments.contains("version") })
        let connection = ClusterConnection.real(context: "prod", runner: runner)
        let (code, out) = await status(connection)
        #expect(code == .failed)
        #expect(out.contains("Error: cannot reach the cluster of kubectl context prod:"), "\(out)")
        #expect(out.contains("was refused"))
    }
}
