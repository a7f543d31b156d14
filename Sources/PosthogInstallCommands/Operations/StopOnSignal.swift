import Effects

/// Runs work that only watches (a `status --watch`, a port forward) until it ends or the person
/// stops it with Ctrl-C, SIGTERM or SIGHUP. The work is cancelled, which stops its kubectl
/// children; nothing in the cluster is changed by stopping, so there is nothing to undo.
enum StopOnSignal {
    /// How the work ended.
    enum Outcome<Value: Sendable>: Sendable {
        /// It finished by itself.
        case finished(Value)
        /// A signal stopped it.
        case stopped(SignalEvent)
    }

    /// The signals that stop a watch.
    static let stopping: Set<SignalEvent> = [.interrupt, .terminate, .hangup]

    /// Runs `body` until it returns or a stopping signal arrives.
    static func run<Value: Sendable>(_ signals: any SignalSource,
                                     _ body: @escaping @Sendable () async throws -> Value) async throws -> Outcome<Value> {
        let stream = signals.events(stopping)
        return try await withThrowingTaskGroup(of: Outcome<Value>?.self) { group in
            group.addTask { .finished(try await body()) }
            group.addTask {
                for await signal in stream { return .stopped(signal) }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let next { return next }
            }
            throw CancellationError()
        }
    }

    /// "Ctrl-C", "SIGTERM" or "SIGHUP", for the message saying what stopped the command.
    static func name(_ signal: SignalEvent) -> String {
        switch signal {
        case .interrupt: return "Ctrl-C"
        case .terminate: return "SIGTERM"
        case .hangup: return "SIGHUP (the terminal closed)"
        case .windowChanged: return "SIGWINCH"
        }
    }
}
