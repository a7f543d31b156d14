import Foundation
import Synchronization

/// Runs blocking system calls (getaddrinfo, connect, a TLS handshake) on their own thread so
/// they never hold a Swift concurrency thread, and stops waiting for them after a timeout or
/// when the calling task is cancelled. The work itself is written with deadlines, so its
/// thread ends soon after; getaddrinfo cannot be interrupted and finishes in the background.
enum BlockingWork {
    /// `work()`'s result, or `onTimeout` when it takes longer than `timeout` or the task is cancelled.
    static func run<T: Sendable>(timeout: Duration, onTimeout: T, _ work: @escaping @Sendable () -> T) async -> T {
        let gate = Gate<T>()
        let timer = Mutex<Task<Void, Never>?>(nil)
        let value = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                gate.install(continuation)
                let thread = Thread { gate.resume(work()) }
                thread.stackSize = 1 << 20
                thread.start()
                timer.withLock {
                    $0 = Task {
                        try? await Task.sleep(for: timeout)
                        gate.resume(onTimeout)
                    }
                }
            }
        } onCancel: {
            gate.resume(onTimeout)
        }
        timer.withLock { $0?.cancel() }
        return value
    }

    /// Resumes a continuation exactly once; a value that arrives before the continuation is
    /// installed (cancellation) is kept and delivered on install.
    final class Gate<T: Sendable>: Sendable {
        private struct State: ~Copyable {
            var continuation: CheckedContinuation<T, Never>?
            var early: T?
            var done = false
        }
        private let state = Mutex(State())

        func install(_ continuation: CheckedContinuation<T, Never>) {
            let early: T? = state.withLock { s in
                if s.done, let value = s.early { s.early = nil; return value }
                s.continuation = continuation
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }

        func resume(_ value: T) {
            let continuation: CheckedContinuation<T, Never>? = state.withLock { s in
                guard !s.done else { return nil }
                s.done = true
                guard let c = s.continuation else { s.early = value; return nil }
                s.continuation = nil
                return c
            }
            continuation?.resume(returning: value)
        }
    }
}
