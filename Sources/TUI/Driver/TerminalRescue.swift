#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Written before the handlers are installed and read only by them: the terminal settings from
// before curses started and the crash handlers that were there before ours (Swift's backtracer).
private nonisolated(unsafe) var savedSettings = termios()
private nonisolated(unsafe) var haveSavedSettings = false
private nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    let empty = sigaction()
    actions.initialize(repeating: empty, count: 32)
    return actions
}()

private func rescueTerminal(_ signal: Int32) {
    if haveSavedSettings { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedSettings) }
    // Leave the alternate screen, show the cursor, reset attributes.
    let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    // Hand the signal to whoever handled it before (the backtracer prints to a sane terminal now).
    if signal >= 0, signal < 32 { sigaction(signal, previousActions + Int(signal), nil) }
    raise(signal)
}

/// Restores the terminal when the program crashes while curses runs (a fatal signal), so the
/// shell is usable afterwards. Normal exits, errors and SIGINT/SIGTERM go through
/// `CursesScreen.close` instead.
enum TerminalRescue {
    private static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Saves the terminal settings and installs the crash handlers.
    static func arm() {
        haveSavedSettings = tcgetattr(STDIN_FILENO, &savedSettings) == 0
        for number in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = rescueTerminal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, previousActions + Int(number))
        }
    }

    /// Puts the previous crash handlers back.
    static func disarm() {
        for number in fatalSignals { sigaction(number, previousActions + Int(number), nil) }
        haveSavedSettings = false
    }
}
