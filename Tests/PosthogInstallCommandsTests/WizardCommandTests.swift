import Effects
import Installer
import PosthogTestSupport
import Testing
import TUI
@testable import PosthogInstallCommands

@Suite struct WizardCommandTests {
    struct FixedSecrets: SecretSource {
        func secret(length: Int) -> String { String(repeating: "k", count: length) }
    }

    static func command(files: InMemoryFileSystem = InMemoryFileSystem()) throws -> WizardCommand {
        WizardCommand(files: files, runner: ScriptedRunner(), secrets: FixedSecrets(), profiles: try ProfileSet.all())
    }

    @Test func withoutATerminalItPointsToTheHeadlessCommands() {
        let message = WizardCommand.headlessAdvice(problem: "standard output is not a terminal")
        #expect(message.contains("standard output is not a terminal"))
        #expect(message.contains("posthog-install values --cloud"))
        #expect(message.contains("posthog-install install"))
    }

    @Test func theReviewShowsTheFileTheCommandsAndWritesWhatItShowed() async throws {
        let files = InMemoryFileSystem()
        let command = try Self.command(files: files)
        let state = try command.initialState()
        #expect(state.profile.id == "chart-30")
        let sheet = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])
        let event = await command.preview(sheet, profile: state.profile)
        guard case .previewReady(let preview) = event else {
            Issue.record("no preview: \(event)")
            return
        }
        #expect(preview.values.contains("hostname: posthog.example.com"))
        #expect(preview.existing == nil)
        #expect(preview.commands.last?.starts(with: ["helm", "install", "-f", "values.yaml"]) == true)
        _ = try command.write(sheet, profile: state.profile)
        #expect(try files.readString("values.yaml") == preview.values, "the file written is the one reviewed")
        #expect(files.exists("answers.yaml"))
        let again = try Self.command(files: files).initialState()
        #expect(again.answers["hostname"] == "posthog.example.com", "the next run starts from the saved answers")
    }

    @Test func theReviewPinsTheChartVersionAnswered() async throws {
        let command = try Self.command()
        let profile = try command.initialState().profile
        var sheet = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])
        guard case .previewReady(let newest) = await command.preview(sheet, profile: profile) else {
            Issue.record("no preview")
            return
        }
        #expect(newest.commands.last?.suffix(2) == ["--version", profile.chart.defaultVersion], "\(newest.commands)")
        sheet.answers["chart-version"] = "30.40.0"
        sheet.enabledSections.insert("advanced")
        guard case .previewReady(let pinned) = await command.preview(sheet, profile: profile) else {
            Issue.record("no preview")
            return
        }
        #expect(
            pinned.commands.last?.suffix(2) == ["--version", "30.40.0"], "the command shown is the one that will run: \(pinned.commands)")
    }

    @Test func changingHTTPOnlyToHTTPSInTheWizardDropsLetsEncryptOff() async throws {
        let files = InMemoryFileSystem()
        let profile = try Self.command(files: files).initialState().profile
        let off = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "off", "tier": "small"])
        _ = try Self.command(files: files).write(off, profile: profile)
        #expect(try files.readString("values.yaml").contains("letsencrypt: false"))
        // The next run of the wizard starts from the saved answers; the person switches to HTTPS.
        let command = try Self.command(files: files)
        var on = off
        on.answers["tls"] = "on"
        guard case .previewReady(let preview) = await command.preview(on, profile: profile) else {
            Issue.record("no preview")
            return
        }
        #expect(!preview.values.contains("letsencrypt: false"), "the review's diff takes it out:\n\(preview.values)")
        #expect(!preview.values.contains("redirectToTLS: false"))
        _ = try command.write(on, profile: profile)
        #expect(!(try files.readString("values.yaml")).contains("letsencrypt"), "the file written asks for a certificate again")
    }

    @Test func anExistingFileIsUpgraded() throws {
        let commands = WizardCommand.plannedCommands(profile: try ProfileSet(id: "chart-30"), valuesPath: "values.yaml", upgrade: true)
        #expect(
            commands[2] == [
                "helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog",
                "posthog", "posthog/posthog", "--version", "30.46.0",
            ])
        let install = WizardCommand.plannedCommands(profile: try ProfileSet(id: "chart-30"), valuesPath: "values.yaml", upgrade: false)
        #expect(install[0] == ["helm", "repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"])
        #expect(install[2].prefix(2) == ["helm", "install"] && install[2].suffix(2) == ["--version", "30.46.0"])
    }
}
