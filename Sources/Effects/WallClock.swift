#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time as the program sees it: wall-clock time, a monotonic reading, and sleeping.
/// (Named apart from the standard library's `Clock` protocol to avoid ambiguity.)
public protocol WallClock: Sendable {
    /// The current wall-clock time.
    var now: Timestamp { get }
    /// A reading that never goes backwards, for measuring elapsed time.
    var monotonic: Duration { get }
    /// Suspends for a duration; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: CLOCK_REALTIME, CLOCK_MONOTONIC and `Task.sleep`.
public struct SystemClock: WallClock {
    /// Creates the clock.
    public init() {}

    /// The current wall-clock time.
    public var now: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanosecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    /// Time since an arbitrary fixed origin (boot).
    public var monotonic: Duration {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }

    /// Sleeps with `Task.sleep`.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
