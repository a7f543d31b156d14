/// A bar with a count: `[████░░░░] 3/8`.
public enum ProgressBar {
    /// Draws the bar in `width` columns at (x, y).
    public static func draw(_ canvas: inout Canvas, done: Int, total: Int, x: Int, y: Int, width: Int, glyphs: Glyphs) {
        let label = " \(done)/\(total)"
        let barWidth = max(1, width - 2 - label.count)
        let filled = total > 0 ? min(barWidth, barWidth * max(0, done) / total) : 0
        var column = x
        column += canvas.write("[", x: column, y: y, style: .muted)
        for _ in 0..<filled { column += canvas.write(glyphs.barFull, x: column, y: y, style: .success) }
        for _ in filled..<barWidth { column += canvas.write(glyphs.barEmpty, x: column, y: y, style: .muted) }
        column += canvas.write("]", x: column, y: y, style: .muted)
        canvas.write(label, x: column, y: y, style: .strong)
    }
}
