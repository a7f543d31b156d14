/// Real time sped up by a factor, for demonstrations and end-to-end tests of the simulated
/// cluster: sleeping 2 s takes 2/factor s, and `now` and `monotonic` advance `factor` times
/// faster. A factor of 1 is the system clock.
public struct ScaledClock: WallClock {
    private let base = SystemClock()
    private let startMonotonic: Duration
    private let startNow: Timestamp
    /// How many times faster than real time.
    public let factor: Int

    /// A clock running `factor` times faster than real time from now on.
    public init(factor: Int) {
        self.factor = max(1, factor)
        startMonotonic = base.monotonic
        startNow = base.now
    }

    /// The factor from an environment value (`20`), or nil when it is missing or not a whole number from 1 to 1000.
    public static func factor(fromEnvironment value: String?) -> Int? {
        guard let value, let factor = Int(value), (1...1000).contains(factor) else { return nil }
        return factor
    }

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
