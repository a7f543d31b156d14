import Effects

/// Draws the install-progress and post-install screens from their models. Pure.
public enum InstallProgressView {
    /// The progress screen: steps, pods ready, pods table, and helm's output or a diagnosis.
    /// `selectedPod` highlights a row of the pods table (for its details).
    public static func render(_ model: InstallProgressModel, size: TerminalSize, glyphs: Glyphs = .unicode,
                              hints: [KeyHint] = [KeyHint("Ctrl-C", "stop waiting")], selectedPod: Int? = nil) -> Canvas {
        guard size.fits(.minimum) else { return Overlay.tooSmall(width: size.columns, height: size.rows) }
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) \(model.title)", trailing: "elapsed \(duration(model.elapsedSeconds))")
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
        let tableTop = 2 + max(stepRows, 3) + 1
        // A diagnosis needs room for its cause and fix: the table shrinks (it scrolls).
        let tableHeight = min(max(model.pods.count, 1) + 1, model.diagnosis == nil ? 8 : 5)
        if model.pods.isEmpty {
            canvas.write("No pods yet.", x: 2, y: tableTop, style: .muted)
        } else {
            PodTable.draw(&canvas, pods: model.pods, selected: selectedPod, in: Rect(x: 2, y: tableTop, width: size.columns - 4, height: tableHeight), glyphs: glyphs)
        }
        let paneTop = tableTop + tableHeight + 1
        let pane = Rect(x: 1, y: paneTop, width: size.columns - 2, height: size.rows - 1 - paneTop)
        if let diagnosis = model.diagnosis {
            drawDiagnosis(&canvas, diagnosis, in: pane, glyphs: glyphs)
        } else {
            TextPane.draw(&canvas, lines: model.outputTail.map { StyledLine($0) }, scroll: nil, title: "helm output", in: pane, glyphs: glyphs)
        }
        Footer.draw(&canvas, hints: hints)
        return canvas
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
            y += canvas.writeWrapped("\(glyphs.bullet) " + line, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: inner.maxY - y),
                                  hangingIndent: DisplayWidth.of(glyphs.bullet) + 1)
        }
    }

    /// The post-install screen: the DNS record to create, DNS and TLS checks, the URL.
    public static func renderPostInstall(_ model: PostInstallModel, size: TerminalSize, glyphs: Glyphs = .unicode,
                                         hints: [KeyHint] = [KeyHint("r", "check again"), KeyHint("q", "done")]) -> Canvas {
        guard size.fits(.minimum) else { return Overlay.tooSmall(width: size.columns, height: size.rows) }
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) \(model.title)")
        let width = size.columns - 4
        var y = 2
        canvas.write(model.headline, x: 2, y: y, style: .heading, maxWidth: width)
        y += 2
        canvas.write("1. Create this DNS record where your domain's DNS is managed:", x: 2, y: y, style: .strong, maxWidth: width)
        y += 1
        let record = Rect(x: 4, y: y, width: min(width - 2, 72), height: 4)
        canvas.box(record, glyphs: glyphs, style: .muted)
        let columns = [TableColumn("NAME"), TableColumn("TYPE", width: 5), TableColumn("VALUE", width: 24)]
        let value = model.address ?? "(waiting for the load balancer)"
        Table.draw(&canvas, columns: columns,
                   rows: [[TableCell(model.hostname, style: .strong), TableCell(model.recordType, style: .strong),
                           TableCell(value, style: model.address == nil ? .warning : .strong)]],
                   in: record.inset(dx: 2, dy: 1), glyphs: glyphs)
        y = record.maxY + 1
        if model.recordType == "CNAME" {
            y += canvas.writeWrapped("AWS load balancers have a host name, not a fixed IP: use a CNAME (or an alias record in Route 53).",
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
