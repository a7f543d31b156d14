#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                if !Self.detach(stackSize: 1 << 20, { gate.resume(work()) }) { gate.resume(work()) }
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

    /// Starts `body` on a new detached thread; false when no thread can be had.
    private static func detach(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Bool {
        final class Box: Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        if started != 0 { Unmanaged<Box>.fromOpaque(context).release() }
        return started == 0
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
