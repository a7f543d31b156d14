import Effects
import Synchronization

/// A terminal probe that reports whatever the test sets.
public final class FixedTerminalProbe: TerminalProbe, Sendable {
    private let current: Mutex<TerminalFacts>

    /// Creates a probe; defaults to an interactive 80×24 UTF-8 xterm.
    public init(_ facts: TerminalFacts = TerminalFacts(
        inputIsTerminal: true, outputIsTerminal: true, size: TerminalSize(columns: 80, rows: 24),
        environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])) {
        current = Mutex(facts)
    }

    /// The facts set last.
    public func facts() -> TerminalFacts { current.withLock { $0 } }

    /// Changes the reported size (pair with `ManualSignalSource.send(.windowChanged)`).
    public func resize(to size: TerminalSize) { current.withLock { $0.size = size } }

    /// Replaces all facts.
    public func set(_ facts: TerminalFacts) { current.withLock { $0 = facts } }
}

/// A signal source the test fires by hand.
public final class ManualSignalSource: SignalSource, Sendable {
    private struct Subscriber {
        let signals: Set<SignalEvent>
        let continuation: AsyncStream<SignalEvent>.Continuation
    }

    private let subscribers = Mutex<[Int: Subscriber]>([:])
    private let nextID = Mutex(0)

    /// Creates a source with no subscribers.
    public init() {}

    /// Subscribes; see `SignalSource.events`.
    public func events(_ signals: Set<SignalEvent>) -> AsyncStream<SignalEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SignalEvent.self)
        let id = nextID.withLock { $0 += 1; return $0 }
        subscribers.withLock { $0[id] = Subscriber(signals: signals, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }

    /// How many streams are subscribed.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Delivers a signal to every stream that wants it.
    public func send(_ event: SignalEvent) {
        for subscriber in subscribers.withLock({ Array($0.values) }) where subscriber.signals.contains(event) {
            subscriber.continuation.yield(event)
        }
    }
}
