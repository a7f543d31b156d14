import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Synchronization
@testable import PosthogInstallCommands

/// Collected output lines of a run.
final class OutputLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
    var text: String { all.joined(separator: "\n") }
}

/// A runner that answers some commands itself and passes the rest to another runner (the
/// simulated cluster), recording every argv.
final class InterceptingRunner: ProcessRunner, Sendable {
    typealias Answer = @Sendable (ProcessCommand, @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult?
    let inner: any ProcessRunner
    let answer: Answer
    private let log = Mutex<[[String]]>([])

    init(_ inner: any ProcessRunner, answer: @escaping Answer) { self.inner = inner; self.answer = answer }

    func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        log.withLock { $0.append(command.argv) }
        if let result = try await answer(command, onLine) { return result }
        return try await inner.run(command, onLine: onLine)
    }

    /// Every argv run so far.
    var argvs: [[String]] { log.withLock { $0 } }
}

/// PostHog installed on a simulated cluster, for the day-2 commands to work on.
struct InstalledCluster {
    static let profiles = (try? ProfileSet.all()) ?? []
    let files: InMemoryFileSystem
    let clock: FastClock
    let connection: ClusterConnection
    let cluster: SimulatedCluster

    /// Installs with `answers` (DigitalOcean, small tier by default) on `spec`.
    static func make(answers: [String] = ["--cloud", "do", "--hostname", "posthog.example.com", "--tier", "small", "--email", "ops@example.com"],
                     volumeExpansion: Bool = true) async throws -> InstalledCluster {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: 40)
        var spec = try SimulatedClusterSpec(nodes: "2x4cpu8gi")
        spec.volumeExpansion = volumeExpansion
        let cluster = SimulatedCluster(spec: spec, clock: clock, fileSystem: files)
        let connection = ClusterConnection(runner: cluster,
                                           kubectl: KubectlClient(runner: cluster, options: KubectlOptions(context: cluster.contextName)),
                                           helm: HelmClient(runner: cluster, options: HelmOptions(kubeContext: cluster.contextName)),
                                           context: cluster.contextName, simulated: true, transcript: nil, notes: [])
        let command = try InstallCommand.parse(answers + ["--simulate"])
        let lines = OutputLines()
        var run = InstallRun(files: files, profiles: profiles, secrets: SystemSecretSource(), connection: connection,
                             clock: clock, emit: { lines.append($0) })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        let code = await run.execute(command.request)
        guard code == .success else { throw InstallFailed(output: lines.text) }
        return InstalledCluster(files: files, clock: clock, connection: connection, cluster: cluster)
    }

    /// The same cluster reached through another runner (an `InterceptingRunner` around it).
    func connection(through runner: any ProcessRunner) -> ClusterConnection {
        ClusterConnection(runner: runner,
                          kubectl: KubectlClient(runner: runner, options: KubectlOptions(context: cluster.contextName)),
                          helm: HelmClient(runner: runner, options: HelmOptions(kubeContext: cluster.contextName)),
                          context: cluster.contextName, simulated: true, transcript: nil, notes: [])
    }

    struct InstallFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "the simulated install failed:\n\(output)" }
    }
}
