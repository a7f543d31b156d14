import Effects
import Synchronization
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import Cluster

/// The GKE static IP preflight and the managed certificate check, with a fake gcloud on PATH:
/// the argv sequence gcloud sees and the check the person reads.
@Suite struct StaticIPPreflightTests {
    private func client(_ fake: GCloudFakeTool) -> GCloudClient {
        GCloudClient(runner: SubprocessRunner(), environment: fake.environment, timeout: .seconds(20))
    }

    static let describe = ["compute", "addresses", "describe", "posthog", "--global", "--format=json"]
    static let create = ["compute", "addresses", "create", "posthog", "--global"]

    @Test func anExistingAddressPasses() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stdout: GCloudTexts.address)])
        defer { fake.remove() }
        let check = await StaticIPPreflight.check(gcloud: client(fake))
        #expect(check.kind == .staticIP && check.status == .pass)
        #expect(check.message == "The static IP posthog is 34.120.10.20 (reserved; the load balancer will use it once PostHog is installed).")
        #expect(fake.calls().map(\.arguments) == [Self.describe])
    }

    @Test func aMissingAddressBlocksAndSaysHowToReserveIt() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.addressNotFound, exitCode: 1)])
        defer { fake.remove() }
        let check = await StaticIPPreflight.check(gcloud: client(fake))
        #expect(check.status == .fail)
        #expect(check.message.hasPrefix("There is no global static IP address named posthog"))
        #expect(check.fix == "Run `gcloud compute addresses create posthog --global`, or run posthog-install again with --yes to have it reserved for you.")
        #expect(fake.calls().map(\.arguments) == [Self.describe], "nothing is created without consent")
    }

    @Test func notSignedInWarnsWithGcloudsOwnText() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.noActiveAccount, exitCode: 1)])
        defer { fake.remove() }
        let check = await StaticIPPreflight.ensure(gcloud: client(fake), create: true, emit: { _ in })
        #expect(check.status == .warn)
        #expect(check.message == "gcloud is installed but not signed in, so the static IP cannot be checked.")
        #expect(check.fix.contains("gcloud auth login"))
        #expect(check.details.dropFirst().first?.hasPrefix("  ERROR: (gcloud.compute.addresses.describe) You do not currently have an active account selected.") == true)
        #expect(check.details.contains { $0.contains("Reserve external static address") }, "the Cloud Console route is offered")
        #expect(fake.calls().map(\.arguments) == [Self.describe])
    }

    @Test func withConsentAMissingAddressIsReserved() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: "Created [https://www.googleapis.com/compute/v1/projects/my-project/global/addresses/posthog]."),
            .init(stdout: GCloudTexts.address),
        ])
        defer { fake.remove() }
        let said = LinesBox()
        let check = await StaticIPPreflight.ensure(gcloud: client(fake), create: true, emit: { said.append($0) })
        #expect(check.status == .pass, "\(check)")
        #expect(fake.calls().map(\.arguments) == [Self.describe, Self.create, Self.describe])
        let prompts = fake.calls().map { $0.promptsDisabled }
        #expect(prompts == [true, true, true])
        #expect(said.all == ["  Reserving the global static IP posthog: gcloud compute addresses create posthog --global"])
    }

    @Test func aFailedReservationBlocksWithGcloudsReason() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stderr: GCloudTexts.addressNotFound, exitCode: 1),
            .init(stderr: GCloudTexts.permissionDenied, exitCode: 1),
        ])
        defer { fake.remove() }
        let check = await StaticIPPreflight.ensure(gcloud: client(fake), create: true, emit: { _ in })
        #expect(check.status == .fail)
        #expect(check.message.contains("lacks the permission compute.globalAddresses.create"))
        #expect(check.fix.contains("roles/compute.networkAdmin"))
        #expect(fake.calls().map(\.arguments) == [Self.describe, Self.create])
    }

    @Test func withoutGcloudTheConsoleStepsAreAWarning() async {
        let check = await StaticIPPreflight.check(gcloud: nil)
        #expect(check.status == .warn)
        #expect(check.details.contains("3. Name: posthog"))
    }

    @Test func theManagedCertificateIsExplained() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stdout: GCloudTexts.certificates)])
        defer { fake.remove() }
        let finding = await ManagedCertificateCheck.check(gcloud: client(fake), hostname: "posthog.example.com", staticIP: "34.120.10.20",
                                                          resolved: ["203.0.113.9"], now: Date())
        #expect(finding.status == .problem)
        #expect(finding.message.contains("FAILED_NOT_VISIBLE"))
        #expect(finding.fix.contains("A record posthog.example.com → 34.120.10.20"))
        #expect(fake.calls().map(\.arguments) == [["beta", "compute", "ssl-certificates", "list", "--format=json"]])
    }

    @Test func aMissingBetaComponentIsNamed() async throws {
        let text = """
        ERROR: (gcloud.beta.compute.ssl-certificates.list) You do not currently have this command group installed.  Using it requires the installation of components: [beta]
        """
        let fake = try GCloudFakeTool(replies: [.init(stderr: text, exitCode: 1)])
        defer { fake.remove() }
        let finding = await ManagedCertificateCheck.check(gcloud: client(fake), hostname: "posthog.example.com", staticIP: nil, resolved: nil, now: Date())
        #expect(finding.status == .waiting)
        #expect(finding.fix.hasPrefix("Run `gcloud components install beta` and try again."))
        #expect(finding.fix.contains("kubectl describe managedcertificate -n posthog"))
        #expect(finding.details.contains("  " + text))
    }
}

/// Lines collected from an `emit` closure.
final class LinesBox: Sendable {
    private let storage = Synchronization.Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
}
