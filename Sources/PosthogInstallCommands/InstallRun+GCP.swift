import Cluster
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import YAML

/// The GKE-only parts of an install: the static IP named posthog before installing, and
/// Google's managed certificate after it (gcloud on PATH; not for the simulated cluster).
extension InstallRun {
    /// The static IP preflight check on gcp (reserving the address when `--yes` was given or the
    /// wizard's person agreed, and this is not a dry run); nil on other clouds.
    func gcpStaticIPCheck(cloud: Cloud, request: Request) async -> PreflightCheck? {
        // On the simulated cluster its own gcloud answers (GKE only), so the step is rehearsed too.
        guard cloud == .gcp else { return nil }
        let client = gcloud ?? GCloudClient(runner: connection.runner)
        let report = self.report
        var check = await StaticIPPreflight.ensure(gcloud: client, create: (request.yes || request.consent.reserveStaticIP) && !request.dryRun,
                                                   emit: { report(.note($0)) })
        if connection.simulated, gcloud == nil, check.status != .pass {
            // The gcloud command would act on a real project; on the rehearsal only this works as printed.
            check.fix = "Run posthog-install again with --yes (in the wizard: c) to have the simulated gcloud reserve it; "
                + "for the real install, `gcloud compute addresses create posthog --global` does it in your project."
        }
        return check
    }

    /// After the DNS record on gcp with HTTPS: how far Google's managed certificate is.
    func gcpCertificateNote(cloud: Cloud, values: YAMLValue) async {
        guard cloud == .gcp, !connection.simulated, values.value(at: ["web", "secureCookies"]) != .bool(false),
              let hostname = values.value(at: ["ingress", "hostname"])?.stringValue else { return }
        let finding = await ManagedCertificateCheck.check(gcloud: GCloudClient(runner: connection.runner), hostname: hostname,
                                                          staticIP: nil, resolved: nil, now: Date())
        report(.note(""))
        report(.note("Certificate: \(finding.message)"))
        if !finding.fix.isEmpty { report(.note("  \(finding.fix)")) }
        finding.details.forEach { report(.note("  \($0)")) }
    }
}
