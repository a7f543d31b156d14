import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Synchronization

/// `kubectl port-forward POD 9090` started from the wizard's connection-details screen: runs in
/// a task the session keeps until the screen is left (or `p` is pressed again), and remembers
/// whether kubectl says it forwards or why it ended.
final class WizardPrometheusForward: Sendable {
    /// Where the forward is.
    enum Status: Sendable, Hashable {
        /// Started; kubectl has not said it forwards yet.
        case starting
        /// kubectl printed `Forwarding from …`.
        case forwarding
        /// It ended, with why.
        case ended(String)
    }

    /// The Prometheus server pod.
    let pod: String
    /// The kubectl command.
    let argv: [String]
    private let state = Mutex<Status>(.starting)

    init(pod: String, namespace: String, context: String?) {
        self.pod = pod
        self.argv = PrometheusAccess.portForwardArgv(pod: pod, namespace: namespace, context: context)
    }

    /// Where the forward is now.
    var status: Status { state.withLock { $0 } }

    /// Starts kubectl through `runner`; cancelling the task ends the forward.
    func start(runner: any ProcessRunner) -> Task<Void, Never> {
        let argv = self.argv
        return Task {
            guard let executable = argv.first else { return }
            // A forward runs as long as the person wants; the timeout is only a backstop.
            let command = ProcessCommand(executable, Array(argv.dropFirst()), timeout: .seconds(7 * 24 * 3600))
            do {
                let result = try await runner.run(command) { line in
                    if line.text.hasPrefix("Forwarding from") { self.state.withLock { if $0 == .starting { $0 = .forwarding } } }
                }
                let why =
                    result.status.isSuccess
                    ? "kubectl port-forward exited"
                    : "kubectl port-forward failed: \(result.lastErrorLine ?? result.status.description)"
                state.withLock { $0 = .ended(why) }
            } catch is CancellationError {
                state.withLock { $0 = .ended("stopped") }
            } catch {
                state.withLock { $0 = .ended("kubectl port-forward could not start: \(error)") }
            }
        }
    }

    /// Waits (up to `limit`, real time) until kubectl says it forwards or the forward ends.
    func settle(within limit: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while status == .starting, clock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
