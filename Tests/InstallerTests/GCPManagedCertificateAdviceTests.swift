import Foundation
import Testing
@testable import Installer

@Suite struct GCPManagedCertificateAdviceTests {
    let now = Date(timeIntervalSince1970: 1_714_600_000)
    let host = "posthog.example.com"
    let ip = "34.120.10.20"

    func cert(_ status: String, domain: String = "PROVISIONING", minutesAgo: Double = 10, expires: Date? = nil) -> GCPManagedCertificate {
        GCPManagedCertificate(name: "mcrt-1", status: status, domains: [host], domainStatus: [host: domain],
                              created: now.addingTimeInterval(-minutesAgo * 60), expires: expires)
    }

    func advise(_ c: GCPManagedCertificate, resolved: [String]? = nil, staticIP: String? = "34.120.10.20") -> PostInstallFinding {
        ManagedCertificateAdvice.advise(certificates: [c], hostname: host, staticIP: staticIP, resolved: resolved, now: now)
    }

    /// Status, domain status, minutes since creation, resolved addresses → expected status and a phrase of the message.
    @Test(arguments: [
        ("ACTIVE", "ACTIVE", 30.0, nil, PostInstallStatus.ok, "is active"),
        ("PROVISIONING", "PROVISIONING", 10.0, nil, .waiting, "(started 10 minutes ago)"),
        ("PROVISIONING", "PROVISIONING", 10.0, ["34.120.10.20"], .waiting, "Google is provisioning"),
        ("PROVISIONING", "PROVISIONING", 10.0, ["203.0.113.9"], .problem, "does not point at the static IP 34.120.10.20"),
        ("PROVISIONING", "PROVISIONING", 95.0, nil, .problem, "provisioning for 95 minutes"),
        ("PROVISIONING", "FAILED_NOT_VISIBLE", 10.0, nil, .problem, "(FAILED_NOT_VISIBLE)"),
        ("PROVISIONING", "FAILED_CAA_FORBIDDEN", 10.0, nil, .problem, "CAA record"),
        ("PROVISIONING", "FAILED_CAA_CHECKING", 10.0, nil, .problem, "could not read the CAA records"),
        ("PROVISIONING", "FAILED_RATE_LIMITED", 10.0, nil, .problem, "rate limit"),
        ("PROVISIONING_FAILED", "PROVISIONING", 50.0, nil, .problem, "keeps retrying"),
        ("PROVISIONING_FAILED_PERMANENTLY", "PROVISIONING", 500.0, nil, .problem, "will not retry"),
        ("RENEWAL_FAILED", "ACTIVE", 50_000.0, nil, .problem, "could not renew"),
    ] as [(String, String, Double, [String]?, PostInstallStatus, String)])
    func decisionTable(status: String, domain: String, minutes: Double, resolved: [String]?, expected: PostInstallStatus, phrase: String) {
        let finding = advise(cert(status, domain: domain, minutesAgo: minutes), resolved: resolved)
        #expect(finding.status == expected)
        #expect(finding.message.contains(phrase), "\(finding.message)")
    }

    @Test func notVisibleTellsWhichRecordToCreate() {
        let finding = advise(cert("PROVISIONING", domain: "FAILED_NOT_VISIBLE"), resolved: ["203.0.113.9"])
        #expect(finding.fix.hasPrefix("Create (or correct) the A record posthog.example.com → 34.120.10.20 at your DNS provider."))
        #expect(finding.details.contains("DNS: posthog.example.com resolves to 203.0.113.9, not to the static IP 34.120.10.20."))
        #expect(finding.details.contains("posthog.example.com: FAILED_NOT_VISIBLE"))
        let unknownIP = advise(cert("PROVISIONING", domain: "FAILED_NOT_VISIBLE"), staticIP: nil)
        #expect(unknownIP.fix.contains("gcloud compute addresses describe posthog --global"))
    }

    @Test func caaForbiddenNamesTheRecordToAdd() {
        #expect(advise(cert("PROVISIONING", domain: "FAILED_CAA_FORBIDDEN")).fix.contains("0 issue \"pki.goog\""))
    }

    @Test func permanentFailureSaysHowToStartOver() {
        let fix = advise(cert("PROVISIONING_FAILED_PERMANENTLY")).fix
        #expect(fix.contains("kubectl delete managedcertificate -n posthog --all"))
        #expect(fix.contains("posthog-install upgrade"))
    }

    @Test func activeShowsTheEndDate() {
        let finding = advise(cert("ACTIVE", domain: "ACTIVE", expires: Date(timeIntervalSince1970: 1_722_384_000)))
        #expect(finding.message == "Google's managed certificate for posthog.example.com is active until 2024-07-31.")
    }

    @Test func noCertificateForTheHostnameYet() {
        let other = GCPManagedCertificate(name: "mcrt-other", status: "ACTIVE", domains: ["app.example.com"])
        let finding = ManagedCertificateAdvice.advise(certificates: [other], hostname: "PostHog.example.com.", staticIP: ip, resolved: nil, now: now)
        #expect(finding.status == .waiting)
        #expect(finding.message == "Google has no managed certificate for PostHog.example.com. yet.")
        #expect(finding.details == ["Managed certificates in this project cover: app.example.com"])
        // The host name is matched without regard to case or a trailing dot.
        let found = ManagedCertificateAdvice.advise(certificates: [cert("ACTIVE", domain: "ACTIVE")], hostname: "PostHog.example.com.",
                                                    staticIP: ip, resolved: nil, now: now)
        #expect(found.status == .ok)
    }
}
