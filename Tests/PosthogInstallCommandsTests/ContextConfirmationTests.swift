import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// A script changes a real cluster only when it was named with --context or accepted with --yes.
@Suite struct ContextConfirmationTests {
    let real = ClusterConnection.real(context: nil, runner: ScriptedRunner(), paths: TestConnections.paths)

    @Test func anUnnamedRealClusterIsRefusedWithTheCommandToRunInstead() {
        #expect(real.unconfirmedContextRefusal(requested: nil, yes: false, context: "prod", action: "install into")
                == "Error: this would install into kubectl's current context prod. Run again with --context prod (or --yes) to confirm that is the cluster you mean.")
    }

    @Test func contextOrYesOrTheSimulationLetItGoAhead() throws {
        #expect(real.unconfirmedContextRefusal(requested: "prod", yes: false, context: "prod", action: "install into") == nil)
        #expect(real.unconfirmedContextRefusal(requested: nil, yes: true, context: "prod", action: "install into") == nil)
        let simulated = try TestConnections.simulated(clock: FastClock(factor: 1), files: InMemoryFileSystem())
        #expect(simulated.unconfirmedContextRefusal(requested: nil, yes: false, context: nil, action: "install into") == nil)
    }
}
