import Effects
import Installer

/// A job's screen (explanation, fields, boxes, the commands and the button), the welcome
/// screen's menu, and the screen a job ends on.
extension WizardView {
    static func renderTask(_ state: WizardState, _ screen: TaskScreen, size: TerminalSize, glyphs: Glyphs) -> Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(
            &canvas, title: "PostHog installer \(glyphs.bullet) \(screen.task.title)",
            trailing: state.cluster?.context.map { "context \($0)" })
        let x = 2
        let width = size.columns - 4
        guard let form = screen.form else {
            if let message = screen.unavailable {
                canvas.write("\(glyphs.failure) \(screen.task.title) cannot start", x: x, y: 2, style: .error, maxWidth: width)
                canvas.writeWrapped(message, in: Rect(x: x, y: 4, width: width, height: size.rows - 7))
                canvas.write("Press Esc to go back to the menu.", x: x, y: size.rows - 3, style: .strong, maxWidth: width)
            } else {
                canvas.write("Looking at the cluster\(glyphs.ellipsis)", x: x, y: 2, style: .muted)
            }
            Footer.draw(&canvas, hints: taskHints(state))
            return canvas
        }
        if let open = screen.openDetail, form.details.indices.contains(open) {
            return renderDetail(state, form.details[open], scroll: screen.detailScroll, size: size, glyphs: glyphs)
        }
        canvas.write(form.heading, x: x, y: 2, style: .heading, maxWidth: width)
        let layout = TaskLayout(form: form, size: size, screen: screen)
        var highlighted: Int?
        if case .detail(let index) = screen.focusedRow { highlighted = form.details[index].line }
        let (lines, top) = layout.paneText(width: width - 4, scroll: screen.scroll, highlighted: highlighted)
        TextPane.draw(
            &canvas, lines: lines, scroll: top, title: form.textTitle,
            in: Rect(x: x - 1, y: layout.paneTop, width: width + 2, height: layout.paneHeight), glyphs: glyphs)
        var y = layout.fieldsTop
        var cursor: CellPoint?
        for (index, field) in form.fields.enumerated() {
            let focused = screen.focus == screen.firstFieldRow + index
            canvas.write(focused ? glyphs.pointer : " ", x: x, y: y, style: .strong)
            canvas.write(field.label, x: x + 2, y: y, style: focused ? .strong : .plain, maxWidth: layout.labelWidth)
            let draft = screen.drafts[field.id] ?? TextDraft(field.initial)
            let fieldX = x + 2 + layout.labelWidth + 1
            TextField.draw(
                &canvas, text: draft.text, cursor: draft.cursor,
                in: Rect(x: fieldX, y: y, width: min(44, size.columns - fieldX - 2), height: 1), glyphs: glyphs)
            if focused { cursor = canvas.cursor }
            // The note spans the screen under the label, wrapped: a whole sentence, never cut.
            let note = screen.note(forField: index)
            let style: CellStyle = if case .error = note { .error } else { .muted }
            for (offset, line) in TaskScreen.noteLines(note, width: width - 4, glyphs: glyphs).enumerated() {
                canvas.write(line, x: x + 4, y: y + 1 + offset, style: style, maxWidth: width - 4)
            }
            y += 1 + layout.noteRows[index]
        }
        for (offset, check) in form.checks.enumerated() {
            let focused = screen.focus == screen.firstFieldRow + form.fields.count + offset
            canvas.write(focused ? glyphs.pointer : " ", x: x, y: y, style: .strong)
            let style = focused ? CellStyle(bold: true, reverse: true, role: .accent) : CellStyle.plain
            // A long label wraps under its text rather than being cut at the screen's edge.
            let lines = TaskScreen.hanging(screen.checkLabel(check, glyphs: glyphs), width: width - 2, indent: 4)
            for (row, line) in lines.prefix(layout.checkRows[offset]).enumerated() {
                canvas.write(line, x: x + 2, y: y + row, style: style, maxWidth: width - 2)
            }
            y += layout.checkRows[offset]
        }
        if !layout.commands.isEmpty {
            if !form.checks.isEmpty { y += 1 }
            canvas.write(form.action == nil ? "Runs:" : "Then runs:", x: x, y: y, style: .strong)
            for line in layout.commandLines {
                y += 1
                canvas.write(
                    line.hasPrefix("\u{2026}") ? glyphs.ellipsis + line.dropFirst() : line, x: x + 1, y: y, style: .muted,
                    maxWidth: width - 1)
            }
        }
        if let action = form.action {
            let focused = screen.focusedRow == .button
            let label = "[ \(action.prefix(1).uppercased() + action.dropFirst()) ]"
            let role: ColorRole = form.destructive ? .error : .accent
            canvas.write(focused ? glyphs.pointer : " ", x: x, y: size.rows - 3, style: .strong)
            canvas.write(
                label, x: x + 2, y: size.rows - 3,
                style: focused ? CellStyle(bold: true, reverse: true, role: role) : CellStyle(bold: true, role: role))
            if let problem = screen.problem {
                // Beside the button, wrapped onto the blank row under it when long.
                let left = x + 4 + DisplayWidth.of(label)
                canvas.writeWrapped(
                    "\(glyphs.failure) \(problem)", in: Rect(x: left, y: size.rows - 3, width: x + width - left, height: 2),
                    style: .error, hangingIndent: DisplayWidth.of(glyphs.failure) + 1)
            }
        }
        Footer.draw(&canvas, hints: taskHints(state))
        canvas.cursor = cursor
        return canvas
    }

    /// The diff of one object of the change table, over the whole screen.
    static func renderDetail(_ state: WizardState, _ detail: TaskDetail, scroll: Int, size: TerminalSize, glyphs: Glyphs) -> Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        TitleBar.draw(
            &canvas, title: "PostHog installer \(glyphs.bullet) what changes", trailing: state.cluster?.context.map { "context \($0)" })
        let x = 2
        let width = size.columns - 4
        canvas.write(detail.title, x: x, y: 2, style: .heading, maxWidth: width)
        let lines = TaskLayout.wrap(detail.lines, width: width - 4)
        TextPane.draw(
            &canvas, lines: lines, scroll: scroll, title: "diff (- deployed, + after the upgrade)",
            in: Rect(x: x - 1, y: 3, width: width + 2, height: size.rows - 5), glyphs: glyphs)
        Footer.draw(&canvas, hints: taskHints(state))
        return canvas
    }

    static func taskHints(_ state: WizardState) -> [KeyHint] {
        if case .confirmTask(let question) = state.overlay {
            return [KeyHint("y", question.yes.lowercased()), KeyHint("n", "keep it"), KeyHint("Esc", "back")]
        }
        // Esc goes back one screen: the review for changed settings, otherwise the menu.
        let back = KeyHint("Esc", state.task?.settings != nil ? "back" : "menu")
        guard let screen = state.task, let form = screen.form else {
            return [back, KeyHint("q", "quit")]
        }
        var hints: [KeyHint] = []
        if screen.rowCount > 1 { hints.append(KeyHint("Tab", "next")) }
        if screen.openDetail != nil {
            return [KeyHint("PgUp/PgDn", "scroll"), KeyHint("Esc", "back"), KeyHint("q", "quit")]
        }
        switch screen.focusedRow {
        case .detail: hints.append(KeyHint("Enter", "its diff"))
        case .check: hints.append(KeyHint("Space", "tick"))
        case .button: hints.append(KeyHint("Enter", form.action ?? "run"))
        case .field, nil: break
        }
        if !form.details.isEmpty, !(screen.focusedRow.map { if case .detail = $0 { true } else { false } } ?? false) {
            hints.append(KeyHint("Up", "pick an object"))
        }
        if form.text.count > 4 { hints.append(KeyHint("PgUp/PgDn", "scroll")) }
        for key in form.keys { hints.append(KeyHint(String(key.key), key.label)) }
        return hints + [back, KeyHint(screen.focusedRow.isField ? "Ctrl-C" : "q", "quit")]
    }

    /// The welcome screen once a release is found: what is installed and the jobs on offer.
    static func drawMenu(_ canvas: inout Canvas, _ state: WizardState, _ entries: [TaskMenu.Entry], in body: Rect, glyphs: Glyphs) {
        var y = body.y
        canvas.write("PostHog is installed in this cluster", x: body.x, y: y, style: .heading)
        y += 2
        y += drawClusterLine(&canvas, state.cluster, x: body.x, y: y, width: body.width, glyphs: glyphs)
        if let release = state.cluster?.release {
            y += canvas.writeWrapped("Found: \(release.description).", in: Rect(x: body.x, y: y, width: body.width, height: 2))
        }
        y += 1
        canvas.write("What would you like to do?", x: body.x, y: y, style: .strong)
        y += 2
        let highlighted = state.menuHighlight ?? TaskMenu.defaultHighlight(entries)
        // Each entry takes two rows with its explanation; when the window is too short for all
        // of them, only the highlighted entry shows its explanation (moving shows the others).
        let details = TaskMenu.detailRows(entries, highlighted: highlighted, rows: body.maxY - 1 - y)
        for (index, entry) in entries.enumerated() where y < body.maxY - 1 {
            let isHighlighted = index == highlighted
            canvas.write(isHighlighted ? glyphs.pointer : " ", x: body.x, y: y, style: .strong)
            let title = "\(index + 1). \(entry.task.title)"
            let style: CellStyle =
                entry.unavailable != nil
                ? .muted
                : isHighlighted ? CellStyle(bold: true, reverse: true, role: .accent) : .strong
            canvas.write(title, x: body.x + 2, y: y, style: style, maxWidth: body.width - 2)
            y += 1
            guard details.contains(index) else { continue }
            let detail = entry.unavailable.map { "not now: \($0)" } ?? entry.detail
            y += canvas.writeWrapped(
                detail, in: Rect(x: body.x + 5, y: y, width: body.width - 5, height: min(2, body.maxY - 1 - y)),
                style: entry.unavailable != nil ? .warning : .muted)
        }
        if y < body.maxY {
            canvas.write(
                "Every job here shows what it will run and asks before it changes anything.", x: body.x, y: body.maxY - 1,
                style: .muted, maxWidth: body.width)
        }
    }

    /// The screen a job from the menu ends on when it has no address to show.
    static func renderTaskDone(_ state: WizardState, _ install: InstallState, size: TerminalSize, glyphs: Glyphs) -> Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        let titles = install.task.runningTitle
        TitleBar.draw(
            &canvas, title: "PostHog installer \(glyphs.bullet) \(titles.done)",
            trailing: "took \(InstallProgressView.duration(install.progress.elapsedSeconds))")
        let x = 2
        let width = size.columns - 4
        var headline = titles.done + "."
        if state.cluster?.simulated == true { headline += " (On the simulated cluster: nothing ran on a real one.)" }
        let used = canvas.write("\(glyphs.ok) ", x: x, y: 2, style: .success)
        canvas.writeWrapped(headline, in: Rect(x: x + used, y: 2, width: width - used, height: 2), style: .strong)
        var y = 4
        for step in install.progress.steps.prefix(6) {
            let (mark, style) = InstallProgressView.symbol(step.status, glyphs: glyphs)
            let w = canvas.write(mark, x: x, y: y, style: style)
            canvas.write(" " + step.title, x: x + w, y: y, maxWidth: width - w - 1)
            y += 1
        }
        let lines = TaskLayout.wrap((install.log + install.progress.outputTail).map { StyledLine($0) }, width: size.columns - 6)
        TextPane.draw(
            &canvas, lines: lines, scroll: nil, title: "what it said",
            in: Rect(
                x: 1, y: y + 1, width: size.columns - 2,
                height: size.rows - 2 - y), glyphs: glyphs)
        Footer.draw(&canvas, hints: installHints(state))
        return canvas
    }
}

extension Optional where Wrapped == TaskScreen.Row {
    var isField: Bool { if case .field = self { return true } else { return false } }
}
