/// A centred box over the current screen: help, confirmations.
public enum Overlay {
    /// Draws a help box with a title and wrapped text, closed by any key.
    public static func help(_ canvas: inout Canvas, title: String, text: String, glyphs: Glyphs) {
        let width = min(canvas.width - 8, 68)
        let lines = TextLayout.wrap(text, width: width - 4)
        let rect = canvas.bounds.centered(width: width, height: min(canvas.height - 4, lines.count + 4))
        canvas.fill(rect)
        canvas.box(rect, glyphs: glyphs, style: CellStyle(bold: true, role: .accent), title: title)
        for (offset, line) in lines.prefix(rect.height - 4).enumerated() {
            canvas.write(line, x: rect.x + 2, y: rect.y + 1 + offset, maxWidth: rect.width - 4)
        }
        canvas.write("Press any key to close", x: rect.x + 2, y: rect.maxY - 2, style: .muted)
        canvas.cursor = nil
    }

    /// Draws a yes/no question; `destructive` draws it in the error colour.
    public static func confirm(_ canvas: inout Canvas, title: String, message: String, yes: String, no: String,
                               destructive: Bool = false, glyphs: Glyphs) {
        let width = min(canvas.width - 8, 60)
        let lines = TextLayout.wrap(message, width: width - 4)
        let rect = canvas.bounds.centered(width: width, height: min(canvas.height - 4, lines.count + 5))
        let border = destructive ? CellStyle.error : CellStyle(bold: true, role: .accent)
        canvas.fill(rect)
        canvas.box(rect, glyphs: glyphs, style: border, title: title)
        for (offset, line) in lines.prefix(rect.height - 5).enumerated() {
            canvas.write(line, x: rect.x + 2, y: rect.y + 1 + offset, maxWidth: rect.width - 4)
        }
        let buttons = "[y] \(yes)    [n] \(no)"
        canvas.write(buttons, x: rect.x + 2, y: rect.maxY - 2, style: .strong, maxWidth: rect.width - 4)
        canvas.cursor = nil
    }

    /// The whole screen when the terminal is smaller than the interface needs.
    public static func tooSmall(width: Int, height: Int, need: (columns: Int, rows: Int) = (80, 24), text question: String? = nil) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let text = question ?? ("Terminal too small: \(width)×\(height). posthog-install needs \(need.columns)×\(need.rows). "
            + "Make the window larger, or press q to quit and use the headless commands (posthog-install values, install).")
        let lines = TextLayout.wrap(text, width: max(1, width - 2))
        let top = max(0, (height - lines.count) / 2)
        for (offset, line) in lines.prefix(height).enumerated() {
            canvas.write(line, x: min(1, max(0, width - 1)), y: top + offset, style: offset == 0 ? .warning : .plain)
        }
        return canvas
    }
}
