import Synchronization

/// Records one command's output in a transcript, leaving out what a repeated poll already
/// recorded. The first run of a command line is written as it comes. A later run of the same
/// command line is compared with the last one when it ends: the same output becomes one line,
/// "output unchanged from [N]"; a little change becomes just the changed lines (`-` old,
/// `+` new, with their line numbers); a big change is written whole. A watch polling every 2 s
/// then costs a few lines a minute instead of its whole output every time.
public final class TranscriptOutputRecorder: Sendable {
    private struct State {
        var lines: [String] = []
        /// True once the lines are being written as they come (first run, or too long to hold).
        var streaming: Bool
    }

    /// Lines held to compare with the last run; longer output is written as it comes instead.
    static let comparedLines = 20_000
    /// More changed lines than this and the whole output is written.
    static let maxChangedLines = 2_000

    private let previous: (number: Int, lines: [String])?
    private let write: @Sendable ([String]) -> Void
    private let remember: @Sendable ([String]) -> Void
    private let state: Mutex<State>

    init(number: Int, previous: (number: Int, lines: [String])?, write: @escaping @Sendable ([String]) -> Void,
         remember: @escaping @Sendable ([String]) -> Void) {
        self.previous = previous
        self.write = write
        self.remember = remember
        state = Mutex(State(streaming: previous == nil))
    }

    /// Records one (already masked) line.
    public func record(_ line: OutputLine) {
        let text = Transcript.tagged(line)
        let toWrite = state.withLock { state -> [String] in
            if state.streaming {
                if state.lines.count <= Self.comparedLines { state.lines.append(text) }
                return [text]
            }
            state.lines.append(text)
            guard state.lines.count > Self.comparedLines else { return [] }
            state.streaming = true
            return state.lines
        }
        if !toWrite.isEmpty { write(toWrite) }
    }

    /// Ends the command. `exitedNormally` false (a failure to run, a cancel) writes whatever
    /// was held back and remembers nothing.
    public func finish(exitedNormally: Bool) {
        let (lines, streaming) = state.withLock { ($0.lines, $0.streaming) }
        let complete = lines.count <= Self.comparedLines
        if !streaming {
            if exitedNormally, let previous {
                write(Self.summary(of: lines, since: previous))
            } else {
                write(lines)
            }
        }
        let unchanged = previous.map { $0.lines == lines } ?? false
        // Unchanged output keeps its first number, the one whose lines are in the transcript.
        if exitedNormally, complete, !unchanged { remember(lines) }
    }

    /// The lines recording `lines` against the previous run's.
    static func summary(of lines: [String], since previous: (number: Int, lines: [String])) -> [String] {
        guard let hunks = LineDiff.hunks(from: previous.lines, to: lines, maxEdits: maxChangedLines) else { return lines }
        if hunks.isEmpty {
            return lines.isEmpty ? [] : ["output unchanged from [\(previous.number)] (\(lines.count) lines)"]
        }
        var out = ["output changed from [\(previous.number)] (\(lines.count) lines; only the changed ones follow)"]
        for hunk in hunks {
            out.append("@@ line \(hunk.newStart + 1) @@")
            out += hunk.removed.map { "- " + $0 }
            out += hunk.added.map { "+ " + $0 }
        }
        return out
    }
}
