import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import Cluster

/// The gcloud client against a fake gcloud script run through the real subprocess runner.
@Suite struct GCloudClientTests {
    private func client(_ fake: GCloudFakeTool, project: String? = nil) -> GCloudClient {
        GCloudClient(runner: SubprocessRunner(), project: project, environment: fake.environment, timeout: .seconds(20))
    }

    @Test func describesTheStaticAddress() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stdout: GCloudTexts.address)])
        defer { fake.remove() }
        let address = try await client(fake).describeAddress()
        #expect(address == GCPStaticAddress(name: "posthog", address: "34.120.10.20", status: .reserved, addressType: "EXTERNAL", ipVersion: "IPV4"))
        let calls = fake.calls()
        #expect(calls.map(\.arguments) == [["compute", "addresses", "describe", "posthog", "--global", "--format=json"]])
        #expect(calls.first?.promptsDisabled == true)
    }

    @Test func aMissingAddressIsNotFoundAndObservedAsMissing() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.addressNotFound, exitCode: 1)])
        defer { fake.remove() }
        await #expect(throws: GCloudError.notFound(resource: "projects/my-project/global/addresses/posthog",
                                                   gcloudText: GCloudTexts.addressNotFound)) {
            _ = try await client(fake).describeAddress()
        }
        let fake2 = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.addressNotFound, exitCode: 1)])
        defer { fake2.remove() }
        #expect(await client(fake2).observeStaticIP() == .missing)
    }

    @Test func createsThenDescribesWithTheProject() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stderr: "Created [https://www.googleapis.com/compute/v1/projects/my-project/global/addresses/posthog]."),
            .init(stdout: GCloudTexts.address.replacingOccurrences(of: "RESERVED", with: "IN_USE")),
        ])
        defer { fake.remove() }
        let address = try await client(fake, project: "my-project").createAddress()
        #expect(address.status == .inUse)
        #expect(fake.calls().map(\.arguments) == [
            ["compute", "addresses", "create", "posthog", "--global", "--project", "my-project"],
            ["compute", "addresses", "describe", "posthog", "--global", "--format=json", "--project", "my-project"],
        ])
    }

    @Test func createOfAnExistingAddressUsesIt() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.addressExists, exitCode: 1), .init(stdout: GCloudTexts.address)])
        defer { fake.remove() }
        let address = try await client(fake).createAddress()
        #expect(address.address == "34.120.10.20")
        #expect(fake.calls().count == 2)
    }

    @Test func notSignedInKeepsGcloudsTextAndSaysWhatToDo() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stderr: GCloudTexts.noActiveAccount, exitCode: 1)])
        defer { fake.remove() }
        do {
            _ = try await client(fake).describeAddress()
            Issue.record("expected an error")
        } catch {
            #expect(error == .notAuthenticated(gcloudText: GCloudTexts.noActiveAccount))
            #expect(error.description.contains("You do not currently have an active account selected."))
            #expect(error.description.contains("gcloud auth login"))
        }
    }

    @Test func listsManagedCertificatesOnly() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stdout: GCloudTexts.certificates)])
        defer { fake.remove() }
        let certificates = try await client(fake).managedCertificates()
        #expect(fake.calls().map(\.arguments) == [["beta", "compute", "ssl-certificates", "list", "--format=json"]])
        #expect(certificates.map(\.name) == ["mcrt-0b9c7e4a-1111-2222-3333-444455556666", "mcrt-active"])
        #expect(certificates[0].status == "PROVISIONING")
        #expect(certificates[0].domainStatus == ["posthog.example.com": "FAILED_NOT_VISIBLE"])
        #expect(certificates[0].created == GCloudJSON.timestamp("2024-05-02T10:04:05.678Z"))
        #expect(certificates[1].expires == GCloudJSON.timestamp("2024-06-30T07:00:00Z"))
    }

    @Test func readsTheActiveAccountWithoutAProjectFlag() async throws {
        let fake = try GCloudFakeTool(replies: [
            .init(stdout: #"[{"account": "old@example.com", "status": ""}, {"account": "me@example.com", "status": "ACTIVE"}]"#),
            .init(stdout: "[]"),
        ])
        defer { fake.remove() }
        let gcloud = client(fake, project: "my-project")
        #expect(try await gcloud.activeAccount() == "me@example.com")
        #expect(try await gcloud.activeAccount() == nil)
        #expect(fake.calls().map(\.arguments) == [["auth", "list", "--format=json"], ["auth", "list", "--format=json"]])
    }

    @Test func unreadableOutputIsReportedWithTheCommand() async throws {
        let fake = try GCloudFakeTool(replies: [.init(stdout: "Listed 0 items.")])
        defer { fake.remove() }
        await #expect {
            _ = try await client(fake).managedCertificates()
        } throws: { error in
            guard case .unreadableOutput(let command, _) = error as? GCloudError else { return false }
            return command == "gcloud beta compute ssl-certificates list --format=json"
        }
    }

    @Test func gcloudMissingFromPathIsObservedAsMissing() async throws {
        let empty = try GCloudFakeTool(replies: [])
        defer { empty.remove() }
        let gcloud = GCloudClient(runner: SubprocessRunner(), executable: "gcloud-not-installed-here", environment: ["PATH": empty.directory.path])
        #expect(await gcloud.observeStaticIP() == .gcloudMissing)
    }

    @Test func errorTextsAreClassified() {
        func classify(_ stderr: String, code: Int32 = 1) -> GCloudError? {
            GCloudError.classify(ProcessResult(argv: ["gcloud", "compute", "addresses", "create", "posthog", "--global"],
                                               status: .exited(code), standardError: stderr))
        }
        #expect(classify("", code: 0) == nil)
        #expect(classify(GCloudTexts.noProject) == .noProject(gcloudText: GCloudTexts.noProject))
        #expect(classify(GCloudTexts.permissionDenied) == .permissionDenied(permission: "compute.globalAddresses.create", gcloudText: GCloudTexts.permissionDenied))
        #expect(classify(GCloudTexts.apiDisabled) == .apiDisabled(gcloudText: GCloudTexts.apiDisabled))
        #expect(classify(GCloudTexts.addressExists) == .alreadyExists(resource: "projects/my-project/global/addresses/posthog", gcloudText: GCloudTexts.addressExists))
        let expired = "ERROR: (gcloud.compute.addresses.describe) There was a problem refreshing your current auth tokens: Reauthentication failed. cannot prompt during non-interactive execution.\nPlease run:\n\n  $ gcloud auth login"
        #expect(classify(expired) == .notAuthenticated(gcloudText: expired))
        let quota = "ERROR: (gcloud.compute.addresses.create) Could not fetch resource:\n - Quota 'GLOBAL_ADDRESSES' exceeded.  Limit: 0.0 globally."
        #expect(classify(quota) == .quotaExceeded(gcloudText: quota))
        let beta = "ERROR: (gcloud) You do not currently have this command group installed.  Using it requires the installation of components: [beta]"
        #expect(classify(beta) == .componentMissing(component: "beta", gcloudText: beta))
        #expect(classify("something else broke") == .failed(command: "gcloud compute addresses create posthog --global", gcloudText: "something else broke"))
        #expect(GCloudError.classify(ProcessResult(argv: ["gcloud"], status: .timedOut(after: .seconds(60)))) == .timedOut(command: "gcloud"))
    }

    @Test func errorsMapToStaticIPObservations() {
        #expect(GCloudClient.observation(for: .notAuthenticated(gcloudText: "t")) == .notSignedIn("t"))
        #expect(GCloudClient.observation(for: .noProject(gcloudText: "p")) == .noProject("p"))
        #expect(GCloudClient.observation(for: .notInstalled(searched: [])) == .gcloudMissing)
        guard case .failed(let message, let text) = GCloudClient.observation(for: .apiDisabled(gcloudText: "api")) else {
            Issue.record("expected .failed"); return
        }
        #expect(message.contains("Compute Engine API is not enabled"))
        #expect(message.contains("gcloud services enable compute.googleapis.com"))
        #expect(text == "api")
    }
}
