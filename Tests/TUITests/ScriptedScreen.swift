import Foundation
import Effects
import Synchronization
import TUI

/// A terminal for tests: returns scripted keys and records every canvas drawn. Sizes can change between keys.
final class ScriptedScreen: TerminalScreen, Sendable {
    private struct State {
        var size: TerminalSize
        var script: [ScriptedInput]
        var drawn: [Canvas] = []
        var waits = 0
        var readsElsewhere = 0
    }

    /// One scripted input.
    enum ScriptedInput: Sendable {
        case key(Key)
        case resize(TerminalSize)
        case timeout
        /// Times out (as a real terminal does between keys) until a drawn screen shows the
        /// text, for results that arrive from another task; gives up after 10 s.
        case waitFor(String)
    }

    private let state: Mutex<State>

    init(size: TerminalSize = .minimum, script: [ScriptedInput]) {
        state = Mutex(State(size: size, script: script))
    }

    convenience init(size: TerminalSize = .minimum, keys: [Key]) {
        self.init(size: size, script: keys.map { .key($0) })
    }

    var size: TerminalSize { state.withLock { $0.size } }

    var glyphs: Glyphs { .unicode }

    func draw(_ canvas: Canvas) { state.withLock { $0.drawn.append(canvas) } }

    /// The next scripted input; `.closed` once the script is used up, which ends a run.
    func readKey(timeout: Duration) -> KeyRead {
        if !WizardRunner.isOnTerminalThread { state.withLock { $0.readsElsewhere += 1 } }
        if case .waitFor(let text)? = state.withLock({ $0.script.first }) {
            let drawn = state.withLock { $0.drawn.last?.plainText().contains(text) ?? false }
            let waited = state.withLock { s -> Int in
                s.waits += 1
                return s.waits
            }
            if !drawn && waited < 2000 {
                usleep(5_000)
                return .timeout
            }
            state.withLock { s in
                s.waits = 0
                s.script.removeFirst()
            }
        }
        return state.withLock { state -> KeyRead in
            guard !state.script.isEmpty else { return .closed }
            switch state.script.removeFirst() {
            case .key(let key): return .key(key)
            case .resize(let size):
                state.size = size
                return .key(.resize)
            case .timeout, .waitFor: return .timeout
            }
        }
    }

    /// Every canvas drawn, in order.
    var drawn: [Canvas] { state.withLock { $0.drawn } }

    /// How many keys were read off the wizard's terminal thread (on a thread the other tasks need).
    var readsElsewhere: Int { state.withLock { $0.readsElsewhere } }

    /// Whether every scripted input was read.
    var scriptUsed: Bool { state.withLock { $0.script.isEmpty } }
}
