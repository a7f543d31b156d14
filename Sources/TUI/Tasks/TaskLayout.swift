import Effects

/// Where a job's screen puts its parts at a given size: the text pane takes the rows the
/// fields, boxes, commands and button leave.
struct TaskLayout {
    /// At most this many commands are listed (the pane has them all).
    static let commandRows = 3

    let form: TaskForm
    let size: TerminalSize
    /// The commands the job will run as things are ticked now (the form's, then the boxes').
    let commands: [[String]]

    /// Rows under each field for its note (at least one, so moving the focus does not shift
    /// the screen; more when a hint or problem wraps).
    let noteRows: [Int]
    /// Rows of each box's label, wrapped.
    let checkRows: [Int]

    init(form: TaskForm, size: TerminalSize, screen: TaskScreen? = nil) {
        self.form = form
        self.size = size
        commands = screen?.commands ?? form.commands
        let width = size.columns - 4
        noteRows = form.fields.indices.map { index in
            max(1, TaskScreen.noteLines(screen?.note(forField: index), width: width - 4).count)
        }
        let label = screen ?? TaskScreen(task: .install)
        checkRows = form.checks.map {
            max(1, TaskScreen.hanging(label.checkLabel($0, glyphs: .unicode), width: width - 2, indent: 4).count)
        }
    }

    /// Rows from the bottom: footer, a blank row, the button row, a blank row.
    private var bottomRows: Int { form.action == nil ? 2 : 4 }
    private var commandBlock: Int { commands.isEmpty ? 0 : 2 + commandLines.count }

    /// The commands shown under "Then runs:", each whole and wrapped at spaces (a continuation
    /// indented), the first `commandRows - 1` when there are more (the pane lists them all).
    var commandLines: [String] {
        let shown = commands.count > Self.commandRows ? Self.commandRows - 1 : commands.count
        let width = size.columns - 5
        var lines = commands.prefix(shown).flatMap { argv in
            TextLayout.wrap(ShellQuote.join(argv), width: width - 4).enumerated().map { $0 == 0 ? $1 : "    " + $1 }
        }
        if shown < commands.count { lines.append("\u{2026} and \(commands.count - shown) more (all are listed above)") }
        return lines
    }
    private var controlRows: Int { form.fields.count + noteRows.reduce(0, +) + checkRows.reduce(0, +) + commandBlock }

    /// First row of the text pane (under the heading).
    var paneTop: Int { 3 }
    /// Rows of the text pane (at least 3, so it still shows a line).
    var paneHeight: Int { max(3, size.rows - bottomRows - controlRows - paneTop - 1) }
    /// First row of the fields.
    var fieldsTop: Int { paneTop + paneHeight + 1 }

    /// Columns of the fields' labels.
    var labelWidth: Int { min(24, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1) }

    /// The explanation wrapped to the pane's width, styles kept.
    func wrappedText(width: Int) -> [StyledLine] { Self.wrap(form.text, width: width) }

    /// The pane's lines with text line `highlighted` drawn selected, and the first line to show:
    /// `scroll`, moved just enough that the highlighted row is in view.
    func paneText(width: Int, scroll: Int, highlighted: Int?) -> ([StyledLine], Int) {
        guard let highlighted, form.text.indices.contains(highlighted) else { return (wrappedText(width: width), scroll) }
        var lines: [StyledLine] = []
        var start = 0
        for (index, line) in form.text.enumerated() {
            if index == highlighted {
                start = lines.count
                lines += Self.wrap([StyledLine(line.text, style: CellStyle(bold: true, reverse: true, role: .accent))], width: width)
            } else {
                lines += Self.wrap([line], width: width)
            }
        }
        let visible = max(1, paneHeight - 2)
        let top = start < scroll ? start : (start >= scroll + visible ? start - visible + 1 : scroll)
        return (lines, top)
    }

    /// Lines wrapped to `width`; a continuation keeps its line's indent plus two columns.
    static func wrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        lines.flatMap { line -> [StyledLine] in
            guard !line.text.isEmpty, DisplayWidth.of(line.text) > width else { return [line] }
            let indent = line.text.prefix { $0 == " " }.count
            let body = String(line.text.dropFirst(indent))
            let first = TextLayout.wrap(body, width: max(10, width - indent))
            guard let head = first.first else { return [line] }
            let rest = TextLayout.wrap(first.dropFirst().joined(separator: " "), width: max(10, width - indent - 2))
            return [StyledLine(String(repeating: " ", count: indent) + head, style: line.style)]
                + rest.map { StyledLine(String(repeating: " ", count: indent + 2) + $0, style: line.style) }
        }
    }
}
