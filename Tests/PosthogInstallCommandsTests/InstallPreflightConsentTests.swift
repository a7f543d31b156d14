import Cluster
import Effects
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install install` when the preflight blocks and the person agrees to go on: a node
/// pool that grows by itself (`--node-pool-autoscales`), and the GKE static IP reserved with a
/// fake gcloud on PATH (`--yes`, or the wizard's consent).
@Suite struct InstallPreflightConsentTests {
    static let profiles = (try? ProfileSet.all()) ?? []
    static let answers = ["--hostname", "posthog.example.com", "--tier", "small", "--simulate"]

    /// Runs `request` on a fresh simulated cluster of `nodes`; returns the exit code and output.
    func install(_ request: InstallRun.Request, nodes: String, cloud: String = "do", factor: Int = 20,
                 patience: Duration = .seconds(36_000), gcloud: GCloudClient? = nil) async throws -> (ToolExitCode, String) {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: factor)
        let connection = try ClusterConnection.simulated(nodes: nodes, cloud: cloud, clock: clock, files: files, state: .inMemory,
                                                         paths: TestConnections.paths)
        let lines = OutputLines()
        var run = InstallRun(files: files, profiles: Self.profiles, secrets: SystemSecretSource(), connection: connection,
                             clock: clock, emit: { lines.append($0) })
        run.patience = patience
        run.gcloud = gcloud
        let code = await run.execute(request)
        return (code, lines.text)
    }

    @Test func anUndersizedClusterSaysHowToGoOnWithAGrowingNodePool() async throws {
        let request = try InstallCommand.parse(["--cloud", "do", "--email", "ops@example.com"] + Self.answers).request
        #expect(request.consent == PreflightConsent(), "nothing is agreed without the flag")
        let (code, out) = try await install(request, nodes: "1x2cpu2gi")
        #expect(code == .preflightBlocked)
        #expect(out.hasSuffix("""
            Nothing was installed: the preflight found 1 blocker above.
            If your node pool adds nodes by itself (a cluster autoscaler), run this again with --node-pool-autoscales.
            """), "\(out)")
    }

    @Test func aGrowingNodePoolGoesOnAndThePendingPodsAreExplained() async throws {
        let request = try InstallCommand.parse(["--cloud", "do", "--email", "ops@example.com", "--node-pool-autoscales"] + Self.answers).request
        #expect(request.consent == PreflightConsent(nodePoolAutoscales: true))
        // The simulated cluster has no autoscaler: the pods stay Pending and helm gives up after
        // its 20 (simulated) minutes, which a fast clock makes a few seconds.
        let (code, out) = try await install(request, nodes: "1x2cpu1gi", factor: 600, patience: .seconds(60))
        #expect(code == .failed, "\(out)")
        #expect(out.contains("  ! Cluster size: "), "\(out)")
        #expect(out.contains("Going on anyway, because you said the node pool adds nodes by itself"))
        #expect(!out.contains("Nothing was installed"))
        #expect(out.contains("helm install -f values.yaml"), "the install ran")
        #expect(out.contains("Insufficient memory"), "the pods' scheduling problem is explained:\n\(out)")
        // The system pods on the node count: nothing Pending here fits in what is really free.
        #expect(!out.contains("the scheduler should place it on its next try"), "\(out)")
    }

    @Test func aMissingStaticIPBlocksUntilThePersonAgreesThenGcloudReservesIt() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: "Created [https://www.googleapis.com/compute/v1/projects/my-project/global/addresses/posthog]."),
            .init(stdout: GCloudTexts.address),
        ])
        defer { fake.remove() }
        let gcloud = GCloudClient(runner: SubprocessRunner(), environment: fake.environment, timeout: .seconds(20))
        let describe = ["compute", "addresses", "describe", "posthog", "--global", "--format=json"]
        let create = ["compute", "addresses", "create", "posthog", "--global"]
        // A small cluster keeps both runs short: its size still blocks after the address is there.
        var request = try InstallCommand.parse(["--cloud", "gcp"] + Self.answers).request

        let (first, blocked) = try await install(request, nodes: "1x2cpu2gi", cloud: "gcp", gcloud: gcloud)
        #expect(first == .preflightBlocked)
        #expect(blocked.contains("  ✗ GCP static IP: There is no global static IP address named posthog"), "\(blocked)")
        #expect(blocked.contains("fix: Run `gcloud compute addresses create posthog --global`"))
        #expect(!blocked.contains("--node-pool-autoscales"), "a growing node pool would not make the address")
        #expect(fake.calls().map(\.arguments) == [describe], "nothing is created without consent")

        request.consent.reserveStaticIP = true  // the wizard's `c`, confirmed
        let (second, reserved) = try await install(request, nodes: "1x2cpu2gi", cloud: "gcp", gcloud: gcloud)
        #expect(second == .preflightBlocked)
        #expect(reserved.contains("  Reserving the global static IP posthog: gcloud compute addresses create posthog --global"), "\(reserved)")
        #expect(reserved.contains("  ✓ GCP static IP: The static IP posthog is 34.120.10.20"))
        #expect(reserved.hasSuffix("run this again with --node-pool-autoscales."), "only the size blocks now")
        #expect(fake.calls().map(\.arguments) == [describe, describe, create, describe])
    }

    @Test func yesReservesTheStaticIPHeadlessButADryRunDoesNot() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: "Created [https://www.googleapis.com/compute/v1/projects/my-project/global/addresses/posthog]."),
            .init(stdout: GCloudTexts.address),
        ])
        defer { fake.remove() }
        let gcloud = GCloudClient(runner: SubprocessRunner(), environment: fake.environment, timeout: .seconds(20))
        let dryRun = try InstallCommand.parse(["--cloud", "gcp", "--yes", "--dry-run"] + Self.answers).request
        let (first, _) = try await install(dryRun, nodes: "1x2cpu2gi", cloud: "gcp", gcloud: gcloud)
        #expect(first == .preflightBlocked)
        #expect(fake.calls().count == 1, "a dry run changes nothing")
        let yes = try InstallCommand.parse(["--cloud", "gcp", "--yes"] + Self.answers).request
        let (_, out) = try await install(yes, nodes: "1x2cpu2gi", cloud: "gcp", gcloud: gcloud)
        #expect(out.contains("  ✓ GCP static IP: The static IP posthog is 34.120.10.20"), "\(out)")
        #expect(fake.calls().map { $0.arguments.prefix(3) }.last == ["compute", "addresses", "describe"])
        #expect(fake.calls().count == 4)
    }
}
