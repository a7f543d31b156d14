import Effects
import Synchronization

/// A transcript sink that keeps the text in memory for assertions.
public final class MemoryTranscriptSink: TranscriptSink {
    private let text = Mutex("")

    /// Creates an empty sink.
    public init() {}

    /// Appends text.
    public func append(_ text: String) { self.text.withLock { $0 += text } }

    /// Everything appended so far.
    public var contents: String { text.withLock { $0 } }
}
