#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a TLS handshake with the hostname showed (filled in by the TLS edge).
public struct TLSHandshakeResult: Hashable, Sendable {
    /// Whether a TCP connection to port 443 was made.
    public var connected: Bool
    /// The connection or handshake error, when there was one.
    public var error: String?
    /// The leaf certificate's subject common name.
    public var subjectCommonName: String?
    /// The leaf certificate's DNS subject alternative names.
    public var subjectAltNames: [String]
    /// The issuer's common name (`R3`, `Kubernetes Ingress Controller Fake Certificate`).
    public var issuerCommonName: String?
    /// The issuer's organization (`Let's Encrypt`, `(STAGING) Let's Encrypt`, `Google Trust Services`).
    public var issuerOrganization: String?
    /// Start of validity.
    public var notBefore: Date?
    /// End of validity.
    public var notAfter: Date?
    /// Whether the chain verified against the system's trusted roots.
    public var chainVerified: Bool
    /// The verifier's reason when it did not.
    public var verificationError: String?

    /// A result.
    public init(connected: Bool, error: String? = nil, subjectCommonName: String? = nil, subjectAltNames: [String] = [],
                issuerCommonName: String? = nil, issuerOrganization: String? = nil, notBefore: Date? = nil, notAfter: Date? = nil,
                chainVerified: Bool = false, verificationError: String? = nil) {
        self.connected = connected; self.error = error; self.subjectCommonName = subjectCommonName
        self.subjectAltNames = subjectAltNames; self.issuerCommonName = issuerCommonName
        self.issuerOrganization = issuerOrganization; self.notBefore = notBefore; self.notAfter = notAfter
        self.chainVerified = chainVerified; self.verificationError = verificationError
    }
}

/// What the certificate served for the hostname means.
public enum TLSVerdict: Hashable, Sendable {
    /// A trusted certificate for the name, valid for this many more days.
    case valid(daysLeft: Int)
    /// ingress-nginx's placeholder: the real certificate is not issued (or not found) yet.
    case fakeCertificate
    /// Nothing answers TLS yet (GKE's load balancer before its managed certificate is active).
    case notYetIssued(String)
    /// A Let's Encrypt staging certificate, which browsers do not trust.
    case stagingCertificate
    /// The certificate is for other names.
    case wrongName(names: [String])
    /// Valid, but close to its end: renewal seems stuck.
    case expiring(daysLeft: Int)
    /// Past its end.
    case expired
    /// Not valid yet (clock skew or a just-issued certificate).
    case notYetValid
    /// Not trusted for another reason.
    case untrusted(String)
}

/// Evaluates a handshake result for a hostname (pure).
public enum TLSCheck {
    /// Days before the end at which a certificate counts as expiring. cert-manager renews Let's
    /// Encrypt certificates 30 days ahead and Google 30 days too, so fewer than 20 means renewal fails.
    public static let expiringDays = 20

    /// The verdict for `hostname` at `now`.
    public static func evaluate(hostname: String, result r: TLSHandshakeResult, now: Date) -> TLSVerdict {
        guard r.connected, r.error == nil, r.notAfter != nil || r.issuerCommonName != nil else {
            return .notYetIssued(r.error ?? (r.connected ? "no certificate was presented" : "nothing accepted a connection on port 443"))
        }
        let issuer = [r.issuerCommonName, r.issuerOrganization].compactMap { $0 }.joined(separator: ", ")
        if (r.issuerCommonName ?? "").contains("Fake Certificate") || (r.subjectCommonName ?? "").contains("Fake Certificate") {
            return .fakeCertificate
        }
        if issuer.uppercased().contains("STAGING") || issuer.contains("Fake LE") { return .stagingCertificate }
        let names = r.subjectAltNames.isEmpty ? [r.subjectCommonName].compactMap { $0 } : r.subjectAltNames
        if !names.contains(where: { nameMatches($0, hostname) }) { return .wrongName(names: names) }
        if let start = r.notBefore, start > now { return .notYetValid }
        guard let end = r.notAfter else { return .untrusted("the certificate has no end date") }
        if end <= now { return .expired }
        if !r.chainVerified { return .untrusted(r.verificationError ?? "the chain does not lead to a trusted authority") }
        let days = Int(end.timeIntervalSince(now) / 86_400)
        return days < expiringDays ? .expiring(daysLeft: days) : .valid(daysLeft: days)
    }

    /// Whether a certificate name (`posthog.example.com`, `*.example.com`) covers `hostname`.
    public static func nameMatches(_ pattern: String, _ hostname: String) -> Bool {
        func clean(_ s: String) -> String {
            var t = s.lowercased()
            while t.hasSuffix(".") { t.removeLast() }
            return t
        }
        let p = clean(pattern), h = clean(hostname)
        if p == h { return true }
        guard p.hasPrefix("*.") else { return false }
        let suffix = p.dropFirst(1)
        guard h.hasSuffix(suffix) else { return false }
        let label = h.dropLast(suffix.count)
        return !label.isEmpty && !label.contains(".")
    }

    /// What to tell the person, for a cloud's certificate mechanism (Google-managed on gcp,
    /// cert-manager with Let's Encrypt elsewhere).
    public static func finding(_ verdict: TLSVerdict, hostname: String, cloud: Cloud) -> PostInstallFinding {
        let managed = cloud == .gcp
        switch verdict {
        case .valid(let d):
            return PostInstallFinding(.ok, "https://\(hostname) has a valid certificate (\(d) days left).")
        case .fakeCertificate:
            return PostInstallFinding(.waiting, "https://\(hostname) serves ingress-nginx's placeholder \"Kubernetes Ingress Controller Fake Certificate\": the real certificate is not issued yet.",
                                      fix: "cert-manager usually issues it within 1–5 minutes once DNS points at the load balancer. If it takes longer, check `kubectl get certificate,challenges -n posthog` and that the DNS record is correct.")
        case .notYetIssued(let why):
            if managed {
                return PostInstallFinding(.waiting, "https://\(hostname) does not answer yet (\(why)).",
                                          fix: "Google's managed certificate is usually active 15–60 minutes after DNS points at the static IP; until then HTTPS does not answer. Check `kubectl describe managedcertificate -n posthog`.")
            }
            return PostInstallFinding(.problem, "https://\(hostname) does not answer (\(why)).",
                                      fix: "Check that DNS points at the load balancer and that port 443 is open; then see `posthog-install status`.")
        case .stagingCertificate:
            return PostInstallFinding(.problem, "https://\(hostname) has a Let's Encrypt staging certificate, which browsers do not trust.",
                                      fix: "Use the production Let's Encrypt issuer in the values, then delete the certificate's secret so cert-manager issues a trusted one.")
        case .wrongName(let names):
            let list = names.isEmpty ? "no names" : names.joined(separator: ", ")
            return PostInstallFinding(.problem, "The certificate served at \(hostname) is for \(list), not for \(hostname).",
                                      fix: "Check that the hostname in values.yaml is \(hostname) and that DNS for it points at this install's load balancer, not another service.")
        case .expiring(let d):
            let how = managed ? "Google renews managed certificates automatically; check `kubectl describe managedcertificate -n posthog`."
                              : "cert-manager should have renewed it already; check `kubectl describe certificate -n posthog` and cert-manager's logs."
            return PostInstallFinding(.problem, "The certificate for \(hostname) ends in \(d) day\(d == 1 ? "" : "s").", fix: how)
        case .expired:
            return PostInstallFinding(.problem, "The certificate for \(hostname) has expired; browsers refuse the site.",
                                      fix: managed ? "Check `kubectl describe managedcertificate -n posthog`: DNS must still point at the static IP."
                                                   : "Check `kubectl describe certificate -n posthog`: renewal needs DNS pointing at the load balancer and port 80 open for the challenge.")
        case .notYetValid:
            return PostInstallFinding(.waiting, "The certificate for \(hostname) is not valid yet.",
                                      fix: "Check this computer's clock; a certificate issued moments ago becomes valid within a minute.")
        case .untrusted(let why):
            return PostInstallFinding(.problem, "The certificate for \(hostname) is not trusted: \(why).",
                                      fix: "Make sure the certificate comes from Let's Encrypt (or Google) and not from a self-signed issuer.")
        }
    }
}
