import Effects
import Synchronization

/// How long since a running tool last printed something; shared between the line handler and
/// the heartbeat.
final class QuietTime: Sendable {
    private let clock: any WallClock
    private let last: Mutex<Duration>

    /// Starts counting now.
    init(clock: any WallClock) {
        self.clock = clock
        last = Mutex(clock.monotonic)
    }

    /// Something was printed just now.
    func touch() { last.withLock { $0 = clock.monotonic } }

    /// The time since the last line (or since the start).
    var silence: Duration { clock.monotonic - last.withLock { $0 } }
}

/// `45s`, `2m05s`, `1h02m`: elapsed time for progress lines.
enum ElapsedText {
    /// The text for `duration`.
    static func text(_ duration: Duration) -> String {
        let seconds = max(0, Int(duration.components.seconds))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" + pad(seconds % 60) + "s" }
        return "\(seconds / 3600)h" + pad(seconds / 60 % 60) + "m"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
