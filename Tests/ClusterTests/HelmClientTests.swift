import Effects
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

@Suite struct HelmClientTests {
    @Test func installUpgradeUninstallArgvFollowTheDesign() {
        let h = HelmClient(runner: ScriptedRunner(), options: HelmOptions(kubeContext: "do-nyc1-posthog"))
        let r = HelmReleaseRequest(valuesFile: "values.yaml", chartVersion: "30.46.0")
        #expect(h.installCommand(r).argv == ["helm", "install", "-f", "values.yaml", "--timeout", "20m", "--create-namespace",
                                             "--namespace", "posthog", "posthog", "posthog/posthog", "--version", "30.46.0",
                                             "--kube-context", "do-nyc1-posthog"])
        #expect(h.upgradeCommand(r).argv == ["helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog",
                                             "posthog", "posthog/posthog", "--version", "30.46.0", "--kube-context", "do-nyc1-posthog"])
        #expect(h.uninstallCommand(release: "posthog", namespace: "posthog").argv
            == ["helm", "uninstall", "posthog", "--namespace", "posthog", "--kube-context", "do-nyc1-posthog"])
        // helm must report its own timeout before we stop it.
        #expect(h.installCommand(r).timeout > .seconds(20 * 60))
    }

    @Test func withoutAContextNoKubeContextFlag() {
        let h = HelmClient(runner: ScriptedRunner())
        #expect(h.installCommand(HelmReleaseRequest()).argv == ["helm", "install", "-f", "values.yaml", "--timeout", "20m",
                                                                 "--create-namespace", "--namespace", "posthog", "posthog", "posthog/posthog"])
        #expect(h.versionCommand.argv == ["helm", "version", "--short"])
        #expect(h.repoAddCommand().argv == ["helm", "repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"])
        #expect(h.repoUpdateCommand.argv == ["helm", "repo", "update"])
        #expect(h.listCommand(namespace: "posthog").argv == ["helm", "list", "-n", "posthog", "-o", "json"])
        #expect(h.statusCommand(release: "posthog", namespace: "posthog").argv == ["helm", "status", "posthog", "-n", "posthog"])
    }

    @Test func listDecodesHelmsJSON() async throws {
        let runner = ScriptedRunner()
        let h = HelmClient(runner: runner)
        runner.expect(h.listCommand(namespace: "posthog").argv, .exit(0, stdout: """
        [{"name":"posthog","namespace":"posthog","revision":"3","updated":"2024-05-01 10:00:00.123456789 +0000 UTC","status":"deployed","chart":"posthog-30.46.0","app_version":"1.43.0"}]
        """))
        let release = try #require(try await h.installedRelease("posthog", namespace: "posthog"))
        #expect(release.revision == 3)
        #expect(release.chartVersion == "30.46.0")
        #expect(release.status == "deployed")
        #expect(HelmRelease(name: "", namespace: "", revision: 1, updated: "", status: "", chart: "ingress-nginx-4.0.1", appVersion: "").chartVersion == "4.0.1")
    }

    @Test func failuresCarryHelmsErrorLineAndDiagnosis() async throws {
        let runner = ScriptedRunner()
        let h = HelmClient(runner: runner)
        let r = HelmReleaseRequest()
        runner.expect(h.installCommand(r).argv, .exit(1, stderr: "Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition\n"))
        let error = await #expect(throws: HelmCommandError.self) { try await h.install(r, onLine: { _ in }) }
        #expect(error?.message == "Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition")
        #expect(error?.diagnosis?.code == .helmTimeout)
        runner.expect(h.statusCommand(release: "posthog", namespace: "posthog").argv, .exit(1, stderr: "Error: release: not found\n"))
        #expect(try await h.status(release: "posthog", namespace: "posthog") == nil)
    }

    @Test func statusTextIsRead() {
        let s = HelmStatusReport(text: "NAME: posthog\nLAST DEPLOYED: Tue Nov 24 21:40:03 2026\nNAMESPACE: posthog\nSTATUS: deployed\nREVISION: 2\nTEST SUITE: None\nNOTES:\nline one\nline two\n")
        #expect(s.status == "deployed")
        #expect(s.revision == 2)
        #expect(s.lastDeployed == "Tue Nov 24 21:40:03 2026")
        #expect(s.notes == "line one\nline two")
    }
}
