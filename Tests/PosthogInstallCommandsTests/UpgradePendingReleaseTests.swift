import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// A release caught half-way (`pending-upgrade`, as a helm that was stopped leaves it) is not
/// upgraded or compared: exit 1, the state named, and the commands to look and to go back.
@Suite struct UpgradePendingReleaseTests {
    @Test func aPendingReleaseIsRefusedWithTheCommandToUse() async throws {
        let base = try DiffRollbackTests()
        try await base.install()
        try base.setValue(["ingress", "hostname"], "analytics.example.org")
        // helm upgrade --wait stopped after a second: the new pods are not ready, the release stays pending.
        let stopped = try await base.connection.runner.run(
            ProcessCommand(
                "helm",
                [
                    "upgrade", "posthog", "posthog/posthog", "--namespace", "posthog", "--version", "30.46.0", "-f", "values.yaml",
                    "--wait", "--timeout", "20m0s", "--kube-context", base.connection.context ?? "",
                ], timeout: .seconds(1)))
        #expect(!stopped.status.isSuccess, "\(stopped.standardOutput)\(stopped.standardError)")
        let history = try await base.connection.helm.history(release: "posthog", namespace: "posthog")
        #expect(history.last?.status == "pending-upgrade", "\(history)")

        let (code, out) = await base.upgradeRun(UpgradeRun.Request(chartVersion: "30.46.0", yes: true, acceptDataLoss: true))
        #expect(code == .failed, "\(out)")
        #expect(
            out.contains(
                "Error: release posthog is in state pending-upgrade (revision 2): another helm operation is running, or one was stopped half-way."
            ), "\(out)")
        #expect(out.contains("helm history posthog"), "\(out)")
        #expect(out.contains("posthog-install rollback"), "\(out)")
        #expect(out.contains("Nothing was changed."), "\(out)")
        #expect(try await base.connection.helm.history(release: "posthog", namespace: "posthog").count == 2, "no new revision")

        let (diffCode, diff) = try await base.diff([])
        #expect(diffCode == .failed && diff.contains("is in state pending-upgrade"), "diff refuses too: \(diff)")
    }
}
