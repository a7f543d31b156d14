import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Runs kubectl and helm for the wizard on a real cluster. helm commands that change the
/// release (install, upgrade, uninstall) write their output to files in the state directory
/// and can be detached: when the person stops watching, helm goes on in the background
/// instead of being stopped half-way (which would leave a failed release behind).
final class WizardHelmRunner: ProcessRunner {
    private let base: any ProcessRunner
    private let directory: String
    private let files: any FileSystem
    private let detachSwitch = DetachSwitch()
    private let running = Mutex<Running?>(nil)

    /// A helm command in progress: its command line and where its output goes.
    struct Running: Sendable, Equatable {
        /// `helm install …`.
        var commandLine: String
        /// The file its standard output is appended to.
        var outputFile: String
        /// Set once the command was left running.
        var pid: Int32?
    }

    /// A runner over `base`; helm's output files go to `directory` (created when needed).
    init(base: any ProcessRunner, directory: String, files: any FileSystem) {
        self.base = base
        self.directory = directory
        self.files = files
    }

    /// The helm command running now, if any.
    var helmRunning: Running? { running.withLock { $0 } }

    /// Stops waiting for the running helm command and leaves it running; returns it.
    func detach() async -> Running? {
        guard running.withLock({ $0 }) != nil else { return nil }
        detachSwitch.detach()
        // The runner notices within 50 ms and reports the process it left running.
        for _ in 0..<40 {
            if let left = running.withLock({ $0 }), left.pid != nil { return left }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return running.withLock { $0 }
    }

    func run(_ command: ProcessCommand, onLine: @escaping @Sendable (OutputLine) -> Void) async throws -> ProcessResult {
        guard WizardInstallBridge.runsHelmRelease(command.argv), (try? files.makeDirectories(directory, mode: 0o700)) != nil else {
            return try await base.run(command, onLine: onLine)
        }
        var detachable = command
        let stamp = Int(Date().timeIntervalSince1970)
        let name = "helm-\(command.arguments.first ?? "run")-\(stamp)"
        let output = OutputFiles(standardOutput: joinPath(directory, name + ".out"), standardError: joinPath(directory, name + ".err"))
        detachable.outputFiles = output
        detachable.detachSwitch = detachSwitch
        running.withLock { $0 = Running(commandLine: command.displayString, outputFile: output.standardOutput) }
        let result = try await base.run(detachable, onLine: onLine)
        if case .detached(let pid) = result.status {
            running.withLock { $0?.pid = pid }
        } else {
            running.withLock { $0 = nil }
        }
        return result
    }
}
