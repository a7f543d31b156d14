/// A line of a text pane with its own style (diff lines, error lines).
public struct StyledLine: Sendable, Hashable {
    /// The text (one line, no line break).
    public let text: String
    /// Its style.
    public let style: CellStyle

    /// Creates a line.
    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// A bordered, scrollable view of many lines: helm output, the values.yaml preview, a diff.
public enum TextPane {
    /// The largest useful scroll offset for `lineCount` lines in a pane of `height` rows.
    public static func maxScroll(lineCount: Int, height: Int) -> Int { max(0, lineCount - max(1, height - 2)) }

    /// Draws the lines from `scroll` (nil: the tail, as for live output) inside a border.
    public static func draw(_ canvas: inout Canvas, lines: [StyledLine], scroll: Int?, title: String? = nil,
                            in rect: Rect, glyphs: Glyphs) {
        guard rect.height >= 3, rect.width >= 4 else { return }
        canvas.box(rect, glyphs: glyphs, style: .muted, title: title)
        let inner = rect.inset(dx: 1, dy: 1)
        let limit = maxScroll(lineCount: lines.count, height: rect.height)
        let top = min(max(0, scroll ?? limit), limit)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.write(expandTabs(line.text), x: inner.x + 1, y: inner.y + offset, style: line.style, maxWidth: inner.width - 2)
        }
        if lines.count > inner.height {
            let label = " \(top + 1)-\(min(lines.count, top + inner.height)) of \(lines.count) "
            canvas.write(label, x: rect.maxX - 2 - label.count, y: rect.maxY - 1, style: .muted)
        }
    }

    private static func expandTabs(_ text: String) -> String {
        text.contains("\t") ? text.replacing("\t", with: "    ") : text
    }
}
