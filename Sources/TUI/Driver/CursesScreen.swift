import CNCurses
import Effects
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the full-screen interface could not start.
public struct ScreenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
}

/// The real terminal through ncursesw: the only code that talks to curses. Open it with
/// `open`, and always `close` it (also on errors): closing restores the terminal.
public final class CursesScreen: TerminalScreen {
    /// The symbols this terminal can show.
    public let glyphs: Glyphs
    private let colors: Bool
    private var screen: OpaquePointer?
    private var pending: [Key] = []
    private var quickFailures = 0

    private init(screen: OpaquePointer, glyphs: Glyphs, colors: Bool) {
        self.screen = screen
        self.glyphs = glyphs
        self.colors = colors
    }

    /// Starts curses on standard input and output: locale, cbreak, no echo, keypad, a short
    /// Esc delay, colours unless `noColor` (or the terminal has none).
    public static func open(noColor: Bool) throws -> CursesScreen {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        let utf8 = codeset.uppercased().replacing("-", with: "") == "UTF8"
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ScreenError(description: "The wizard needs a terminal: standard input and output must not be redirected.")
        }
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw ScreenError(description: "Could not open the terminal for the wizard.")
        }
        TerminalRescue.arm()
        guard let screen = newterm(nil, output, input) else {
            TerminalRescue.disarm()
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw ScreenError(
                description: "The terminal type TERM=\(term) is unknown to this system's terminfo; "
                    + "set TERM to one it knows (for example xterm-256color), or use the headless commands.")
        }
        set_term(screen)
        cbreak()
        noecho()
        keypad(cn_stdscr(), true)
        set_escdelay(Int32(Self.escapeDelay.components.attoseconds / 1_000_000_000_000_000))
        curs_set(0)
        var colors = false
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            let pairs: [(Int16, Int16)] = [
                (1, Int16(COLOR_CYAN)), (2, Int16(COLOR_GREEN)), (3, Int16(COLOR_YELLOW)), (4, Int16(COLOR_RED)),
            ]
            for (pair, color) in pairs { init_pair(pair, color, -1) }
            colors = true
        }
        return CursesScreen(screen: screen, glyphs: utf8 ? .unicode : .ascii, colors: colors)
    }

    /// Ends curses and restores the terminal; safe to call twice.
    public func close() {
        guard let screen else { return }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        TerminalRescue.disarm()
    }

    deinit { close() }

    /// The window size now.
    public var size: TerminalSize {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    /// Copies a canvas to the terminal; curses sends only what changed.
    public func draw(_ canvas: Canvas) {
        guard screen != nil else { return }
        werase(cn_stdscr())
        let size = size
        for y in 0..<min(canvas.height, size.rows) {
            var x = 0
            while x < min(canvas.width, size.columns) {
                let style = canvas[x, y].style
                var run = ""
                let start = x
                while x < min(canvas.width, size.columns), canvas[x, y].style == style {
                    run += canvas[x, y].text
                    x += 1
                }
                attrset(attributes(style))
                mvaddstr(Int32(y), Int32(start), run)
            }
        }
        attrset(0)
        if let cursor = canvas.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func attributes(_ style: CellStyle) -> Int32 {
        var attrs = CN_A_NORMAL
        if style.bold { attrs |= CN_A_BOLD }
        if style.reverse { attrs |= CN_A_REVERSE }
        if style.dim { attrs |= CN_A_DIM }
        if style.underline { attrs |= CN_A_UNDERLINE }
        var value = Int32(bitPattern: attrs)
        if colors, let pair = Self.colorPairs[style.role] { value |= COLOR_PAIR(pair) }
        if !colors, style.role == .error, !style.reverse { value |= Int32(bitPattern: CN_A_BOLD) }  // monochrome
        return value
    }

    private static let colorPairs: [ColorRole: Int32] = [.accent: 1, .success: 2, .warning: 3, .error: 4]

    /// Waits up to `timeout` for a key; curses decodes known escape sequences itself and the
    /// rest go through `KeyDecoder`.
    public func readKey(timeout: Duration) -> KeyRead {
        if !pending.isEmpty { return .key(pending.removeFirst()) }
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        wtimeout(cn_stdscr(), milliseconds)
        let started = ContinuousClock.now
        var character: wint_t = 0
        let result = wget_wch(cn_stdscr(), &character)
        if result == ERR {
            // ERR right away, again and again, means the input has gone (end of file).
            if milliseconds >= 20, ContinuousClock.now - started < .milliseconds(2) {
                quickFailures += 1
                if quickFailures > 200 { return .closed }
            } else {
                quickFailures = 0
            }
            return .timeout
        }
        quickFailures = 0
        if result == KEY_CODE_YES {
            return Self.functionKeys[Int32(character)].map(KeyRead.key) ?? .timeout
        }
        guard let scalar = Unicode.Scalar(UInt32(character)) else { return .timeout }
        if scalar.value == 0x1B { return .key(readEscape()) }
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return KeyDecoder.decode([UInt8(scalar.value)]).first.map(KeyRead.key) ?? .timeout
        }
        return .key(.character(Character(scalar)))
    }

    /// How long a key may follow ESC and still count with it (Alt plus the key, or a sequence);
    /// ESC alone that long is Esc. Default curses waits a second, which feels like a hang.
    static let escapeDelay: Duration = .milliseconds(25)

    /// An Esc curses did not recognise as a sequence. curses has already waited up to the
    /// escape delay and handed ESC back with what came within it left unread, so what can be
    /// read at once belongs with the ESC; each byte is stamped so the decoder makes the call.
    private func readEscape() -> Key {
        let start = ContinuousClock.now
        var input: [(byte: UInt8, at: Duration)] = [(0x1B, .zero)]
        wtimeout(cn_stdscr(), 0)
        var character: wint_t = 0
        while input.count < 16, wget_wch(cn_stdscr(), &character) == OK, let scalar = Unicode.Scalar(UInt32(character)) {
            let at = ContinuousClock.now - start
            input += String(Character(scalar)).utf8.map { (byte: $0, at: at) }
        }
        var keys = KeyDecoder.decode(timed: input, escapeDelay: Self.escapeDelay)
        guard !keys.isEmpty else { return .escape }
        let first = keys.removeFirst()
        pending += keys
        return first
    }

    private static let functionKeys: [Int32: Key] = {
        var keys: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_HOME: .home, KEY_END: .end,
            KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_IC: .insert,
            KEY_ENTER: .enter, KEY_BTAB: .backTab, KEY_RESIZE: .resize,
        ]
        for n in 1...12 { keys[cn_key_f(Int32(n))] = .function(n) }
        return keys
    }()
}
