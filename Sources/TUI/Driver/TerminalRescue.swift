#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The terminal settings from before curses started, for the crash handler (written before
// the handlers are installed, read only by them).
private nonisolated(unsafe) var savedSettings = termios()
private nonisolated(unsafe) var haveSavedSettings = false

private func rescueTerminal(_ signal: Int32) {
    if haveSavedSettings { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedSettings) }
    // Leave the alternate screen, show the cursor, reset attributes.
    let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    // The handler was installed with SA_RESETHAND: raising again takes the default action.
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
        for signal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = rescueTerminal
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }

    /// Puts the default crash behaviour back.
    static func disarm() {
        for number in fatalSignals { signal(number, SIG_DFL) }
        haveSavedSettings = false
    }
}
