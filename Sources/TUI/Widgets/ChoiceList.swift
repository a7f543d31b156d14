/// One row of a choice list.
public struct ChoiceItem: Sendable, Hashable {
    /// The text shown.
    public let label: String
    /// Dim text after the label (a price, a note).
    public let detail: String?

    /// Creates an item.
    public init(_ label: String, detail: String? = nil) {
        self.label = label
        self.detail = detail
    }
}

/// A vertical list of options with one highlighted; the chosen one carries a radio mark.
public enum ChoiceList {
    /// Draws the items in `rect`, scrolling so the highlighted row is visible. Returns the rows used.
    @discardableResult
    public static func draw(_ canvas: inout Canvas, items: [ChoiceItem], highlighted: Int, chosen: Int? = nil,
                            in rect: Rect, glyphs: Glyphs) -> Int {
        guard rect.height > 0, !items.isEmpty else { return 0 }
        let first = max(0, min(highlighted - rect.height + 1, items.count - rect.height))
        let visible = items.indices.dropFirst(first).prefix(rect.height)
        for (row, index) in visible.enumerated() {
            let item = items[index]
            let y = rect.y + row
            let isHighlighted = index == highlighted
            let mark = index == (chosen ?? highlighted) ? glyphs.radioOn : glyphs.radioOff
            let pointer = isHighlighted ? glyphs.pointer : " "
            let style = isHighlighted ? CellStyle(bold: true, reverse: true, role: .accent) : .plain
            var x = rect.x
            x += canvas.write(pointer + " ", x: x, y: y, style: isHighlighted ? .strong : .plain)
            let labelStart = x
            x += canvas.write(mark + " " + item.label, x: x, y: y, style: style, maxWidth: rect.maxX - x)
            if isHighlighted { canvas.restyle(Rect(x: labelStart, y: y, width: x - labelStart, height: 1), style: style) }
            if let detail = item.detail, x + 3 < rect.maxX {
                canvas.write("  " + detail, x: x, y: y, style: .muted, maxWidth: rect.maxX - x)
            }
        }
        if first > 0 { canvas.write(glyphs.ellipsis, x: rect.maxX - DisplayWidth.of(glyphs.ellipsis), y: rect.y, style: .muted) }
        if first + rect.height < items.count {
            canvas.write(glyphs.ellipsis, x: rect.maxX - DisplayWidth.of(glyphs.ellipsis), y: rect.maxY - 1, style: .muted)
        }
        return visible.count
    }
}
