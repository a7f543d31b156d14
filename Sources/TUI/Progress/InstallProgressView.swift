import Effects

/// Draws the install-progress and post-install screens from their models. Pure.
public enum InstallProgressView {
    /// The progress screen: steps, pods ready, pods table, and helm's output or a diagnosis.
    /// `selectedPod` highlights a row of the pods table (for its details).
    public static func render(
        _ model: InstallProgressModel, size: TerminalSize, glyphs: Glyphs = .unicode,
        hints: [KeyHint] = [KeyHint("Ctrl-C", "stop waiting")], selectedPod: Int? = nil
    ) -> Canvas {
        guard size.fits(.minimum) else { return Overlay.tooSmall(width: size.columns, height: size.rows) }
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(
            &canvas, title: "PostHog installer \(glyphs.bullet) \(model.title)", trailing: "elapsed \(duration(model.elapsedSeconds))")
        let stepRows = min(model.steps.count, 6)
        for (offset, step) in model.steps.prefix(stepRows).enumerated() {
            let (mark, style) = symbol(step.status, glyphs: glyphs)
            let x = 2 + canvas.write(mark, x: 2, y: 2 + offset, style: style)
            canvas.write(" " + step.title, x: x, y: 2 + offset, style: step.status == .running ? .strong : .plain, maxWidth: 42 - x)
        }
        let right = 46
        canvas.write("Ready (workloads, volumes)", x: right, y: 2, style: .strong)
        ProgressBar.draw(&canvas, done: model.ready, total: model.total, x: right, y: 3, width: size.columns - right - 2, glyphs: glyphs)
        canvas.write("Elapsed \(duration(model.elapsedSeconds))", x: right, y: 4, style: .muted)
        let layout = Layout(model, size: size)
        if model.pods.isEmpty {
            canvas.write("No pods yet.", x: 2, y: layout.tableTop, style: .muted)
        } else {
            PodTable.draw(
                &canvas, pods: model.pods, selected: selectedPod, now: model.now,
                in: Rect(x: 2, y: layout.tableTop, width: size.columns - 4, height: layout.tableHeight), glyphs: glyphs)
        }
        var paneTop = layout.tableTop + layout.tableHeight + 1
        if let record = model.record, model.diagnosis == nil {
            paneTop += drawRecordToCreate(&canvas, record, x: 1, y: paneTop, width: size.columns - 2, glyphs: glyphs)
        }
        let pane = Rect(x: 1, y: paneTop, width: size.columns - 2, height: size.rows - 1 - paneTop)
        if let diagnosis = model.diagnosis {
            drawDiagnosis(&canvas, diagnosis, in: pane, glyphs: glyphs)
        } else {
            TextPane.draw(
                &canvas, lines: model.outputTail.map { StyledLine($0) }, scroll: nil, title: "helm output", in: pane, glyphs: glyphs)
        }
        Footer.draw(&canvas, hints: hints)
        return canvas
    }

    /// Where the progress screen's parts go: the pods table takes every row the pane under it
    /// can spare (the pane keeps enough for a diagnosis, or a few lines of helm's output and
    /// the record to create).
    struct Layout {
        /// First row of the pods table.
        let tableTop: Int
        /// Rows of the table, its heading included.
        let tableHeight: Int

        init(_ model: InstallProgressModel, size: TerminalSize) {
            tableTop = 2 + max(min(model.steps.count, 6), 3) + 1
            let record =
                model.diagnosis == nil && model.record != nil ? InstallProgressView.recordHeight(model.record, width: size.columns - 2) : 0
            let pane = (model.diagnosis == nil ? 5 : 8) + record
            let room = size.rows - 1 - tableTop - 1 - pane
            tableHeight = max(2, min(PodTable.rowsNeeded(pods: model.pods.count), room))
        }
    }

    /// Rows the record's box takes at `width` (0 without one).
    static func recordHeight(_ record: RecordToCreate?, width: Int) -> Int {
        guard let record else { return 0 }
        return recordLines(record, width: width - 4).count + 2
    }

    private static func recordLines(_ record: RecordToCreate, width: Int) -> [(String, CellStyle)] {
        let nameWidth = max(4, DisplayWidth.of(record.name))
        let oneRow = nameWidth + 2 + 5 + 2 + DisplayWidth.of(record.value)
        var lines: [(String, CellStyle)]
        if oneRow <= width {
            lines = [
                (TextLayout.pad("NAME", width: nameWidth) + "  TYPE   VALUE", .muted),
                (
                    TextLayout.pad(record.name, width: nameWidth) + "  " + TextLayout.pad(record.type, width: 5) + "  " + record.value,
                    .strong
                ),
            ]
        } else {
            // Too narrow for one row: a field a line, the value whole on lines of its own.
            lines = [("NAME   " + record.name, .strong), ("TYPE   " + record.type, .strong), ("VALUE", .muted)]
            lines += TextLayout.wrap(record.value, width: width).map { ($0, .strong) }
        }
        if let note = record.note { lines += TextLayout.wrap(note, width: width).map { ($0, .muted) } }
        return lines
    }

    /// The DNS record the run waits for, in its own box; returns the rows it took.
    static func drawRecordToCreate(_ canvas: inout Canvas, _ record: RecordToCreate, x: Int, y: Int, width: Int, glyphs: Glyphs) -> Int {
        let lines = recordLines(record, width: width - 4)
        let rect = Rect(x: x, y: y, width: width, height: lines.count + 2)
        canvas.box(rect, glyphs: glyphs, style: CellStyle(bold: true, role: .accent), title: "Create this DNS record at your DNS provider")
        for (offset, line) in lines.enumerated() {
            canvas.write(line.0, x: x + 2, y: y + 1 + offset, style: line.1, maxWidth: width - 4)
        }
        return rect.height
    }

    private static func drawDiagnosis(_ canvas: inout Canvas, _ diagnosis: InstallProgressModel.Diagnosis, in rect: Rect, glyphs: Glyphs) {
        guard rect.height >= 3 else { return }
        // A wait is drawn as a warning, a failure as an error: never red while it may still resolve.
        let (mark, style) = diagnosis.waiting == nil ? (glyphs.failure, CellStyle.error) : (glyphs.warning, CellStyle.warning)
        canvas.box(rect, glyphs: glyphs, style: style, title: "\(mark) \(diagnosis.waiting == nil ? "" : "Waiting: ")\(diagnosis.title)")
        let inner = rect.inset(dx: 2, dy: 1)
        var y = inner.y
        if let waiting = diagnosis.waiting {
            y += canvas.writeWrapped(waiting, in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), style: .warning)
        }
        y += canvas.writeWrapped("Cause: " + diagnosis.cause, in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y))
        if y < inner.maxY, !diagnosis.fix.isEmpty {
            canvas.write("Fix:", x: inner.x, y: y, style: .strong)
            y += 1
        }
        for line in diagnosis.fix where y < inner.maxY {
            y += canvas.writeWrapped(
                "\(glyphs.bullet) " + line, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: inner.maxY - y),
                hangingIndent: DisplayWidth.of(glyphs.bullet) + 1)
        }
    }

    /// The post-install screen: the DNS record to create, DNS and TLS checks, the URL.
    public static func renderPostInstall(
        _ model: PostInstallModel, size: TerminalSize, glyphs: Glyphs = .unicode,
        hints: [KeyHint] = [KeyHint("r", "check again"), KeyHint("q", "done")]
    ) -> Canvas {
        guard size.fits(.minimum) else { return Overlay.tooSmall(width: size.columns, height: size.rows) }
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) \(model.title)")
        let width = size.columns - 4
        var y = 2
        canvas.write(model.headline, x: 2, y: y, style: .heading, maxWidth: width)
        y += 2
        canvas.write("1. Create this DNS record where your domain's DNS is managed:", x: 2, y: y, style: .strong, maxWidth: width)
        y += 1
        y = drawRecord(&canvas, model, y: y, width: width, glyphs: glyphs)
        if model.recordType == "CNAME" {
            y += canvas.writeWrapped(
                "AWS load balancers have a host name, not a fixed IP: use a CNAME (or an alias record in Route 53).",
                in: Rect(x: 4, y: y, width: width - 2, height: 2), style: .muted)
        }
        y += 1
        canvas.write("2. Checks", x: 2, y: y, style: .strong)
        y += 1
        for check in model.checks where y < size.rows - 5 {
            let (mark, style) = symbol(check.status, glyphs: glyphs)
            let x = 4 + canvas.write(mark, x: 4, y: y, style: style)
            y += canvas.writeWrapped(check.text, in: Rect(x: x + 1, y: y, width: size.columns - x - 3, height: 2))
            if let fix = check.fix, check.status != .ok, y < size.rows - 5 {
                y += canvas.writeWrapped(fix, in: Rect(x: x + 1, y: y, width: size.columns - x - 3, height: 2), style: .muted)
            }
        }
        if let line = checksLine(model, glyphs: glyphs), y < size.rows - 4 {
            canvas.write(line, x: 4, y: y, style: .muted, maxWidth: width - 2)
            y += 1
        }
        y = max(y + 1, size.rows - 3)
        canvas.write("Open ", x: 2, y: y, style: .strong)
        canvas.write(model.url, x: 7, y: y, style: CellStyle(bold: true, underline: true, role: .accent), maxWidth: width - 5)
        Footer.draw(&canvas, hints: hints)
        return canvas
    }

    /// The DNS record in its box, never cut: one row of NAME, TYPE and VALUE when it fits, else a
    /// field a line with the value on a line of its own (broken only when longer than the box,
    /// with a note). Returns the row under the box.
    static func drawRecord(_ canvas: inout Canvas, _ model: PostInstallModel, y: Int, width: Int, glyphs: Glyphs) -> Int {
        let value = model.address ?? "(waiting for the load balancer)"
        let valueStyle: CellStyle = model.address == nil ? .warning : .strong
        let nameWidth = max(4, DisplayWidth.of(model.hostname))
        let typeWidth = 5
        let oneRow = nameWidth + 2 + typeWidth + 2 + DisplayWidth.of(value)
        let boxWidth = min(width - 2, max(72, oneRow + 4))
        let inner = boxWidth - 4
        if oneRow <= inner {
            let record = Rect(x: 4, y: y, width: boxWidth, height: 4)
            canvas.box(record, glyphs: glyphs, style: .muted)
            let valueX = record.x + 2 + nameWidth + 2 + typeWidth + 2
            canvas.write("NAME", x: record.x + 2, y: y + 1, style: .muted)
            canvas.write("TYPE", x: record.x + 4 + nameWidth, y: y + 1, style: .muted)
            canvas.write("VALUE", x: valueX, y: y + 1, style: .muted)
            canvas.write(model.hostname, x: record.x + 2, y: y + 2, style: .strong)
            canvas.write(model.recordType, x: record.x + 4 + nameWidth, y: y + 2, style: .strong)
            canvas.write(value, x: valueX, y: y + 2, style: valueStyle)
            return record.maxY + 1
        }
        var lines: [(String, CellStyle)] = [
            ("NAME   " + model.hostname, .strong), ("TYPE   " + model.recordType, .strong), ("VALUE", .muted),
        ]
        let pieces = TextLayout.wrap(value, width: inner)
        lines += pieces.map { ($0, valueStyle) }
        if pieces.count > 1 { lines.append(("(one value over \(pieces.count) lines: copy it without the breaks)", .muted)) }
        let record = Rect(x: 4, y: y, width: boxWidth, height: lines.count + 2)
        canvas.box(record, glyphs: glyphs, style: .muted)
        for (offset, line) in lines.enumerated() {
            canvas.write(line.0, x: record.x + 2, y: y + 1 + offset, style: line.1, maxWidth: inner)
        }
        return record.maxY + 1
    }

    /// What the last runs of the checks did: checking again now, or what changed and when.
    static func checksLine(_ model: PostInstallModel, glyphs: Glyphs) -> String? {
        if model.rechecking { return "Checking again\(glyphs.ellipsis)" }
        guard model.runs > 1 else { return nil }
        guard let (run, changes) = model.lastChanges else {
            return "Checked \(model.runs) times (every few seconds; r checks now): nothing changed."
        }
        func mark(_ status: PostInstallModel.CheckStatus?) -> String { status.map { symbol($0, glyphs: glyphs).0 } ?? glyphs.pending }
        let list = changes.map { "\($0.label) \(mark($0.from)) \(glyphs.arrow) \(mark($0.to))" }.joined(separator: ", ")
        let when = run == model.runs ? "at the last check" : "\(model.runs - run) check\(model.runs - run == 1 ? "" : "s") ago"
        return "Checked \(model.runs) times; changed \(when): \(list)."
    }

    static func symbol(_ status: InstallProgressModel.StepStatus, glyphs: Glyphs) -> (String, CellStyle) {
        switch status {
        case .pending: return (glyphs.pending, .muted)
        case .running: return (glyphs.running, .strong)
        case .done: return (glyphs.ok, .success)
        case .failed: return (glyphs.failure, .error)
        case .skipped: return ("-", .muted)
        }
    }

    static func symbol(_ status: PostInstallModel.CheckStatus, glyphs: Glyphs) -> (String, CellStyle) {
        switch status {
        case .ok: return (glyphs.ok, .success)
        case .warning: return (glyphs.warning, .warning)
        case .failed: return (glyphs.failure, .error)
        case .pending: return (glyphs.pending, .muted)
        }
    }

    /// Seconds as `42s`, `3m 12s` or `1h 04m`.
    public static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(s % 60 < 10 ? "0" : "")\(s % 60)s" }
        let minutes = (s % 3600) / 60
        return "\(s / 3600)h \(minutes < 10 ? "0" : "")\(minutes)m"
    }
}
