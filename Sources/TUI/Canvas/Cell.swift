/// One character cell of a canvas.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown here; empty for the right half of a wide character.
    public var text: String
    /// How it looks.
    public var style: CellStyle

    /// Creates a cell.
    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// A space with no attributes.
    public static let blank = Cell(" ")

    /// Whether this cell is covered by the wide character to its left.
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells: origin at the top left, x grows right, y grows down.
public struct Rect: Sendable, Hashable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column after the last one.
    public var maxX: Int { x + width }
    /// The row after the last one.
    public var maxY: Int { y + height }

    /// This rectangle shrunk by `dx` columns on each side and `dy` rows at top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// A rectangle of the given size centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let w = min(w, width), h = min(h, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}

/// A cell position.
public struct CellPoint: Sendable, Hashable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int

    /// Creates a position.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
