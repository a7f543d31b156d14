/// A grid of cells that views draw onto; the driver copies it to the terminal and tests
/// compare its `plainText()` with golden files.
public struct Canvas: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field being edited), or nil to hide it.
    public var cursor: CellPoint?

    /// A blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position (a blank outside the canvas).
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// Whether a position is on the canvas.
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Sets one cell, keeping wide characters whole: overwriting half of one blanks the other half.
    mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if x + 1 < width, cells[index + 1].isContinuation, !cells[index].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Writes one line of text at (x, y), clipped at `maxWidth` columns and the canvas edge;
    /// a wide character that does not fit is not drawn half. Line breaks end the text.
    /// Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            if character == "\n" || character == "\r\n" { break }
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A lone combining mark or control character: attach to the previous cell if any.
                if character.unicodeScalars.first.map({ $0.value >= 0x20 }) == true, column > x, column - 1 < width, column - 1 >= 0 {
                    let target = cells[y * width + column - 1].isContinuation ? column - 2 : column - 1
                    if target >= 0 { cells[y * width + target].text.append(character) }
                }
                continue
            }
            if column + w > limit { break }
            if column >= 0 {
                set(Cell(String(character), style: style), x: column, y: y)
                if w == 2 { set(Cell("", style: style), x: column + 1, y: y) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes text wrapped to a rectangle; lines after the first start `hangingIndent` columns
    /// further right (under the text after a bullet or symbol). Returns the rows used.
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, style: CellStyle = .plain, hangingIndent: Int = 0) -> Int {
        let indent = min(max(0, hangingIndent), rect.width - 1)
        let lines = TextLayout.wrap(text, width: rect.width - indent)
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            let x = offset == 0 ? rect.x : rect.x + indent
            write(line, x: x, y: rect.y + offset, style: style, maxWidth: rect.maxX - x)
        }
        return min(lines.count, rect.height)
    }

    /// Fills a rectangle with a character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle = .plain) {
        let text = String(character)
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                set(Cell(text, style: style), x: x, y: y)
            }
        }
    }

    /// Restyles a rectangle without changing its text (a selection bar).
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                cells[y * width + x].style = style
            }
        }
    }

    /// Draws a border around a rectangle, with an optional title in the top edge.
    public mutating func box(_ rect: Rect, glyphs: Glyphs, style: CellStyle = .plain, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = glyphs
        for x in rect.x + 1..<rect.maxX - 1 {
            write(g.horizontal, x: x, y: rect.y, style: style)
            write(g.horizontal, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            write(g.vertical, x: rect.x, y: y, style: style)
            write(g.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        write(g.topLeft, x: rect.x, y: rect.y, style: style)
        write(g.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        write(g.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        write(g.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            let label = " " + TextLayout.truncate(title, width: rect.width - 6, ellipsis: g.ellipsis) + " "
            write(label, x: rect.x + 2, y: rect.y, style: CellStyle(bold: true, role: style.role))
        }
    }

    /// One row as text (wide characters once, trailing spaces kept).
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for x in 0..<width { text += cells[y * width + x].text }
        return text
    }

    /// The canvas as text, one line per row with trailing spaces removed: for golden tests.
    public func plainText() -> String {
        (0..<height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
