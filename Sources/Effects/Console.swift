#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The headless commands' standard output and standard error, written line by line as things
/// happen, whatever they are connected to.
///
/// C's stdio buffers a pipe or a file in 4 KB blocks, so a CI log would stay empty until the
/// program ends (and lose everything to a kill). Here each line is one `write(2)` call. A reader
/// that went away (`install | head`, or Ctrl-C ending both sides of `install | cat`) makes the
/// write fail with EPIPE instead of ending the program with SIGPIPE (exit 141): the lines that
/// follow, such as what state was left and the next command, go to standard error instead.
public final class Console: Sendable {
    /// Where a line goes.
    public enum Stream: Sendable, Hashable {
        /// Standard output: results and progress.
        case output
        /// Standard error: errors and warnings.
        case error
    }

    /// The process's own standard streams.
    public static let standard = Console(outputDescriptor: 1, errorDescriptor: 2)

    private let outputDescriptor: Int32
    private let errorDescriptor: Int32
    // Set once standard output's reader has gone; later output lines go to standard error.
    private let outputClosed = Mutex(false)

    /// A console writing to these file descriptors (tests pass pipes).
    public init(outputDescriptor: Int32, errorDescriptor: Int32) {
        self.outputDescriptor = outputDescriptor
        self.errorDescriptor = errorDescriptor
    }

    /// Makes the process ready for line-by-line output: SIGPIPE is ignored (a write to a closed
    /// pipe then fails with EPIPE; children get default dispositions back when spawned).
    /// Everything the commands print goes through `Console`, never through stdio's buffers.
    public static func prepareProcess() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes one line (a newline is added) to standard output.
    public func line(_ text: String) { write(text + "\n", to: .output) }

    /// Writes one line (a newline is added) to standard error.
    public func error(_ text: String) { write(text + "\n", to: .error) }

    /// Writes text as it is (no newline added).
    public func write(_ text: String, to stream: Stream) {
        if stream == .output, !outputClosed.withLock({ $0 }) {
            if Self.writeAll(text, to: outputDescriptor) { return }
            outputClosed.withLock { $0 = true }
        }
        _ = Self.writeAll(text, to: errorDescriptor)
    }

    /// Whether standard output's reader has gone (a later output line went to standard error).
    public var outputWasClosed: Bool { outputClosed.withLock { $0 } }

    /// Writes every byte, retrying on EINTR; false when the descriptor refuses (EPIPE, closed).
    private static func writeAll(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}
