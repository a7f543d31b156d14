/// A single-line text input: the typed text with a cursor, masked for passwords, and an
/// inline message under it (an error while the text is not acceptable, or a hint).
public enum TextField {
    /// What to show under the field.
    public enum Note: Sendable, Hashable {
        /// A problem with the text; drawn as an error.
        case error(String)
        /// A hint or the cleaned-up value ("will use posthog.example.com").
        case hint(String)
        /// Text accepted.
        case ok(String)
    }

    /// Draws the field on row `rect.y` (the note below it, wrapped within `rect`) and sets the
    /// canvas cursor. Returns the rows used.
    @discardableResult
    public static func draw(_ canvas: inout Canvas, text: String, cursor: Int, masked: Bool = false,
                            placeholder: String? = nil, note: Note? = nil, in rect: Rect, glyphs: Glyphs) -> Int {
        guard rect.width >= 4, rect.height >= 1 else { return 0 }
        // Masks are one character each, so cursor positions map one to one.
        let shown = masked ? Array(String(repeating: glyphs.mask, count: text.count)) : Array(text)
        let cursor = max(0, min(cursor, shown.count))
        let fieldWidth = rect.width - 2
        // Scroll horizontally so the cursor stays inside the field.
        var start = 0
        while DisplayWidth.of(String(shown[start..<cursor])) > fieldWidth - 1 { start += 1 }
        let visible = TextLayout.prefix(String(shown[start...]), width: fieldWidth)
        let fieldStyle = CellStyle(underline: true)
        canvas.write(start > 0 ? "<" : "[", x: rect.x, y: rect.y, style: .muted)
        canvas.fill(Rect(x: rect.x + 1, y: rect.y, width: fieldWidth, height: 1), style: fieldStyle)
        if text.isEmpty, let placeholder {
            canvas.write(placeholder, x: rect.x + 1, y: rect.y, style: CellStyle(dim: true, underline: true, role: .muted), maxWidth: fieldWidth)
        } else {
            canvas.write(visible, x: rect.x + 1, y: rect.y, style: fieldStyle, maxWidth: fieldWidth)
        }
        canvas.write("]", x: rect.x + 1 + fieldWidth, y: rect.y, style: .muted)
        canvas.cursor = CellPoint(x: rect.x + 1 + DisplayWidth.of(String(shown[start..<cursor])), y: rect.y)
        guard let note, rect.height > 1 else { return 1 }
        let noteRect = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        switch note {
        case .error(let message):
            return 1 + canvas.writeWrapped(glyphs.failure + " " + message, in: noteRect, style: .error, hangingIndent: DisplayWidth.of(glyphs.failure) + 1)
        case .hint(let message):
            return 1 + canvas.writeWrapped(message, in: noteRect, style: .muted)
        case .ok(let message):
            return 1 + canvas.writeWrapped(glyphs.ok + " " + message, in: noteRect, style: .success, hangingIndent: DisplayWidth.of(glyphs.ok) + 1)
        }
    }
}
