import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C during a cluster operation. helm runs in its own session, so the terminal's Ctrl-C
/// never reaches it; the person chooses: a second Ctrl-C within a few seconds stops helm too,
/// otherwise this program exits and helm goes on in the cluster, where `status --watch` picks up.
struct InterruptGuard: Sendable {
    /// How the operation ended.
    enum Outcome: Sendable, Equatable {
        /// It ran to the end with this code.
        case finished(ToolExitCode)
        /// Ctrl-C once: exit now and leave helm running.
        case leftRunning
        /// Ctrl-C twice (or SIGTERM): the operation and its helm were stopped.
        case stopped
    }

    private final class State: Sendable {
        let interrupts = Mutex<(count: Int, firstAt: Duration?)>((0, nil))
    }

    let signals: any SignalSource
    let clock: any WallClock
    /// How long the first Ctrl-C waits for a second one.
    var window: Duration = .seconds(5)
    let emit: @Sendable (String) -> Void

    /// Runs `body`, watching for SIGINT/SIGTERM.
    func run(_ body: @escaping @Sendable () async -> ToolExitCode) async -> Outcome {
        // The result also comes through a stream: waiting on a stream ends when the wait is
        // cancelled, waiting on the task would not (and a person leaving helm running must not wait).
        let (done, finished) = AsyncStream.makeStream(of: ToolExitCode.self)
        let work = Task {
            let code = await body()
            finished.yield(code)
            finished.finish()
            return code
        }
        let state = State()
        let stream = signals.events([.interrupt, .terminate, .hangup])
        let clock = self.clock, window = self.window, emit = self.emit
        let listener = Task {
            for await signal in stream {
                let count = state.interrupts.withLock { s -> Int in
                    s.count += signal == .interrupt ? 1 : 2  // SIGTERM and SIGHUP stop at once
                    if s.firstAt == nil { s.firstAt = clock.monotonic }
                    return s.count
                }
                if count == 1 {
                    emit("")
                    emit("Ctrl-C: press it again within \(window.components.seconds) s to stop now, helm included (the install may be left half done).")
                    emit("Otherwise posthog-install exits and leaves helm working in the cluster; `posthog-install status --watch` follows it.")
                } else {
                    work.cancel()
                }
            }
        }
        defer { listener.cancel() }
        return await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                for await code in done { return .finished(code) }
                return nil
            }
            group.addTask {
                while !Task.isCancelled {
                    let (count, firstAt) = state.interrupts.withLock { ($0.count, $0.firstAt) }
                    if count >= 2 {
                        _ = await work.value
                        return .stopped
                    }
                    if count == 1, let firstAt, clock.monotonic - firstAt >= window { return .leftRunning }
                    try? await clock.sleep(for: .milliseconds(100))
                }
                return nil
            }
            var outcome: Outcome = .stopped
            for await result in group {
                guard let result else { continue }
                outcome = result
                break
            }
            group.cancelAll()
            if case .finished(let code) = outcome, state.interrupts.withLock({ $0.count }) >= 2 {
                // Cancelled by the second Ctrl-C: report it as stopped, whatever the code.
                _ = code
                return .stopped
            }
            return outcome
        }
    }
}

extension InterruptGuard {
    /// Runs a command's operation with Ctrl-C handled as described above, printing what
    /// happened; after `.leftRunning` the process exits at once (code 3) so helm goes on.
    static func runCommand(connection: ClusterConnection, followUp: FollowUpCommands? = nil,
                           _ body: @escaping @Sendable () async -> ToolExitCode) async -> ToolExitCode {
        let guardian = InterruptGuard(signals: SystemSignals.shared, clock: SystemClock(), emit: { Console.standard.line($0) })
        let next = followUp ?? FollowUpCommands(context: connection.context, simulated: connection.simulated)
        switch await guardian.run(body) {
        case .finished(let code):
            connection.printLogLocation(after: code)
            return code
        case .leftRunning:
            Console.standard.line("posthog-install stopped; anything helm had started keeps going in the cluster.")
            Console.standard.line("Follow it with: \(next.watchStatus)")
            exit(ToolExitCode.stopped.rawValue)
        case .stopped:
            Console.standard.line("Stopped, helm included. What was already created stays: `\(next.posthogInstall("status"))` shows it; "
                  + "`\(next.posthogInstall("uninstall"))` removes it.")
            return .stopped
        }
    }
}
