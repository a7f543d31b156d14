#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// The GKE static IP step of an install's preflight, with gcloud: check that the global
/// address named posthog exists, and reserve it when the person agreed (`--yes`).
public enum StaticIPPreflight {
    /// Asks gcloud about the address; nil `gcloud` counts as gcloud not being installed.
    public static func check(gcloud: GCloudClient?, name: String = StaticIPStep.addressName) async -> PreflightCheck {
        let observation = await gcloud?.observeStaticIP(named: name) ?? .gcloudMissing
        return StaticIPStep.preflightCheck(observation, name: name, project: gcloud?.project)
    }

    /// Like `check`, but reserves a missing address when `create` is true (the person confirmed,
    /// for example with `--yes`), saying what it runs through `emit`.
    public static func ensure(gcloud: GCloudClient?, create: Bool, name: String = StaticIPStep.addressName,
                              emit: @Sendable (String) -> Void) async -> PreflightCheck {
        let observation = await gcloud?.observeStaticIP(named: name) ?? .gcloudMissing
        guard create, observation == .missing, let gcloud else {
            return StaticIPStep.preflightCheck(observation, name: name, project: gcloud?.project)
        }
        let command = StaticIPStep.createCommand(name: name, project: gcloud.project)
        emit("  Reserving the global static IP \(name): \(command.joined(separator: " "))")
        do {
            let address = try await gcloud.createAddress(named: name)
            return StaticIPStep.preflightCheck(.found(address), name: name, project: gcloud.project)
        } catch {
            return PreflightCheck(.staticIP, .fail, "Reserving the global static IP \(name) failed. \(error.message)",
                                  fix: error.fix, details: (error.gcloudText.map { [$0] } ?? []) + StaticIPStep.consoleSteps(name: name, project: gcloud.project))
        }
    }
}
