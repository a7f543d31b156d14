import ArgumentParser
import Testing
@testable import PosthogInstallCommands

/// Which command gets which flag: the wizard's `--simulate` must not swallow a subcommand's.
@Suite struct CommandLineParsingTests {
    private func simulate(_ arguments: [String]) throws -> (simulate: Bool, nodes: String?) {
        let command = try PosthogInstall.parseAsRoot(arguments)
        switch command {
        case let c as InstallCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as UpgradeCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as UninstallCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as StatusCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as TLSCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as InfoCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as ResizeCommand: return (c.clusterOptions.simulate, c.clusterOptions.simulateNodes)
        case let c as WizardSubcommand: return (c.simulate, c.simulateNodes)
        default: Issue.record("unexpected command \(type(of: command))"); return (false, nil)
        }
    }

    @Test(arguments: ["install", "upgrade", "uninstall", "status", "tls", "info"])
    func subcommandKeepsItsSimulateFlags(_ name: String) throws {
        let parsed = try simulate([name, "--simulate", "--simulate-nodes", "3x4cpu16gi"])
        #expect(parsed.simulate)
        #expect(parsed.nodes == "3x4cpu16gi")
    }

    @Test func resizeKeepsItsSimulateFlag() throws {
        #expect(try simulate(["resize", "--clickhouse", "200Gi", "--simulate"]).simulate)
    }

    @Test func noCommandRunsTheWizardWithItsFlags() throws {
        #expect(try PosthogInstall.parseAsRoot([]) is WizardSubcommand)
        let parsed = try simulate(["--simulate-nodes", "1x2cpu2gi"])
        #expect(parsed.nodes == "1x2cpu2gi")
        #expect(try simulate(["--simulate"]).simulate)
        #expect(try simulate(["install"]).simulate == false)
    }
}
