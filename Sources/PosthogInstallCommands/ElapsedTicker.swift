import Effects
import TUI

/// Keeps the wizard's "elapsed" figure moving while an operation runs: reports the seconds
/// since it started twice a second, and once more when stopped.
struct ElapsedTicker {
    private let task: Task<Void, Never>
    private let clock: any WallClock
    private let started: Duration
    private let report: @Sendable (InstallUpdate) -> Void

    /// Starts reporting now.
    init(clock: any WallClock, report: @escaping @Sendable (InstallUpdate) -> Void) {
        let started = clock.monotonic
        self.clock = clock
        self.started = started
        self.report = report
        task = Task {
            while !Task.isCancelled {
                report(.elapsed(Int((clock.monotonic - started).components.seconds), now: clock.now))
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// Stops, reporting the final figure.
    func stop() {
        task.cancel()
        report(.elapsed(Int((clock.monotonic - started).components.seconds), now: clock.now))
    }
}
