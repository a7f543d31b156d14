#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// The TLS check after a GKE install: Google's managed certificate for the hostname, read with
/// `gcloud beta compute ssl-certificates list` and explained by `ManagedCertificateAdvice`.
public enum ManagedCertificateCheck {
    /// The finding for `hostname`; `staticIP` and `resolved` (what DNS answers) sharpen the advice.
    /// Without gcloud (nil, not installed, not signed in, no beta component) it says how to look by hand.
    public static func check(gcloud: GCloudClient?, hostname: String, staticIP: String?, resolved: [String]?,
                             now: Date) async -> PostInstallFinding {
        let byHand = "`kubectl describe managedcertificate -n posthog` shows the certificate's status (Provisioning, then Active, usually 15–60 minutes after DNS points at the static IP)."
        guard let gcloud else {
            return PostInstallFinding(.waiting, "Google's managed certificate for \(hostname) was not checked: gcloud is not available.", fix: byHand)
        }
        do {
            let certificates = try await gcloud.managedCertificates()
            return ManagedCertificateAdvice.advise(certificates: certificates, hostname: hostname, staticIP: staticIP,
                                                   resolved: resolved, now: now)
        } catch {
            let details = error.gcloudText.map { ["gcloud said:"] + $0.split(separator: "\n").map { "  " + $0 } } ?? []
            return PostInstallFinding(.waiting, "Google's managed certificate for \(hostname) could not be checked. \(error.message)",
                                      fix: "\(error.fix) Meanwhile, \(byHand)", details: details)
        }
    }
}
