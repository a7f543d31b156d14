import Effects

/// Real time sped up by a factor: sleeping 2 s takes 2/factor s, and `now` and `monotonic`
/// advance `factor` times faster. Lets a whole simulated install run in a test in seconds.
public struct FastClock: WallClock {
    private let base = SystemClock()
    private let startMonotonic: Duration
    private let startNow: Timestamp
    /// How many times faster than real time.
    public let factor: Int

    /// Creates a clock running `factor` times faster than real time from now on.
    public init(factor: Int) {
        self.factor = max(1, factor)
        startMonotonic = base.monotonic
        startNow = base.now
    }

    /// Scaled elapsed time since creation.
    private var elapsed: Duration { (base.monotonic - startMonotonic) * factor }

    /// The scaled wall-clock time.
    public var now: Timestamp {
        let (seconds, attoseconds) = elapsed.components
        return Timestamp(nanosecondsSinceEpoch: startNow.nanosecondsSinceEpoch + seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The scaled monotonic reading.
    public var monotonic: Duration { startMonotonic + elapsed }

    /// Sleeps a `factor`-th of `duration` in real time.
    public func sleep(for duration: Duration) async throws {
        try await base.sleep(for: duration / factor)
    }
}
