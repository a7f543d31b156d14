import Installer
import Kube
import Synchronization
import TUI

/// The DNS and HTTPS checks of a screen with a DNS record (the Installed screen, a job's end):
/// run now, every few seconds, and at once on `recheck()` (the `r` key), until `stop()`.
final class WizardCheckLoop: Sendable {
    let checks: WizardPostInstallChecks
    let interval: Duration
    private let signal = Mutex<AsyncStream<Void>.Continuation?>(nil)

    init(checks: WizardPostInstallChecks, interval: Duration = .seconds(5)) {
        self.checks = checks
        self.interval = interval
    }

    /// Runs until stopped or cancelled, reporting each run's checks.
    func run(record: DNSRecord, https: Bool, cloud: Cloud, simulated: Bool, report: @escaping @Sendable (InstallUpdate) -> Void) async {
        let (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal.withLock {
            $0?.finish()
            $0 = continuation
        }
        let interval = interval
        let timer = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield()
            }
        }
        defer { timer.cancel() }
        continuation.yield()
        for await _ in signals {
            if Task.isCancelled { break }
            report(.checks(await checks.run(record: record, https: https, cloud: cloud, simulated: simulated)))
        }
    }

    /// Runs the checks again now.
    func recheck() { _ = signal.withLock { $0?.yield() } }

    /// Ends the loop.
    func stop() {
        signal.withLock {
            $0?.finish()
            $0 = nil
        }
    }
}
