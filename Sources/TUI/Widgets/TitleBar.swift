/// The top row: program and screen title on the left, progress through the wizard on the right.
public enum TitleBar {
    /// Draws the bar across row 0.
    public static func draw(_ canvas: inout Canvas, title: String, trailing: String? = nil) {
        let style = CellStyle(bold: true, reverse: true, role: .accent)
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), style: style)
        let right = trailing.map { " \($0) " } ?? ""
        let rightWidth = DisplayWidth.of(right)
        canvas.write(" " + title, x: 0, y: 0, style: style, maxWidth: canvas.width - rightWidth - 1)
        if !right.isEmpty { canvas.write(right, x: canvas.width - rightWidth, y: 0, style: style) }
    }
}

/// One key and what it does, shown in the footer ("Enter next").
public struct KeyHint: Sendable, Hashable {
    /// The key's name as printed.
    public let key: String
    /// What it does.
    public let action: String

    /// Creates a hint.
    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// The bottom row: the keys that work on this screen.
public enum Footer {
    /// Draws the hints on the last row, dropping those that do not fit.
    public static func draw(_ canvas: inout Canvas, hints: [KeyHint]) {
        let y = canvas.height - 1
        guard y >= 0 else { return }
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: .selected)
        var x = 1
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action) + 2
            if x + needed > canvas.width { break }
            x += canvas.write(hint.key, x: x, y: y, style: CellStyle(bold: true, reverse: true))
            x += canvas.write(" " + hint.action + "  ", x: x, y: y, style: .selected)
        }
    }
}
