import Effects

/// What reading a key produced.
public enum KeyRead: Sendable, Equatable {
    /// A key (or `.resize`).
    case key(Key)
    /// Nothing arrived in time.
    case timeout
    /// The input is gone (end of file, the terminal closed): stop.
    case closed
}

/// A full-screen terminal as the wizard sees it: a size, a way to show a canvas and a way to
/// read keys. `CursesScreen` is the real one; tests use a scripted double.
public protocol TerminalScreen: AnyObject {
    /// The size now (changes after a `.resize` key).
    var size: TerminalSize { get }
    /// The symbols the terminal can show (ASCII when the locale is not UTF-8).
    var glyphs: Glyphs { get }
    /// Shows a canvas (replacing what was shown).
    func draw(_ canvas: Canvas)
    /// Waits up to `timeout` for a key.
    func readKey(timeout: Duration) -> KeyRead
}
