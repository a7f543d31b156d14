#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Kube

/// A cert-manager `Certificate` (`kubectl get certificate NAME -n posthog -o json`), as far as it matters here.
public struct CertManagerCertificate: Hashable, Sendable, Decodable {
    /// Name.
    public var name: String
    /// `spec.dnsNames`.
    public var dnsNames: [String]
    /// `status.conditions` (`Ready`, `Issuing`).
    public var conditions: [Condition]
    /// `status.notAfter`.
    public var notAfter: Date?

    /// A certificate.
    public init(name: String, dnsNames: [String] = [], conditions: [Condition] = [], notAfter: Date? = nil) {
        self.name = name; self.dnsNames = dnsNames; self.conditions = conditions; self.notAfter = notAfter
    }

    /// Reads kubectl's JSON.
    public static func decode(json: String) throws -> CertManagerCertificate {
        try KubeJSON.decode(CertManagerCertificate.self, from: Data(json.utf8))
    }

    /// Decodes the same JSON shape as `decode(json:)`.
    public init(from decoder: any Decoder) throws {
        let raw = try Raw(from: decoder)
        self.init(name: raw.metadata?.name ?? "", dnsNames: raw.spec?.dnsNames ?? [], conditions: raw.status?.conditions ?? [],
                  notAfter: raw.status?.notAfter.flatMap(KubeTime.parse))
    }

    struct Raw: Decodable {
        struct Meta: Decodable { var name: String? }
        struct Spec: Decodable { var dnsNames: [String]? }
        struct Status: Decodable { var conditions: [Condition]?; var notAfter: String? }
        var metadata: Meta?
        var spec: Spec?
        var status: Status?
    }
}

/// A GKE `ManagedCertificate` (`kubectl get managedcertificate -n posthog -o json`).
public struct ManagedCertificateState: Hashable, Sendable, Decodable {
    /// Name.
    public var name: String
    /// `status.certificateStatus`: `Provisioning`, `Active`, `ProvisioningFailed`, `ProvisioningFailedPermanently`, `RenewalFailed`.
    public var certificateStatus: String
    /// `status.domainStatus`: per domain, `Provisioning`, `Active`, `FailedNotVisible`, `FailedCaaChecking`, `FailedCaaForbidden`, `FailedRateLimited`.
    public var domainStatus: [String: String]

    /// A state.
    public init(name: String, certificateStatus: String, domainStatus: [String: String] = [:]) {
        self.name = name; self.certificateStatus = certificateStatus; self.domainStatus = domainStatus
    }

    /// Decodes kubectl's JSON.
    public init(from decoder: any Decoder) throws {
        struct Meta: Decodable { var name: String? }
        struct Domain: Decodable { var domain: String?; var status: String? }
        struct Status: Decodable { var certificateStatus: String?; var domainStatus: [Domain]? }
        struct Raw: Decodable { var metadata: Meta?; var status: Status? }
        let raw = try Raw(from: decoder)
        name = raw.metadata?.name ?? ""
        certificateStatus = raw.status?.certificateStatus ?? ""
        var domains: [String: String] = [:]
        for d in raw.status?.domainStatus ?? [] { if let n = d.domain { domains[n] = d.status ?? "" } }
        domainStatus = domains
    }
}

/// Interprets certificate objects: how far issuance is, how long it usually takes, what to check.
public enum CertificateProgress {
    /// How long cert-manager may take before a wait counts as stuck.
    public static let certManagerPatience: TimeInterval = 30 * 60
    /// How long Google may take before a wait counts as stuck.
    public static let managedPatience: TimeInterval = 90 * 60

    /// The state of a cert-manager Certificate (nil: none exists yet) at `now`.
    public static func certManager(_ cert: CertManagerCertificate?, namespace: String = "posthog", now: Date) -> PostInstallFinding {
        guard let cert else {
            return PostInstallFinding(.waiting, "No cert-manager Certificate exists yet.",
                                      fix: "cert-manager creates it from the Ingress within a minute of the install. If none appears, check that cert-manager runs (`kubectl get pods -A | grep cert-manager`) and that TLS is on in values.yaml.")
        }
        let check = "Check `kubectl describe certificate \(cert.name) -n \(namespace)` and `kubectl get challenges -n \(namespace)`."
        let ready = cert.conditions.first(ofType: "Ready")
        if ready?.isTrue == true {
            let until = cert.notAfter.map { " until \(KubeTime.format($0))" } ?? ""
            return PostInstallFinding(.ok, "Certificate \(cert.name) is issued and valid\(until).")
        }
        let message = [ready?.message, cert.conditions.first(ofType: "Issuing")?.message].compactMap { $0 }.joined(separator: " ")
        let lower = message.lowercased()
        if lower.contains("rate limit") || lower.contains("too many certificates") {
            return PostInstallFinding(.problem, "Let's Encrypt refused certificate \(cert.name) because of its rate limit.",
                                      fix: "Wait (the limit resets within a week at most) and avoid reinstalling in the meantime; \(check)", details: [message])
        }
        if ready?.reason == "Failed" || lower.contains("failed") || lower.contains("error") {
            return PostInstallFinding(.problem, "Issuing certificate \(cert.name) failed.",
                                      fix: "Most often DNS does not point at the load balancer yet, or port 80 is closed so Let's Encrypt cannot reach the challenge. \(check)",
                                      details: message.isEmpty ? [] : [message])
        }
        let since = ready?.lastTransitionTime ?? cert.conditions.compactMap(\.lastTransitionTime).min()
        if let since, now.timeIntervalSince(since) > certManagerPatience {
            let minutes = Int(now.timeIntervalSince(since) / 60)
            return PostInstallFinding(.problem, "Certificate \(cert.name) has been waiting for \(minutes) minutes; it usually takes 1–5.",
                                      fix: "Check that \(cert.dnsNames.first ?? "the hostname") points at the load balancer. \(check)",
                                      details: message.isEmpty ? [] : [message])
        }
        return PostInstallFinding(.waiting, "Certificate \(cert.name) is being issued.",
                                  fix: "This usually takes 1–5 minutes once DNS points at the load balancer. \(check)",
                                  details: message.isEmpty ? [] : [message])
    }

    /// The state of a GKE ManagedCertificate; `since` is when the install (or DNS change) happened, if known.
    public static func managed(_ cert: ManagedCertificateState?, namespace: String = "posthog", since: Date? = nil, now: Date) -> PostInstallFinding {
        guard let cert else {
            return PostInstallFinding(.problem, "No ManagedCertificate exists in namespace \(namespace).",
                                      fix: "Check that values.yaml has TLS on for gcp; the chart creates the ManagedCertificate with the Ingress.")
        }
        let check = "Check `kubectl describe managedcertificate \(cert.name) -n \(namespace)`."
        let domains = cert.domainStatus.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let bad = cert.domainStatus.sorted(by: { $0.key < $1.key }).first(where: { $0.value.hasPrefix("Failed") }) {
            let fix: String
            switch bad.value {
            case "FailedNotVisible":
                fix = "\(bad.key) does not point at the static IP named posthog yet. Create or correct its A record; Google retries by itself once it does."
            case "FailedCaaChecking", "FailedCaaForbidden":
                fix = "A CAA record of \(bad.key)'s domain does not allow Google to issue certificates; add `0 issue \"pki.goog\"` to it."
            case "FailedRateLimited":
                fix = "Google hit a rate limit for \(bad.key); wait a few hours. \(check)"
            default:
                fix = check
            }
            return PostInstallFinding(.problem, "Google could not issue the certificate for \(bad.key) (\(bad.value)).", fix: fix, details: domains)
        }
        switch cert.certificateStatus {
        case "Active":
            return PostInstallFinding(.ok, "Google's managed certificate \(cert.name) is active.", details: domains)
        case "ProvisioningFailed", "ProvisioningFailedPermanently", "RenewalFailed":
            return PostInstallFinding(.problem, "Google's managed certificate \(cert.name) is \(cert.certificateStatus).",
                                      fix: "Check that every domain points at the static IP named posthog. \(check)", details: domains)
        default:
            if let since, now.timeIntervalSince(since) > managedPatience {
                let minutes = Int(now.timeIntervalSince(since) / 60)
                return PostInstallFinding(.problem, "Google's managed certificate has been provisioning for \(minutes) minutes; it usually takes 15–60.",
                                          fix: "Make sure DNS points at the static IP named posthog and that nothing else (such as a CAA record) blocks Google. \(check)",
                                          details: domains)
            }
            return PostInstallFinding(.waiting, "Google is provisioning the managed certificate \(cert.name).",
                                      fix: "This usually takes 15–60 minutes after DNS points at the static IP; HTTPS does not answer until then. \(check)",
                                      details: domains)
        }
    }
}
