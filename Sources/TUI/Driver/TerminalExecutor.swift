import Dispatch

/// The thread the wizard's loop runs on: its own serial queue, outside Swift's cooperative
/// pool. Reading a key waits up to 50 ms at a time (curses needs a timed read to tell a bare
/// Esc from a sequence and to notice closed input); on a pool thread that wait would hold one
/// of the few threads (two on a two-CPU machine) the install, the cluster watch and the
/// previews run on. Everything curses does stays on this one queue, as curses requires.
final class TerminalExecutor: TaskExecutor, SerialExecutor {
    /// The one terminal queue of the process.
    static let shared = TerminalExecutor()

    /// The queue's label (shown by debuggers and crash reports).
    static let label = "posthog-install.terminal"

    private let queue = DispatchQueue(label: TerminalExecutor.label)
    private static let marker = DispatchSpecificKey<Bool>()

    private init() {
        queue.setSpecific(key: Self.marker, value: true)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(isolatedTo: self.asUnownedSerialExecutor(), taskExecutor: self.asUnownedTaskExecutor())
        }
    }

    /// Whether the caller runs on the terminal queue.
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }
}
