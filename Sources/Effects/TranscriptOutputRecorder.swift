import Synchronization

/// Records one command's output in a transcript, leaving out what a repeated poll already
/// recorded: while the lines are the same as the last run of the same command line, they are
/// held back; the first different line writes the held ones and everything after it as it
/// comes. Output the same as last time becomes one line, "output unchanged from [N]". A watch
/// polling every 2 s then costs a few lines a minute instead of its whole output every time.
public final class TranscriptOutputRecorder: Sendable {
    private struct State {
        var held = 0
        var diverged: Bool
        var lines: [String] = []
        var remembered = true
    }

    /// Lines kept to compare with the next run of the same command; longer output is not compared.
    static let comparedLines = 5_000

    private let number: Int
    private let previous: (number: Int, lines: [String])?
    private let write: @Sendable ([String]) -> Void
    private let remember: @Sendable ([String]) -> Void
    private let state: Mutex<State>

    init(number: Int, previous: (number: Int, lines: [String])?, write: @escaping @Sendable ([String]) -> Void,
         remember: @escaping @Sendable ([String]) -> Void) {
        self.number = number
        self.previous = previous
        self.write = write
        self.remember = remember
        state = Mutex(State(diverged: previous == nil))
    }

    /// Records one (already masked) line.
    public func record(_ line: OutputLine) {
        let text = Transcript.tagged(line)
        let previous = self.previous
        let toWrite = state.withLock { state -> [String] in
            if state.lines.count < Self.comparedLines { state.lines.append(text) } else { state.remembered = false }
            if !state.diverged, let previous, state.held < previous.lines.count, previous.lines[state.held] == text {
                state.held += 1
                return []
            }
            guard !state.diverged, let previous else { return [text] }
            state.diverged = true
            return Array(previous.lines.prefix(state.held)) + [text]
        }
        if !toWrite.isEmpty { write(toWrite) }
    }

    /// Ends the command: same output as last time becomes one line; held lines of a command
    /// that stopped early are written. `exitedNormally` false (a failure to run, a cancel)
    /// writes what was held and does not remember the output.
    public func finish(exitedNormally: Bool) {
        let previous = self.previous
        let (toWrite, lines) = state.withLock { state -> ([String], [String]?) in
            let lines = state.remembered && exitedNormally ? state.lines : nil
            guard !state.diverged, let previous else { return ([], lines) }
            if exitedNormally, state.held == previous.lines.count, state.held > 0 {
                // The remembered output keeps its first number, which has the lines.
                return (["output unchanged from [\(previous.number)] (\(state.held) lines)"], nil)
            }
            return (Array(previous.lines.prefix(state.held)), lines)
        }
        if !toWrite.isEmpty { write(toWrite) }
        if let lines { remember(lines) }
    }
}
