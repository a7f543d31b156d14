import Cluster
import Effects
import Foundation
import Installer
import Kube
import Testing
import TUI
@testable import PosthogInstallCommands

/// The post-install checks over fixed resolver answers and handshakes, and the cluster choice.
@Suite struct WizardPostInstallChecksTests {
    struct FixedResolver: DNSResolver {
        let name: String
        let addresses: [String]
        func lookup(_ hostname: String, timeout: Duration) async -> DNSLookup {
            addresses.isEmpty ? DNSLookup(resolver: name, failure: .noSuchName) : DNSLookup(resolver: name, addresses: addresses)
        }
    }

    struct FixedProbe: TLSProbe {
        let result: TLSHandshakeResult
        func handshake(host: String, port: UInt16, serverName: String?, timeout: Duration) async -> TLSHandshakeResult { result }
    }

    static let record = DNSRecord(type: "A", name: "posthog.example.com", value: "203.0.113.10")
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func aRecordInPlaceAndAValidCertificatePass() async {
        let certificate = TLSHandshakeResult(connected: true, subjectAltNames: ["posthog.example.com"], issuerCommonName: "R11",
                                             issuerOrganization: "Let's Encrypt", notBefore: Self.now - 86_400,
                                             notAfter: Self.now + 80 * 86_400, chainVerified: true)
        let checks = WizardPostInstallChecks(resolvers: [FixedResolver(name: "1.1.1.1", addresses: ["203.0.113.10"])],
                                             probe: FixedProbe(result: certificate))
        let result = await checks.run(record: Self.record, https: true, cloud: .do, simulated: false, now: { Self.now })
        #expect(result.map(\.status) == [.ok, .ok])
        #expect(result[0].text == "DNS: posthog.example.com points at 203.0.113.10.")
        #expect(result[1].text.hasPrefix("HTTPS: https://posthog.example.com has a valid certificate"))
    }

    @Test func aMissingRecordWaitsAndThePlaceholderCertificateIsExplained() async {
        let placeholder = TLSHandshakeResult(connected: true, subjectCommonName: "Kubernetes Ingress Controller Fake Certificate",
                                             issuerCommonName: "Kubernetes Ingress Controller Fake Certificate", notAfter: Self.now + 86_400)
        let checks = WizardPostInstallChecks(resolvers: [FixedResolver(name: "system", addresses: [])], probe: FixedProbe(result: placeholder))
        let result = await checks.run(record: Self.record, https: true, cloud: .do, simulated: false, now: { Self.now })
        #expect(result.map(\.status) == [.pending, .pending])
        #expect(result[0].fix?.contains("Create an A record: posthog.example.com → 203.0.113.10") == true)
        #expect(result[1].text.contains("Fake Certificate"))
    }

    @Test func httpOnlyAndTheSimulatedClusterSaySo() async {
        let checks = WizardPostInstallChecks(resolvers: [FixedResolver(name: "system", addresses: [])],
                                             probe: FixedProbe(result: TLSHandshakeResult(connected: false)))
        let http = await checks.run(record: Self.record, https: false, cloud: .aws, simulated: false)
        #expect(http.last?.status == .warning && http.last?.text.contains("HTTP-only") == true)
        let simulated = await checks.run(record: Self.record, https: true, cloud: .do, simulated: true)
        #expect(simulated.first?.text.contains("example address") == true)
        #expect(simulated.last?.text == "HTTPS: not checked for the simulated cluster's example address.")
    }

    @Test func withoutKubectlTheSimulatedClusterIsChosen() async throws {
        let choice = await WizardClusterProbe(runner: ScriptedRunnerStandIn(), path: "/nonexistent").choose()
        #expect(choice.info.simulated && choice.info.context == "posthog-simulated")
        #expect(choice.info.reason?.contains("kubectl is not on your PATH") == true)
        #expect(choice.info.detail == "2 nodes × 2 vCPU, 4 GiB memory")
        let forced = try WizardClusterProbe.simulated(nodes: "1x4cpu8gi,2x2cpu3gi", reason: "Chosen with --simulate.")
        #expect(forced.info.detail == "1 node × 4 vCPU, 8 GiB memory + 2 nodes × 2 vCPU, 3 GiB memory")
        #expect(throws: (any Error).self) { try WizardClusterProbe.simulated(nodes: "lots", reason: "") }
    }

    /// Never asked: without kubectl on PATH nothing runs.
    struct ScriptedRunnerStandIn: ProcessRunner {
        func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
            Issue.record("nothing should run: \(command.argv)")
            return ProcessResult(argv: command.argv, status: .exited(1))
        }
    }
}
