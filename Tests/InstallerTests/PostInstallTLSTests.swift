import Foundation
import Kube
import Testing
@testable import Installer

@Suite struct PostInstallTLSTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static func days(_ n: Double) -> Date { now.addingTimeInterval(n * 86_400) }

    static func leCert(names: [String] = ["posthog.example.com"], from: Double = -10, to: Double = 80,
                       issuer: String = "R11", org: String = "Let's Encrypt", verified: Bool = true) -> TLSHandshakeResult {
        TLSHandshakeResult(connected: true, subjectCommonName: names.first, subjectAltNames: names, issuerCommonName: issuer,
                           issuerOrganization: org, notBefore: days(from), notAfter: days(to), chainVerified: verified)
    }

    @Test(arguments: [
        (leCert(), TLSVerdict.valid(daysLeft: 80)),
        (leCert(names: ["*.example.com"]), .valid(daysLeft: 80)),
        (leCert(names: ["*.other.com", "posthog.example.org"]), .wrongName(names: ["*.other.com", "posthog.example.org"])),
        (leCert(to: 12.5), .expiring(daysLeft: 12)),
        (leCert(from: -100, to: -1), .expired),
        (leCert(from: 1, to: 90), .notYetValid),
        (leCert(issuer: "(STAGING) Ersatz Edamame E1", org: "(STAGING) Let's Encrypt", verified: false), .stagingCertificate),
        (leCert(issuer: "self", org: "me", verified: false), .untrusted("the chain does not lead to a trusted authority")),
        (TLSHandshakeResult(connected: true, subjectCommonName: "Kubernetes Ingress Controller Fake Certificate",
                            subjectAltNames: ["ingress.local"], issuerCommonName: "Kubernetes Ingress Controller Fake Certificate",
                            issuerOrganization: "Acme Co", notBefore: days(-1), notAfter: days(365)), .fakeCertificate),
        (TLSHandshakeResult(connected: false, error: "connection refused"), .notYetIssued("connection refused")),
        (TLSHandshakeResult(connected: true, error: "sslv3 alert handshake failure"), .notYetIssued("sslv3 alert handshake failure")),
        (TLSHandshakeResult(connected: true), .notYetIssued("no certificate was presented")),
    ])
    func verdicts(result: TLSHandshakeResult, verdict: TLSVerdict) {
        #expect(TLSCheck.evaluate(hostname: "posthog.example.com", result: result, now: Self.now) == verdict)
    }

    @Test(arguments: [
        ("posthog.example.com", "POSTHOG.example.com.", true),
        ("*.example.com", "posthog.example.com", true),
        ("*.example.com", "a.b.example.com", false),
        ("*.example.com", "example.com", false),
        ("example.com", "posthog.example.com", false),
    ])
    func names(pattern: String, host: String, matches: Bool) {
        #expect(TLSCheck.nameMatches(pattern, host) == matches)
    }

    @Test func findingsDependOnTheCloud() {
        let gcp = TLSCheck.finding(.notYetIssued("connection refused"), hostname: "h.example.com", cloud: .gcp)
        #expect(gcp.status == .waiting)
        #expect(gcp.fix.contains("15–60 minutes"))
        let nginx = TLSCheck.finding(.notYetIssued("connection refused"), hostname: "h.example.com", cloud: .do)
        #expect(nginx.status == .problem)
        let fake = TLSCheck.finding(.fakeCertificate, hostname: "h.example.com", cloud: .aws)
        #expect(fake.status == .waiting)
        #expect(fake.message.contains("Kubernetes Ingress Controller Fake Certificate"))
        #expect(TLSCheck.finding(.valid(daysLeft: 80), hostname: "h.example.com", cloud: .aws).status == .ok)
        #expect(TLSCheck.finding(.wrongName(names: []), hostname: "h.example.com", cloud: .aws).message.contains("for no names"))
    }

    @Test func certManagerTable() throws {
        let now = Self.now
        #expect(CertificateProgress.certManager(nil, now: now).status == .waiting)
        let ready = CertManagerCertificate(name: "posthog-tls", conditions: [Condition(type: "Ready", status: "True")], notAfter: Self.days(80))
        #expect(CertificateProgress.certManager(ready, now: now).status == .ok)
        let issuing = CertManagerCertificate(name: "posthog-tls", dnsNames: ["posthog.example.com"], conditions: [
            Condition(type: "Ready", status: "False", reason: "DoesNotExist", message: "Issuing certificate as Secret does not exist",
                      lastTransitionTime: now.addingTimeInterval(-120)),
        ])
        let waiting = CertificateProgress.certManager(issuing, now: now)
        #expect(waiting.status == .waiting)
        #expect(waiting.fix.contains("1–5 minutes"))
        #expect(waiting.fix.contains("kubectl get challenges -n posthog"))
        var stuck = issuing
        stuck.conditions[0].lastTransitionTime = now.addingTimeInterval(-45 * 60)
        let late = CertificateProgress.certManager(stuck, now: now)
        #expect(late.status == .problem)
        #expect(late.message.contains("45 minutes"))
        #expect(late.fix.contains("posthog.example.com"))
        let limited = CertManagerCertificate(name: "c", conditions: [
            Condition(type: "Ready", status: "False", reason: "Failed", message: "429 urn:ietf:params:acme:error:rateLimited: too many certificates already issued"),
        ])
        #expect(CertificateProgress.certManager(limited, now: now).message.contains("rate limit"))
        let failed = CertManagerCertificate(name: "c", conditions: [Condition(type: "Ready", status: "False", reason: "Failed", message: "x")])
        #expect(CertificateProgress.certManager(failed, now: now).fix.contains("port 80"))
    }

    @Test func certManagerFromKubectlJSON() throws {
        let json = """
        {"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"posthog-tls"},
         "spec":{"dnsNames":["posthog.example.com"],"secretName":"posthog-tls"},
         "status":{"conditions":[{"type":"Ready","status":"True","reason":"Ready","lastTransitionTime":"2025-06-15T10:00:00Z"}],
                   "notAfter":"2025-09-13T10:00:00Z"}}
        """
        let c = try CertManagerCertificate.decode(json: json)
        #expect(c.name == "posthog-tls")
        #expect(c.dnsNames == ["posthog.example.com"])
        #expect(c.notAfter == KubeTime.parse("2025-09-13T10:00:00Z"))
        #expect(c.conditions.first?.isTrue == true)
        #expect(throws: (any Error).self) { _ = try CertManagerCertificate.decode(json: "{\"status\": 3}") }
    }

    @Test func managedCertificateTable() throws {
        let now = Self.now
        #expect(CertificateProgress.managed(nil, now: now).status == .problem)
        let provisioning = ManagedCertificateState(name: "posthog-gke-cert", certificateStatus: "Provisioning",
                                                   domainStatus: ["posthog.example.com": "Provisioning"])
        let w = CertificateProgress.managed(provisioning, now: now)
        #expect(w.status == .waiting)
        #expect(w.fix.contains("15–60 minutes"))
        #expect(w.details == ["posthog.example.com: Provisioning"])
        #expect(CertificateProgress.managed(provisioning, since: now.addingTimeInterval(-2 * 3600), now: now).status == .problem)
        let active = ManagedCertificateState(name: "c", certificateStatus: "Active", domainStatus: ["posthog.example.com": "Active"])
        #expect(CertificateProgress.managed(active, now: now).status == .ok)
        let notVisible = ManagedCertificateState(name: "c", certificateStatus: "Provisioning", domainStatus: ["posthog.example.com": "FailedNotVisible"])
        let nv = CertificateProgress.managed(notVisible, now: now)
        #expect(nv.status == .problem)
        #expect(nv.fix.contains("static IP named posthog"))
        let caa = ManagedCertificateState(name: "c", certificateStatus: "Provisioning", domainStatus: ["a.example.com": "FailedCaaForbidden"])
        #expect(CertificateProgress.managed(caa, now: now).fix.contains("pki.goog"))
        #expect(CertificateProgress.managed(ManagedCertificateState(name: "c", certificateStatus: "ProvisioningFailedPermanently"), now: now).status == .problem)
    }

    @Test func managedCertificateFromKubectlJSON() throws {
        let json = """
        {"metadata":{"name":"posthog-gke-cert"},"status":{"certificateStatus":"Provisioning",
         "domainStatus":[{"domain":"posthog.example.com","status":"FailedNotVisible"}]}}
        """
        let m = try KubeJSON.decode(ManagedCertificateState.self, from: Data(json.utf8))
        #expect(m == ManagedCertificateState(name: "posthog-gke-cert", certificateStatus: "Provisioning",
                                             domainStatus: ["posthog.example.com": "FailedNotVisible"]))
    }
}
