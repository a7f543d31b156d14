#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a Google-managed certificate's status means and what to do about it (pure).
public enum ManagedCertificateAdvice {
    /// Google usually needs 15–60 minutes once DNS points at the load balancer; past this a
    /// certificate still provisioning counts as stuck.
    public static let usualMinutes = 60

    /// The finding for `hostname` among `certificates`. `staticIP` is the address named posthog,
    /// `resolved` what public DNS answers for `hostname` (nil: not checked).
    public static func advise(certificates: [GCPManagedCertificate], hostname: String, staticIP: String?,
                              resolved: [String]?, now: Date) -> PostInstallFinding {
        let host = normalized(hostname)
        guard let cert = certificates.first(where: { $0.domains.map(normalized).contains(host) }) else {
            let others = certificates.flatMap(\.domains)
            return PostInstallFinding(.waiting, "Google has no managed certificate for \(hostname) yet.",
                                      fix: "GKE creates it a few minutes after the install from the chart's ManagedCertificate and Ingress. Check `kubectl get managedcertificate,ingress -n posthog`; the Ingress must show the static IP as its address.",
                                      details: others.isEmpty ? [] : ["Managed certificates in this project cover: \(others.joined(separator: ", "))"])
        }
        let domainState = cert.domainStatus.first(where: { normalized($0.key) == host })?.value ?? cert.status
        let details = cert.domainStatus.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let dns = dnsNote(hostname: hostname, staticIP: staticIP, resolved: resolved)
        let describe = "`gcloud beta compute ssl-certificates describe \(cert.name) --global` and `kubectl describe managedcertificate -n posthog` show the details."

        switch domainState {
        case "FAILED_NOT_VISIBLE":
            return PostInstallFinding(.problem, "Google cannot issue the certificate: \(hostname) does not point at the load balancer (FAILED_NOT_VISIBLE).",
                                      fix: "\(aRecord(hostname, staticIP)) Google keeps retrying by itself; once DNS is right the certificate becomes active, usually within 60 minutes.",
                                      details: dns + details)
        case "FAILED_CAA_FORBIDDEN":
            return PostInstallFinding(.problem, "A CAA record on \(hostname)'s domain does not allow Google to issue certificates (FAILED_CAA_FORBIDDEN).",
                                      fix: "Add a CAA record `0 issue \"pki.goog\"` next to the existing ones (or remove the CAA records) at your DNS provider.",
                                      details: details)
        case "FAILED_CAA_CHECKING":
            return PostInstallFinding(.problem, "Google could not read the CAA records of \(hostname)'s domain (FAILED_CAA_CHECKING).",
                                      fix: "This is usually a passing problem at the DNS provider; Google retries by itself. If it stays, check that the domain's name servers answer CAA queries (`dig CAA \(hostname)`).",
                                      details: details)
        case "FAILED_RATE_LIMITED":
            return PostInstallFinding(.problem, "Google hit a certificate rate limit for \(hostname) (FAILED_RATE_LIMITED).",
                                      fix: "Wait a few hours; avoid deleting and recreating the certificate meanwhile, since each attempt counts. \(describe)",
                                      details: details)
        default:
            break
        }

        switch cert.status {
        case "ACTIVE":
            let until = cert.expires.map { " until \(day($0))" } ?? ""
            return PostInstallFinding(.ok, "Google's managed certificate for \(hostname) is active\(until).", details: details)
        case "PROVISIONING_FAILED":
            return PostInstallFinding(.problem, "Google has not managed to issue the certificate for \(hostname) yet (PROVISIONING_FAILED); it keeps retrying.",
                                      fix: "\(aRecord(hostname, staticIP)) \(describe)", details: dns + details)
        case "PROVISIONING_FAILED_PERMANENTLY":
            return PostInstallFinding(.problem, "Google gave up issuing the certificate for \(hostname) (PROVISIONING_FAILED_PERMANENTLY) and will not retry.",
                                      fix: "First make DNS right (\(aRecord(hostname, staticIP))). Then delete the ManagedCertificate (`kubectl delete managedcertificate -n posthog --all`) and run `posthog-install upgrade`, which creates a new one.",
                                      details: dns + details)
        case "RENEWAL_FAILED":
            return PostInstallFinding(.problem, "Google could not renew the certificate for \(hostname) (RENEWAL_FAILED).",
                                      fix: "Renewal needs \(hostname) to keep pointing at the static IP. \(aRecord(hostname, staticIP)) \(describe)",
                                      details: dns + details)
        default:
            let minutes = cert.created.map { Int(now.timeIntervalSince($0) / 60) }
            if let staticIP, let resolved, !resolved.contains(staticIP) {
                return PostInstallFinding(.problem, "Google is waiting to issue the certificate, but \(hostname) does not point at the static IP \(staticIP), so it never will.",
                                          fix: aRecord(hostname, staticIP), details: dns + details)
            }
            if let minutes, minutes > usualMinutes {
                return PostInstallFinding(.problem, "Google's managed certificate for \(hostname) has been provisioning for \(minutes) minutes; it usually takes 15–60.",
                                          fix: "Check that the A record of \(hostname) points at the static IP\(staticIP.map { " \($0)" } ?? " named posthog") and that no CAA record excludes pki.goog. \(describe)",
                                          details: dns + details)
            }
            let elapsed = minutes.map { " (started \($0) minute\($0 == 1 ? "" : "s") ago)" } ?? ""
            return PostInstallFinding(.waiting, "Google is provisioning the managed certificate for \(hostname)\(elapsed).",
                                      fix: "This usually takes 15–60 minutes after DNS points at the static IP; until then https://\(hostname) does not answer. Nothing to do but wait.",
                                      details: dns + details)
        }
    }

    private static func aRecord(_ hostname: String, _ staticIP: String?) -> String {
        if let staticIP { return "Create (or correct) the A record \(hostname) → \(staticIP) at your DNS provider." }
        return "Create (or correct) the A record of \(hostname) so it points at the static IP named posthog (`gcloud compute addresses describe posthog --global` shows it)."
    }

    private static func dnsNote(hostname: String, staticIP: String?, resolved: [String]?) -> [String] {
        guard let resolved else { return [] }
        if resolved.isEmpty { return ["DNS: \(hostname) does not resolve yet."] }
        let list = resolved.joined(separator: ", ")
        guard let staticIP else { return ["DNS: \(hostname) resolves to \(list)."] }
        return resolved.contains(staticIP) ? ["DNS: \(hostname) resolves to \(staticIP), the static IP."]
                                           : ["DNS: \(hostname) resolves to \(list), not to the static IP \(staticIP)."]
    }

    private static func day(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(c.year ?? 0, 4) + "-" + padded(c.month ?? 0, 2) + "-" + padded(c.day ?? 0, 2)
    }

    private static func normalized(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        return n
    }
}
