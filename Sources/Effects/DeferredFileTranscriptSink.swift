import Synchronization

/// A transcript file created on the first append (0600, in a 0700 directory), so a run that
/// never ran a command leaves no file behind. `created` runs once, after the file exists
/// (the place to prune older transcripts).
public final class DeferredFileTranscriptSink: TranscriptSink {
    private enum State {
        case waiting
        case open(FileTranscriptSink)
        case failed
    }

    private let directory: String
    private let stamp: String
    private let created: @Sendable () -> Void
    private let state = Mutex(State.waiting)

    /// A sink that will create `transcript-<stamp>.log` in `directory` when first written.
    public init(directory: String, stamp: String, created: @escaping @Sendable () -> Void = {}) {
        self.directory = directory
        self.stamp = stamp
        self.created = created
    }

    /// The file, once it exists.
    public var path: String? {
        state.withLock { state in
            if case .open(let sink) = state { return sink.path }
            return nil
        }
    }

    /// Creates the file if needed and appends; a file that cannot be created records nothing.
    public func append(_ text: String) {
        let (sink, isNew) = state.withLock { state -> (FileTranscriptSink?, Bool) in
            switch state {
            case .open(let sink): return (sink, false)
            case .failed: return (nil, false)
            case .waiting:
                guard let sink = try? FileTranscriptSink.create(inDirectory: directory, stamp: stamp) else {
                    state = .failed
                    return (nil, false)
                }
                state = .open(sink)
                return (sink, true)
            }
        }
        if isNew { created() }
        sink?.append(text)
    }
}
