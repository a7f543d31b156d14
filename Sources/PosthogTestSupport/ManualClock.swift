import Effects
import Synchronization

/// A clock that moves only when a test calls `advance(by:)`; sleepers wake when their time comes.
public final class ManualClock: WallClock, Sendable {
    private struct Sleeper {
        let id: Int
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var monotonic: Duration = .seconds(1000)
        var sleepers: [Sleeper] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// Creates a clock showing `now` (default 2026-11-24T21:40:03Z).
    public init(now: Timestamp = Timestamp(year: 2026, month: 11, day: 24, hour: 21, minute: 40, second: 3)) {
        state = Mutex(State(now: now))
    }

    /// The current (manual) wall-clock time.
    public var now: Timestamp { state.withLock { $0.now } }

    /// The current (manual) monotonic reading.
    public var monotonic: Duration { state.withLock { $0.monotonic } }

    /// How many tasks are sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until the clock is advanced past the deadline; throws when cancelled.
    public func sleep(for duration: Duration) async throws {
        if duration <= .zero { return }
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state -> Bool in
                    if Task.isCancelled { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: state.monotonic + duration, continuation: continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves both readings forward and wakes the sleepers whose time has come, earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.monotonic += duration
            state.now = state.now + duration
            let ready = state.sleepers.filter { $0.deadline <= state.monotonic }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= state.monotonic }
            return ready
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Sets the wall-clock time (the monotonic reading is unchanged).
    public func setNow(_ timestamp: Timestamp) {
        state.withLock { $0.now = timestamp }
    }

    /// Waits (in real time, up to `limit`) until at least `count` tasks sleep on this clock.
    @discardableResult
    public func waitForSleepers(_ count: Int, limit: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while sleeperCount < count {
            if ContinuousClock.now > deadline { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}
