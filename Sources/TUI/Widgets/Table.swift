/// A column of a table.
public struct TableColumn: Sendable, Hashable {
    /// The heading.
    public let title: String
    /// Width in columns; nil shares the space left over.
    public let width: Int?
    /// Right-align (numbers).
    public let alignRight: Bool

    /// Creates a column.
    public init(_ title: String, width: Int? = nil, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// One cell of a table row.
public struct TableCell: Sendable, Hashable {
    /// The text.
    public let text: String
    /// Its style.
    public let style: CellStyle

    /// Creates a cell.
    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// Rows under headings, columns separated by two spaces, cut to fit.
public enum Table {
    /// Draws headings and as many rows as fit in `rect`; returns the rows of data drawn.
    @discardableResult
    public static func draw(_ canvas: inout Canvas, columns: [TableColumn], rows: [[TableCell]], in rect: Rect, glyphs: Glyphs) -> Int {
        guard rect.height > 0, !columns.isEmpty else { return 0 }
        let widths = columnWidths(columns, total: rect.width)
        func drawRow(_ cells: [TableCell], y: Int, headingStyle: CellStyle?) {
            var x = rect.x
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : TableCell("")
                let text = TextLayout.pad(
                    TextLayout.truncate(cell.text, width: widths[index], ellipsis: glyphs.ellipsis),
                    width: widths[index], alignRight: column.alignRight)
                canvas.write(text, x: x, y: y, style: headingStyle ?? cell.style, maxWidth: rect.maxX - x)
                x += widths[index] + 2
            }
        }
        drawRow(columns.map { TableCell($0.title) }, y: rect.y, headingStyle: CellStyle(bold: true, underline: true))
        let room = rect.height - 1
        let shown = rows.count > room ? Array(rows.prefix(max(0, room - 1))) : rows
        for (offset, row) in shown.enumerated() { drawRow(row, y: rect.y + 1 + offset, headingStyle: nil) }
        if shown.count < rows.count, room > 0 {
            canvas.write("+\(rows.count - shown.count) more", x: rect.x, y: rect.y + room, style: .muted)
        }
        return shown.count
    }

    static func columnWidths(_ columns: [TableColumn], total: Int) -> [Int] {
        let fixed = columns.compactMap(\.width).reduce(0, +) + 2 * (columns.count - 1)
        let flexible = columns.filter { $0.width == nil }.count
        let share = flexible > 0 ? max(4, (total - fixed) / flexible) : 0
        return columns.map { $0.width ?? share }
    }
}
