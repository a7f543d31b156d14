#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal's size in character cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Columns (width).
    public var columns: Int
    /// Rows (height).
    public var rows: Int

    /// Creates a size.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest size the full-screen interface supports.
    public static let minimum = TerminalSize(columns: 80, rows: 24)

    /// True when both dimensions are at least those of `other`.
    public func fits(_ other: TerminalSize) -> Bool { columns >= other.columns && rows >= other.rows }

    /// "80×24".
    public var description: String { "\(columns)×\(rows)" }
}

/// What the program knows about its terminal; decisions are computed from these facts.
public struct TerminalFacts: Sendable, Hashable {
    /// Whether standard input is a terminal.
    public var inputIsTerminal: Bool
    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool
    /// The window size, when known.
    public var size: TerminalSize?
    /// TERM, when set and non-empty.
    public var term: String?
    /// Whether NO_COLOR is set to a non-empty value.
    public var noColor: Bool
    /// The effective character-type locale (LC_ALL, else LC_CTYPE, else LANG), when set.
    public var locale: String?

    /// Creates facts from raw observations and the environment.
    public init(inputIsTerminal: Bool, outputIsTerminal: Bool, size: TerminalSize?, environment: [String: String]) {
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.size = size
        func nonEmpty(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        term = nonEmpty("TERM")
        noColor = nonEmpty("NO_COLOR") != nil
        locale = nonEmpty("LC_ALL") ?? nonEmpty("LC_CTYPE") ?? nonEmpty("LANG")
    }

    /// Whether to use colour: a terminal that is not "dumb", and NO_COLOR unset.
    public var colorEnabled: Bool {
        outputIsTerminal && !noColor && term != nil && term != "dumb"
    }

    /// Whether the locale encodes text as UTF-8 (so box-drawing characters can be used).
    public var isUTF8: Bool {
        guard let locale = locale?.lowercased() else { return false }
        return locale.contains("utf-8") || locale.contains("utf8")
    }

    /// Whether the interactive full-screen interface can run at all.
    public var supportsFullScreen: Bool {
        inputIsTerminal && outputIsTerminal && term != nil && term != "dumb"
    }

    /// Why the full-screen interface cannot run, or nil when it can (size included).
    public func fullScreenProblem(minimum: TerminalSize = .minimum) -> String? {
        if !outputIsTerminal { return "standard output is not a terminal" }
        if !inputIsTerminal { return "standard input is not a terminal" }
        guard let term, term != "dumb" else { return "the terminal type (TERM) is unset or \"dumb\"" }
        if let size, !size.fits(minimum) {
            return "the terminal is \(size), smaller than the \(minimum) needed"
        }
        return nil
    }
}

/// Looks at the terminal. The real one is `SystemTerminalProbe`.
public protocol TerminalProbe: Sendable {
    /// The facts now (the size changes when the window is resized).
    func facts() -> TerminalFacts
}

/// The real probe: isatty, TIOCGWINSZ, and the process environment.
public struct SystemTerminalProbe: TerminalProbe {
    /// Creates the probe.
    public init() {}

    /// The facts now.
    public func facts() -> TerminalFacts {
        let environment = ProcessEnvironment.current()
        return TerminalFacts(
            inputIsTerminal: isatty(STDIN_FILENO) == 1,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            size: Self.windowSize() ?? Self.sizeFromEnvironment(environment),
            environment: environment
        )
    }

    /// The window size of the first of stdout, stdin, stderr that is a terminal.
    public static func windowSize() -> TerminalSize? {
        for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] {
            if let size = windowSize(fd: fd) { return size }
        }
        return nil
    }

    /// The window size of one descriptor, via TIOCGWINSZ.
    public static func windowSize(fd: Int32) -> TerminalSize? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }

    /// COLUMNS and LINES, when both are positive numbers.
    public static func sizeFromEnvironment(_ environment: [String: String]) -> TerminalSize? {
        guard let columns = environment["COLUMNS"].flatMap({ Int($0) }), let rows = environment["LINES"].flatMap({ Int($0) }),
              columns > 0, rows > 0 else { return nil }
        return TerminalSize(columns: columns, rows: rows)
    }
}
