import ArgumentParser
import Testing
@testable import PosthogInstallCommands

/// Usage errors end with the documented exit code 2 (not ArgumentParser's 64), on standard
/// error, with a suggestion for a mistyped command.
@Suite struct CommandLineEndingTests {
    private func ending(_ arguments: [String]) -> CommandLineEnding? {
        do {
            _ = try PosthogInstall.parseAsRoot(arguments)
            return nil
        } catch {
            return CommandLineEnding.make(for: error, arguments: arguments)
        }
    }

    @Test(arguments: [
        ["install", "--bogus"], ["install", "--tier"], ["status", "extra"], ["values", "--cloud"],
        ["status", "--namespace", "Bad_NS"], ["info", "--release", "UPPER!"], ["uninstall", "--namespace", ""],
        ["resize", "--release", "-x"], ["instal"], ["stauts", "--simulate"],
    ])
    func usageErrorsExitTwoOnStandardError(_ arguments: [String]) throws {
        let end = try #require(ending(arguments))
        #expect(end.code == 2)
        #expect(!end.toStandardOutput)
        #expect(end.text.hasPrefix("Error:"))
    }

    @Test func aMistypedCommandGetsTheNearestOne() throws {
        #expect(try #require(ending(["instal"])).text.contains("Did you mean 'install'?"))
        #expect(try #require(ending(["stauts"])).text.contains("Did you mean 'status'?"))
        #expect(try #require(ending(["upgarde", "--yes"])).text.contains("Did you mean 'upgrade'?"))
        let unknown = try #require(ending(["frobnicate"]))
        #expect(!unknown.text.contains("Did you mean"))
        #expect(unknown.text.contains("Commands: wizard, install"))
    }

    @Test func helpIsNotAnErrorAndGoesToStandardOutput() throws {
        // `--help` parses to ArgumentParser's help command, whose run throws the help text.
        var help = try PosthogInstall.parseAsRoot(["install", "--help"])
        let thrown = #expect(throws: (any Error).self) { try help.run() }
        let end = CommandLineEnding.make(for: try #require(thrown), arguments: ["install", "--help"])
        #expect(end.code == 0)
        #expect(end.toStandardOutput)
        #expect(end.text.contains("--node-pool-autoscales"))
    }

    @Test func aCommandsOwnExitCodeIsKept() {
        let end = CommandLineEnding.make(for: ToolExitCode.preflightBlocked.exitCode, arguments: ["install"])
        #expect(end.code == 4)
        #expect(end.text.isEmpty)
    }

    @Test func editDistance() {
        #expect(SubcommandSuggestion.editDistance("instal", "install") == 1)
        #expect(SubcommandSuggestion.editDistance("", "abc") == 3)
        #expect(SubcommandSuggestion.suggestions(for: "templte") == ["template"])
    }
}
