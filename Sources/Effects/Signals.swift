#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// The signals the program reacts to.
public enum SignalEvent: Sendable, Hashable, CaseIterable {
    /// SIGINT (Ctrl-C): ask whether to stop, restore the terminal.
    case interrupt
    /// SIGTERM: stop cleanly.
    case terminate
    /// SIGWINCH: the terminal window changed size.
    case windowChanged
    /// SIGHUP: the terminal went away; stop as for `terminate`, without drawing.
    case hangup

    /// The POSIX signal number.
    public var number: Int32 {
        switch self {
        case .interrupt: return SIGINT
        case .terminate: return SIGTERM
        case .windowChanged: return SIGWINCH
        case .hangup: return SIGHUP
        }
    }

    /// The event for a signal number, if it is one of ours.
    public init?(number: Int32) {
        guard let event = Self.allCases.first(where: { $0.number == number }) else { return nil }
        self = event
    }
}

/// Delivers signals as values. The real one is `SystemSignals.shared`.
public protocol SignalSource: Sendable {
    /// A stream of the chosen signals; while any stream wants a signal, its default action
    /// (such as ending the process on Ctrl-C) is replaced by delivery on the stream.
    /// Ending the iteration unsubscribes.
    func events(_ signals: Set<SignalEvent>) -> AsyncStream<SignalEvent>
}

// Written once before any handler is installed; read by the handler (async-signal-safe write).
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

private func forwardSignal(_ number: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
    errno = saved
}

/// Signals through a self-pipe: the handler writes the signal number to a pipe and a dispatch
/// read source turns it into stream events. Handlers are installed only while subscribed and the
/// previous dispositions are restored afterwards; children get default dispositions at exec.
public final class SystemSignals: SignalSource, Sendable {
    /// The process-wide instance (signal dispositions are process-wide).
    public static let shared = SystemSignals()

    private struct Subscriber {
        let signals: Set<SignalEvent>
        let continuation: AsyncStream<SignalEvent>.Continuation
    }

    private struct State {
        var readEnd: Int32 = -1
        var source: (any DispatchSourceRead)?
        var subscribers: [Int: Subscriber] = [:]
        var previous: [Int32: sigaction] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "posthog-install.signals")

    private init() {}

    /// Subscribes to signals; see `SignalSource.events`.
    public func events(_ signals: Set<SignalEvent>) -> AsyncStream<SignalEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SignalEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id = state.withLock { state -> Int in
            openPipeIfNeeded(&state)
            for signal in signals where state.previous[signal.number] == nil {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = forwardSignal
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                var old = sigaction()
                if sigaction(signal.number, &action, &old) == 0 { state.previous[signal.number] = old }
            }
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(signals: signals, continuation: continuation)
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return stream
    }

    /// Whether our handler is installed for a signal (for tests and diagnostics).
    public func isHandling(_ signal: SignalEvent) -> Bool {
        state.withLock { $0.previous[signal.number] != nil }
    }

    private func unsubscribe(_ id: Int) {
        state.withLock { state in
            state.subscribers[id] = nil
            let wanted = Set(state.subscribers.values.flatMap(\.signals).map(\.number))
            for (number, old) in state.previous where !wanted.contains(number) {
                var restore = old
                sigaction(number, &restore, nil)
                state.previous[number] = nil
            }
        }
    }

    private func openPipeIfNeeded(_ state: inout State) {
        guard state.readEnd < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for fd in ends {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        signalPipeWriteEnd = ends[1]
        state.readEnd = ends[0]
        let source = DispatchSource.makeReadSource(fileDescriptor: ends[0], queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.resume()
        state.source = source
    }

    private func drain() {
        let fd = state.withLock { $0.readEnd }
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            let events = buffer[..<count].compactMap { SignalEvent(number: Int32($0)) }
            let subscribers = state.withLock { Array($0.subscribers.values) }
            for event in events {
                for subscriber in subscribers where subscriber.signals.contains(event) {
                    subscriber.continuation.yield(event)
                }
            }
        }
    }
}
