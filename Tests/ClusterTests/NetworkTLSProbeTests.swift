import Foundation
import Glibc
import Installer
import PosthogTestSupport
import Testing
@testable import Cluster

@Suite struct NetworkTLSProbeTests {
    @Test func readsTheFieldsOfIngressNginxsFakeCertificate() throws {
        let fake = try TestCertificates.ingressNginxFake()
        let fields = try #require(CertificateFields(pem: fake.certificatePEM))
        #expect(fields.subjectCommonName == "Kubernetes Ingress Controller Fake Certificate")
        #expect(fields.issuerCommonName == "Kubernetes Ingress Controller Fake Certificate")
        #expect(fields.issuerOrganization == "Acme Co")
        #expect(fields.subjectAltNames == ["ingress.local"])
        let start = try #require(fields.notBefore), end = try #require(fields.notAfter)
        #expect(abs(start.timeIntervalSinceNow + 3600) < 120)
        #expect(abs(end.timeIntervalSince(start) - 365 * 86_400) < 2)
        #expect(CertificateFields(pem: "not a certificate") == nil)
    }

    @Test func readsNamesAndIssuerOfASignedCertificate() throws {
        let authority = try TestCertificates.issue(.init(subjectCommonName: "R3", subjectOrganization: "Let's Encrypt", isAuthority: true))
        let leaf = try TestCertificates.issue(.init(subjectCommonName: "posthog.example.com",
                                                    dnsNames: ["posthog.example.com", "*.posthog.example.com"]), issuer: authority)
        let fields = try #require(CertificateFields(pem: leaf.certificatePEM))
        #expect(fields.subjectCommonName == "posthog.example.com")
        #expect(fields.subjectAltNames == ["posthog.example.com", "*.posthog.example.com"])
        #expect(fields.issuerCommonName == "R3")
        #expect(fields.issuerOrganization == "Let's Encrypt")
    }

    @Test func handshakeWithTheFakeCertificateSendsSNIAndReportsIt() async throws {
        let fake = try TestCertificates.ingressNginxFake()
        let server = try NetworkTestServers.TLSServer(certificatePEM: fake.certificatePEM, keyPEM: fake.keyPEM)
        let result = await OpenSSLTLSProbe().handshake(host: "127.0.0.1", port: server.port, serverName: "posthog.example.com", timeout: .seconds(5))
        #expect(result.connected)
        #expect(result.error == nil)
        #expect(result.subjectCommonName == "Kubernetes Ingress Controller Fake Certificate")
        #expect(result.chainVerified == false)
        #expect(result.verificationError?.contains("self") == true)
        #expect(await server.receivedServerName() == "posthog.example.com")
        #expect(TLSCheck.evaluate(hostname: "posthog.example.com", result: result, now: Date()) == .fakeCertificate)
    }

    @Test func aChainToATrustedAuthorityVerifies() async throws {
        let authority = try TestCertificates.issue(.init(subjectCommonName: "Test Root", subjectOrganization: "posthog-install tests", isAuthority: true))
        let leaf = try TestCertificates.issue(.init(subjectCommonName: "posthog.example.com", dnsNames: ["posthog.example.com"]), issuer: authority)
        let directory = try TemporaryDirectory(prefix: "tls-probe")
        defer { directory.remove() }
        let rootFile = directory.appending("root.pem")
        try authority.certificatePEM.write(toFile: rootFile, atomically: true, encoding: .utf8)

        let trusted = try NetworkTestServers.TLSServer(certificatePEM: leaf.certificatePEM, keyPEM: leaf.keyPEM)
        let result = await OpenSSLTLSProbe(trustedCertificatesFile: rootFile)
            .handshake(host: "127.0.0.1", port: trusted.port, serverName: "posthog.example.com", timeout: .seconds(5))
        #expect(result.connected)
        #expect(result.chainVerified, "verification error: \(result.verificationError ?? "none")")
        #expect(result.verificationError == nil)
        #expect(result.subjectAltNames == ["posthog.example.com"])
        #expect(result.issuerCommonName == "Test Root")
        guard case .valid(let days) = TLSCheck.evaluate(hostname: "posthog.example.com", result: result, now: Date()) else {
            Issue.record("expected a valid verdict"); return
        }
        #expect(days == 89)

        // The same server without the authority in the trust store: connected, but not trusted.
        let untrusted = try NetworkTestServers.TLSServer(certificatePEM: leaf.certificatePEM, keyPEM: leaf.keyPEM)
        let plain = await OpenSSLTLSProbe(trustedCertificatesFile: directory.appending("missing.pem"))
            .handshake(host: "127.0.0.1", port: untrusted.port, serverName: "posthog.example.com", timeout: .seconds(5))
        #expect(plain.connected)
        #expect(plain.error?.contains("missing.pem") == true)
    }

    @Test func anUnknownAuthorityIsReportedWithTheVerifierText() async throws {
        let authority = try TestCertificates.issue(.init(subjectCommonName: "Private Root", isAuthority: true))
        let leaf = try TestCertificates.issue(.init(subjectCommonName: "posthog.example.com", dnsNames: ["posthog.example.com"]), issuer: authority)
        let other = try TestCertificates.issue(.init(subjectCommonName: "Another Root", isAuthority: true))
        let directory = try TemporaryDirectory(prefix: "tls-probe")
        defer { directory.remove() }
        try other.certificatePEM.write(toFile: directory.appending("other.pem"), atomically: true, encoding: .utf8)
        let server = try NetworkTestServers.TLSServer(certificatePEM: leaf.certificatePEM, keyPEM: leaf.keyPEM)
        let result = await OpenSSLTLSProbe(trustedCertificatesFile: directory.appending("other.pem"))
            .handshake(host: "127.0.0.1", port: server.port, serverName: "posthog.example.com", timeout: .seconds(5))
        #expect(result.connected)
        #expect(!result.chainVerified)
        #expect(result.verificationError == "unable to get local issuer certificate")
        #expect(TLSCheck.evaluate(hostname: "posthog.example.com", result: result, now: Date())
                == .untrusted("unable to get local issuer certificate"))
    }

    @Test func aClosedPortFailsQuicklyWithoutConnecting() async throws {
        let port = try NetworkTestServers.closedPort()
        let result = await OpenSSLTLSProbe().handshake(host: "127.0.0.1", port: port, serverName: "posthog.example.com", timeout: .seconds(3))
        // The refusal (not the deadline) ends it: the error says so rather than "did not finish within".
        #expect(!result.connected)
        #expect(result.error?.contains("Connection refused") == true)
        #expect(TLSCheck.evaluate(hostname: "posthog.example.com", result: result, now: Date()) == .notYetIssued(result.error ?? ""))
    }

    @Test func aServerThatNeverSpeaksTLSTimesOut() async throws {
        let (fd, port) = try NetworkTestServers.silentListener()
        defer { close(fd) }
        let clock = ContinuousClock(), started = clock.now
        let result = await OpenSSLTLSProbe().handshake(host: "127.0.0.1", port: port, serverName: "posthog.example.com", timeout: .milliseconds(600))
        let took = clock.now - started
        #expect(took >= .milliseconds(550))
        // Without the deadline this would wait for ever; the upper bound only has to be far
        // from that and survive a machine busy with the rest of the suite.
        #expect(took < .seconds(20))
        #expect(result.connected)
        #expect(result.error == "the TLS handshake with 127.0.0.1:\(port) did not finish within 0.6 s")
    }

    @Test func anUnroutableAddressReturnsWithinTheTimeout() async {
        // 10.255.255.1 is private and normally routes nowhere: connect either hangs (timeout) or fails
        // at once. Networks with an intercepting proxy answer anything, so only the time is certain.
        let clock = ContinuousClock(), started = clock.now
        let result = await OpenSSLTLSProbe().handshake(host: "10.255.255.1", port: 9, serverName: "posthog.example.com", timeout: .milliseconds(700))
        #expect(clock.now - started < .seconds(20), "returns instead of waiting for the kernel's connect timeout (minutes)")
        if !result.connected { #expect(result.error != nil) }
    }
}
