import Effects
import Foundation
import Installer
import PosthogTestSupport
import Synchronization
import Testing
@testable import PosthogInstallCommands

/// `posthog-install uninstall` on the simulated cluster: confirmation, leftovers, namespace.
@Suite struct UninstallCommandTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 20)
    let connection: ClusterConnection

    init() throws {
        connection = try TestConnections.simulated(clock: clock, files: files)
    }

    func install() async throws {
        let command = try InstallCommand.parse(InstallCommandTests.answers + ["--simulate"])
        var run = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
                             connection: connection, clock: clock, emit: { _ in })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        #expect(await run.execute(command.request) == .success)
    }

    func uninstall(_ arguments: [String], answers: [Bool]? = nil) async throws -> (ToolExitCode, String, [String]) {
        let command = try UninstallCommand.parse(arguments + ["--simulate"])
        let lines = InstallCommandTests.Lines()
        let person = Person(replies: answers ?? [])
        var ask: (@Sendable (String) -> Bool)?
        if answers != nil { ask = { @Sendable question in person.answer(question) } }
        let run = UninstallRun(connection: connection, clock: clock, ask: ask, emit: { lines.append($0) })
        let code = await run.execute(command.request)
        return (code, lines.text, person.questions)
    }

    /// Answers questions from a list and remembers them.
    final class Person: Sendable {
        private let state: Mutex<(replies: [Bool], asked: [String])>
        init(replies: [Bool]) { state = Mutex((replies, [])) }
        func answer(_ question: String) -> Bool {
            state.withLock { s in
                s.asked.append(question)
                return s.replies.isEmpty ? false : s.replies.removeFirst()
            }
        }
        var questions: [String] { state.withLock { $0.asked } }
    }

    @Test func withoutATerminalOrYesNothingIsRemoved() async throws {
        try await install()
        let (code, out, _) = try await uninstall([])
        #expect(code == .badInput)
        #expect(out.contains("Nothing was changed: confirm with --yes"))
        #expect(try await connection.helm.installedRelease("posthog", namespace: "posthog") != nil)
    }

    @Test func answeringNoStopsWithExit3() async throws {
        try await install()
        let (code, _, asked) = try await uninstall([], answers: [false])
        #expect(code == .stopped)
        #expect(asked.first?.hasPrefix("Uninstall PostHog (release posthog) from namespace posthog in context posthog-simulated?") == true)
        #expect(try await connection.helm.installedRelease("posthog", namespace: "posthog") != nil)
    }

    @Test func theVolumesLeftBehindAreListedWithTheirSize() async throws {
        try await install()
        let (code, out, _) = try await uninstall(["--yes"])
        #expect(code == .success, "\(out)")
        #expect(out.contains("release \"posthog\" uninstalled"))
        #expect(out.contains("Left behind:"))
        #expect(out.contains("PersistentVolumeClaim data-posthog-posthog-postgresql-0"), "\(out)")
        #expect(out.contains("still hold PostHog's data and keep costing money"))
        #expect(out.hasSuffix("To remove them too: posthog-install uninstall --delete-namespace --simulate"))
        #expect(try await connection.helm.installedRelease("posthog", namespace: "posthog") == nil)
        #expect(try await connection.kubectl.namespaceExists("posthog"))
    }

    @Test func deletingTheNamespaceIsConfirmedSeparately() async throws {
        try await install()
        let (code, out, asked) = try await uninstall(["--delete-namespace"], answers: [true, true])
        #expect(code == .success, "\(out)")
        #expect(asked.count == 2)
        #expect(asked.last?.hasPrefix("Delete namespace posthog with everything listed above?") == true)
        #expect(out.hasSuffix("Namespace posthog is gone, with its volumes and secrets."))
        #expect(try await connection.kubectl.namespaceExists("posthog") == false)
    }

    @Test func aDryRunShowsThePlanOnly() async throws {
        try await install()
        let (code, out, _) = try await uninstall(["--delete-namespace", "--dry-run"])
        #expect(code == .success)
        #expect(out.contains("  - Uninstall release posthog from namespace posthog: helm uninstall posthog --namespace posthog"))
        #expect(out.contains("  - Delete namespace posthog with its volumes and secrets: kubectl delete namespace posthog"))
        #expect(try await connection.helm.installedRelease("posthog", namespace: "posthog") != nil)
    }
}
