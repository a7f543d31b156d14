import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Synchronization
import Testing
import TUI
@testable import PosthogInstallCommands

/// HTTPS for a 1-click install ends on the DNS record like an install does: its screen goes on
/// checking DNS and HTTPS, `r` checks again, and leaving the screen stops the checks.
@Suite struct WizardTaskChecksTests {
    typealias Checks = WizardPostInstallChecksTests

    @Test func theHTTPSJobsScreenGoesOnChecking() async throws {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: 50)
        let (connection, ip) = try await WizardTaskSessionTests.oneClick(files: files, clock: clock)
        let choice = WizardClusterProbe.Choice(
            info: ClusterInfo(simulated: true, context: connection.context, detail: "2 nodes"),
            simulatedNodes: "2x4cpu8gi")
        let command = WizardCommand(
            files: files, runner: ScriptedRunner(), secrets: WizardCommandTests.FixedSecrets(),
            profiles: InstalledCluster.profiles)
        let checks = WizardPostInstallChecks(
            resolvers: [Checks.FixedResolver(name: "system", addresses: [ip])],
            probe: Checks.FixedProbe(result: TLSHandshakeResult(connected: false)))
        let session = WizardTaskSession(
            command: command,
            environment: .init(
                cluster: Task { choice }, clock: clock, runner: ScriptedRunner(), paths: TestConnections.paths,
                simulatedState: .inMemory, patience: .seconds(36_000), checks: checks), connection: connection)

        let (stream, continuation) = AsyncStream.makeStream(of: InstallUpdate.self)
        let runs = Mutex(0)
        session.run(.oneClickTLS, TaskInputs(fields: ["hostname": "posthog.example.com"]), context: "posthog-simulated") { update in
            continuation.yield(update)
            if case .checks = update,
                runs.withLock({
                    $0 += 1
                    return $0
                }) == 2
            {
                continuation.finish()
            }
        }
        var state = InstallState(task: .oneClickTLS)
        var recheckAsked = false
        for await update in stream {
            state = state.applying(update)
            if case .checks = update, !recheckAsked {
                recheckAsked = true
                session.recheck()  // the `r` key: a second run at once, not after the interval
            }
        }
        session.stop(.oneClickTLS)
        #expect(state.ended && state.failure == nil)
        #expect(state.phase == .done)
        #expect(state.post?.runs == 2)
        #expect(state.post?.checks.contains { $0.label == "DNS" && $0.status == .ok } == true, "\(state.post?.checks ?? [])")
        #expect(state.post?.checks.contains { $0.label == "HTTPS" } == true)
    }
}
