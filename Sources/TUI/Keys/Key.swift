/// One key press (or a window resize), decoded from the terminal.
public enum Key: Sendable, Hashable {
    case up, down, left, right
    case tab, backTab
    case enter, escape
    case backspace, delete, insert
    case home, end, pageUp, pageDown
    /// Ctrl-C (also delivered when SIGINT arrives).
    case ctrlC
    /// Another control key, by its letter (`control("d")` is Ctrl-D).
    case control(Character)
    /// F1…F12.
    case function(Int)
    /// A printable character, any script.
    case character(Character)
    /// Alt (Meta) held with a printable key: ESC and the key within the escape delay. It is
    /// neither Esc nor the key, so Alt-q never goes back and never asks to quit.
    case alt(Character)
    /// The window changed size.
    case resize

    /// Whether this is a printable character.
    public var printable: Character? {
        if case .character(let c) = self { return c }
        return nil
    }
}

extension Key: CustomStringConvertible {
    /// A readable name ("Enter", "Ctrl-C", "'a'").
    public var description: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .ctrlC: return "Ctrl-C"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .function(let n): return "F\(n)"
        case .character(let c): return "'\(c)'"
        case .alt(let c): return "Alt-\(c)"
        case .resize: return "resize"
        }
    }
}
