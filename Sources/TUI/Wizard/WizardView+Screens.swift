import Installer

extension WizardView {
    static func drawExtras(_ canvas: inout Canvas, _ state: WizardState, in body: Rect, glyphs: Glyphs) {
        var y = body.y
        canvas.write("Optional extras", x: body.x, y: y, style: .heading)
        y += 1
        y += canvas.writeWrapped(
            "Add any of these now, or leave them out: the install works without them and you can add them later by running the wizard again.",
            in: Rect(x: body.x, y: y, width: body.width, height: 2), style: .muted)
        y += 1
        let sections = WizardFlow.optionalSections(state.profile)
        let highlighted = state.extrasHighlight ?? sections.count
        for (index, section) in sections.enumerated() where y < body.maxY - 1 {
            let on = state.enabledSections.contains(section.id)
            let isHighlighted = index == highlighted
            let marker = isHighlighted ? glyphs.pointer : " "
            let label = "\(on ? glyphs.expanded : glyphs.collapsed) \(on ? glyphs.checkOn : glyphs.checkOff) \(section.title)"
            canvas.write(marker + " ", x: body.x, y: y, style: .strong)
            let x = body.x + 2
            let used = canvas.write(
                label, x: x, y: y, style: isHighlighted ? CellStyle(bold: true, reverse: true, role: .accent) : .plain,
                maxWidth: body.width - 2)
            if on {
                let asked = WizardFlow.askedQuestions(in: section.id, state).count
                canvas.write("  \(asked) question\(asked == 1 ? "" : "s")", x: x + used, y: y, style: .muted)
            }
            y += 1
            if on, let help = section.help?.trimmingSpaces() {
                y += canvas.writeWrapped(
                    TextLayout.unfold(help),
                    in: Rect(x: x + 6, y: y, width: body.width - 8, height: min(3, body.maxY - 1 - y)), style: .muted)
            }
        }
        y += 1
        let isContinue = highlighted >= sections.count
        canvas.write((isContinue ? glyphs.pointer : " ") + " ", x: body.x, y: min(y, body.maxY - 1), style: .strong)
        canvas.write(
            "\(glyphs.arrow) Continue to review", x: body.x + 2, y: min(y, body.maxY - 1),
            style: isContinue ? CellStyle(bold: true, reverse: true, role: .accent) : .strong)
    }

    static func drawReview(_ canvas: inout Canvas, _ state: WizardState, glyphs: Glyphs) {
        let x = 2
        let width = state.size.columns - 4
        guard let preview = state.review.preview else {
            if let failure = state.review.failure {
                canvas.write("\(glyphs.failure) The review could not be prepared", x: x, y: 2, style: .error)
                canvas.writeWrapped(
                    failure + "\n\nPress Esc to go back and change your answers, or q to quit.",
                    in: Rect(x: x, y: 4, width: width, height: state.size.rows - 6))
            } else {
                canvas.write("Preparing values.yaml and the commands\(glyphs.ellipsis)", x: x, y: 2, style: .muted)
            }
            return
        }
        if state.changingSettings != nil {
            drawSettingsReviewHeader(&canvas, state, preview, glyphs: glyphs)
        } else if state.launch.runsInstall, let cluster = state.cluster, cluster.simulated {
            canvas.write("Cluster: ", x: x, y: 2, style: .strong)
            canvas.write(
                "the built-in simulated cluster (\(cluster.detail))", x: x + 9, y: 2,
                style: CellStyle(bold: true, role: .warning), maxWidth: width - 9)
            canvas.write(
                "Nothing is installed on a real cluster: this shows what an install does.", x: x, y: 4,
                style: .muted, maxWidth: width)
        } else {
            canvas.write("Kube context: ", x: x, y: 2, style: .strong)
            if let context = preview.kubeContext {
                canvas.write(context, x: x + 14, y: 2, style: CellStyle(bold: true, role: .accent), maxWidth: width - 14)
                if state.launch.runsInstall, let problem = state.cluster?.problem {
                    canvas.write(
                        "\(glyphs.warning) It does not answer (\(problem)); the preflight will stop before anything is installed.",
                        x: x, y: 4, style: .warning, maxWidth: width)
                } else if state.launch.runsInstall {
                    canvas.write(
                        "Enter installs into this context: check that it is the cluster you mean.", x: x, y: 4,
                        style: .muted, maxWidth: width)
                }
            } else {
                canvas.write(
                    "\(glyphs.warning) none: kubectl has no current context; set one first", x: x + 14, y: 2,
                    style: .warning, maxWidth: width - 14)
            }
        }
        let fileNote =
            state.changingSettings != nil
            ? "Enter: what the upgrade changes in the cluster. Nothing is written yet."
            : preview.existing == nil
                ? "Writes \(preview.valuesPath) (new file, readable only by you)."
                : "Updates \(preview.valuesPath); the current file is kept as a backup."
        canvas.write(fileNote, x: x, y: 3, maxWidth: width)
        canvas.write("Then runs:", x: x, y: 5, style: .strong)
        let commands = ReviewLayout.commandLines(state)
        // Eight rows for the commands; more are never cut silently: the last row says how many
        // lines are left out and how to see them.
        let room = 8
        let shown = commands.count > room ? room - 1 : commands.count
        for (offset, line) in commands.prefix(shown).enumerated() {
            canvas.write(line, x: x + 1, y: 6 + offset, maxWidth: width - 1)
        }
        if shown < commands.count {
            canvas.write(
                "\(glyphs.ellipsis) \(commands.count - shown) more lines: a wider window shows every command whole",
                x: x + 1, y: 6 + shown, style: .warning, maxWidth: width - 1)
        }
        if commands.isEmpty { canvas.write("(no commands: values only)", x: x + 1, y: 6, style: .muted) }
        let pane = ReviewLayout.paneRect(state)
        TextPane.draw(
            &canvas, lines: ReviewLayout.paneLines(state), scroll: state.review.scroll,
            title: ReviewLayout.paneTitle(state), in: pane, glyphs: glyphs)
    }

    /// The first line of the review of changed settings: the release they go to.
    private static func drawSettingsReviewHeader(_ canvas: inout Canvas, _ state: WizardState, _ preview: ReviewPreview, glyphs: Glyphs) {
        let x = 2
        let width = state.size.columns - 4
        let release = state.cluster?.release.map { "release \($0.release) in namespace \($0.namespace)" } ?? "the installed release"
        let place = state.cluster?.simulated == true ? "the simulated cluster" : "context \(preview.kubeContext ?? "(none)")"
        canvas.write("Changes for \(release), \(place)", x: x, y: 2, style: .strong, maxWidth: width)
        let changed = preview.existing.map { $0 != preview.values } ?? true
        canvas.write(
            changed
                ? "The pane shows how \(preview.valuesPath) changes (Tab: the whole file)."
                : "\(glyphs.warning) These answers give the same \(preview.valuesPath): the upgrade would change nothing.",
            x: x, y: 4, style: changed ? .muted : .warning, maxWidth: width)
    }
}
