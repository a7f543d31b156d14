import Effects
import Installer

/// The install screens inside the wizard: the preflight (checking, blockers), the progress
/// screen, the post-install screen, and a pod's details over them.
extension WizardView {
    static func renderInstall(_ state: WizardState, _ install: InstallState, size: TerminalSize, glyphs: Glyphs) -> Canvas {
        var canvas: Canvas
        switch install.phase {
        case .checking, .blocked, .checked:
            canvas = renderPreflight(state, install, size: size, glyphs: glyphs)
        case .running, .waitingForAddress, .failed:
            var model = install.progress
            let titles = install.task.runningTitle
            model.title = install.phase == .failed ? titles.failed : titles.running
            if state.cluster?.simulated == true { model.title += " (simulated cluster)" }
            if install.phase == .failed, model.diagnosis == nil {
                model.diagnosis = .init(
                    title: install.task == .install ? "The install did not finish" : "\(install.task.title) did not finish",
                    cause: install.failure ?? "helm reported an error (see its output).",
                    fix: ["Run posthog-install status to see the pods and what they wait for."])
            }
            canvas = InstallProgressView.render(
                model, size: size, glyphs: glyphs, hints: installHints(state),
                selectedPod: model.pods.isEmpty ? nil : install.selectedPod)
        case .done where install.task != .install && install.post == nil:
            canvas = renderTaskDone(state, install, size: size, glyphs: glyphs)
        case .done:
            var post =
                install.post
                ?? PostInstallModel(
                    hostname: "", recordType: "A", address: nil, checks: [], url: "",
                    headline: "PostHog is installed.")
            if state.cluster?.simulated == true {
                post.title = "Installed on the simulated cluster"
                post.headline = "Installed on the simulated cluster. A real install ends like this:"
            }
            // The headline never claims success above a check that fails or has not passed yet.
            let noun = install.task.noun.prefix(1).uppercased() + install.task.noun.dropFirst()
            if install.task != .install {
                let allPass = !post.checks.isEmpty && post.checks.allSatisfy { $0.status == .ok }
                post.title = allPass ? install.task.runningTitle.done : "\(noun) finished"
                post.headline =
                    allPass ? install.task.runningTitle.done + "." : "\(noun) finished; DNS and the certificate are checked below."
            }
            if post.anyCheckFails {
                post.title = install.task == .install ? "Installed; a check fails" : "\(noun) done; a check fails"
                post.headline =
                    (install.task == .install ? "PostHog is installed" : "\(noun) finished")
                    + ", but a check below fails: see its fix."
            }
            canvas = InstallProgressView.renderPostInstall(post, size: size, glyphs: glyphs, hints: installHints(state))
        }
        if let detail = install.podDetail, size.fits(minimumSize) { drawPodDetail(&canvas, detail, glyphs: glyphs) }
        if let offer = install.confirming, install.phase == .blocked, size.fits(minimumSize) {
            drawOfferConfirmation(&canvas, offer, glyphs: glyphs)
        }
        return canvas
    }

    static func installHints(_ state: WizardState) -> [KeyHint] {
        guard let install = state.install else { return [] }
        if install.podDetail != nil { return [KeyHint("any key", "close")] }
        switch install.phase {
        case .checking: return [KeyHint("q", "quit")]
        case .checked: return [KeyHint("Enter", "install"), KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("q", "quit")]
        case .blocked where install.task != .install: return [KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("q", "quit")]
        case .blocked: return blockedHints(install)
        case .running, .waitingForAddress, .failed:
            let pods = install.progress.pods.isEmpty ? [] : [KeyHint("Up/Down", "pod"), KeyHint("Enter", "events and logs")]
            let menu = install.task != .install && install.ended ? [KeyHint("Esc", "menu")] : []
            return pods + menu + [KeyHint("?", "help"), KeyHint("q", install.ended ? "quit" : "stop watching")]
        case .done where install.task != .install && install.post == nil:
            return [KeyHint("Esc", "menu"), KeyHint("?", "help"), KeyHint("q", "quit")]
        case .done where install.task != .install:
            return [KeyHint("r", "check again"), KeyHint("Esc", "menu"), KeyHint("?", "help"), KeyHint("q", "quit")]
        case .done where install.post != nil:
            return [KeyHint("r", "check again"), KeyHint("m", "more jobs"), KeyHint("?", "help"), KeyHint("q", "done")]
        case .done: return [KeyHint("?", "help"), KeyHint("q", "done")]
        }
    }

    /// What quitting now means, for the confirmation box.
    static func installQuitMessage(_ state: WizardState) -> String {
        guard let install = state.install, !install.ended else {
            return "Quit? Nothing more will run."
        }
        if state.cluster?.simulated == true {
            return
                "Stop the simulated \(install.task.noun)? It runs inside posthog-install and stops with it; nothing runs on a real cluster."
        }
        if let helm = install.helmRunning {
            return
                "Stop watching? \(helm.split(separator: " ").prefix(2).joined(separator: " ")) is still running and keeps running in the background after you quit. posthog-install status shows how it is going."
        }
        if install.phase == .checking {
            return install.task == .install
                ? "Quit? Nothing has been installed yet; values.yaml is written and kept."
                : "Quit? The \(install.task.noun) has not changed anything yet."
        }
        switch install.task {
        case .uninstall:
            return
                "Stop watching? What was started goes on in the cluster; kubectl get namespace posthog shows whether the namespace is still there."
        case .resize:
            return "Stop watching? The volumes keep growing in the cluster; posthog-install status shows the claims and their sizes."
        default:
            return "Stop watching? PostHog keeps starting in the cluster; posthog-install status shows how it is going."
        }
    }

    private static func renderPreflight(_ state: WizardState, _ install: InstallState, size: TerminalSize, glyphs: Glyphs) -> Canvas {
        guard size.fits(minimumSize) else { return Overlay.tooSmall(width: size.columns, height: size.rows) }
        var canvas = Canvas(width: size.columns, height: size.rows)
        let blocked = install.phase == .blocked
        let checked = install.phase == .checked
        let warnings = install.preflight?.checks.filter { $0.status == .warn }.count ?? 0
        let title =
            blocked
            ? "Preflight found a blocker"
            : checked
                ? (warnings == 0 ? "Preflight passed" : "Preflight passed with \(warnings) warning\(warnings == 1 ? "" : "s")")
                : "Checking the cluster"
        TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) " + title)
        let x = 2
        let width = size.columns - 4
        let bottom = size.rows - 2
        var y = 2
        y += drawClusterLine(&canvas, state.cluster, x: x, y: y, width: width, glyphs: glyphs)
        y += 1
        guard let report = install.preflight else {
            canvas.write("Checking the cluster\(glyphs.ellipsis)", x: x, y: y, style: .muted)
            y += 2
            for line in install.log.filter({ !$0.isEmpty }).suffix(max(0, bottom - y)) {
                y += canvas.writeWrapped(line, in: Rect(x: x, y: y, width: width, height: max(0, bottom - y)), style: .muted)
            }
            Footer.draw(&canvas, hints: installHints(state))
            return canvas
        }
        if blocked {
            let count = report.blockers.count
            canvas.write(
                "Nothing was installed: the preflight found \(count) blocker\(count == 1 ? "" : "s").", x: x, y: y, style: .error,
                maxWidth: width)
            y += 2
        }
        // Blockers first, then warnings with their fixes; passed checks one line each as room allows.
        // The last rows say what the keys do.
        let offers = blocked ? shownOffers(install) : []
        let listBottom = bottom - 1 - offers.count
        let ordered = report.checks.filter { $0.status == .fail } + report.checks.filter { $0.status == .warn }
        for check in ordered where y < listBottom {
            y += drawCheck(&canvas, check, x: x, y: y, width: width, bottom: listBottom, glyphs: glyphs, withFix: true, offers: offers)
        }
        let passed = report.checks.filter { $0.status == .pass }
        let room = listBottom - y
        for check in passed.prefix(passed.count <= room ? passed.count : max(0, room - 1)) {
            y += drawCheck(&canvas, check, x: x, y: y, width: width, bottom: listBottom, glyphs: glyphs, withFix: false)
        }
        if passed.count > room, room > 0 {
            canvas.write("\(glyphs.ok) \(passed.count - max(0, room - 1)) more checks passed", x: x, y: y, style: .success)
            y += 1
        }
        if blocked {
            for (index, offer) in offers.enumerated() {
                canvas.write(offerLine(offer).line, x: x, y: listBottom + index, style: .strong, maxWidth: width)
            }
            let back =
                WizardFlow.isSmallestTier(state)
                ? "Press Esc to go back and change your answers."
                : "Press Esc to go back and change your answers (for example a smaller tier)."
            canvas.write(
                back, x: x, y: bottom - 1,
                style: .strong, maxWidth: width)
        } else if checked {
            canvas.write("Press Enter to install, or Esc to change your answers.", x: x, y: bottom - 1, style: .strong, maxWidth: width)
        } else {
            canvas.write("The preflight passed; starting the install\(glyphs.ellipsis)", x: x, y: bottom - 1, style: .muted)
        }
        Footer.draw(&canvas, hints: installHints(state))
        return canvas
    }

    private static func drawCheck(
        _ canvas: inout Canvas, _ check: PreflightCheck, x: Int, y: Int, width: Int, bottom: Int,
        glyphs: Glyphs, withFix: Bool, offers: [PreflightOffer] = []
    ) -> Int {
        let (mark, style): (String, CellStyle) =
            switch check.status {
            case .pass: (glyphs.ok, .success)
            case .warn: (glyphs.warning, .warning)
            case .fail: (glyphs.failure, .error)
            }
        let markWidth = canvas.write(mark, x: x, y: y, style: style) + 1
        var used = 0
        if withFix {
            used += canvas.writeWrapped(
                "\(check.title): \(check.message)",
                in: Rect(x: x + markWidth, y: y, width: width - markWidth, height: min(3, bottom - y)))
            let fix = fixText(check, offers: offers)
            if !fix.isEmpty, y + used < bottom {
                used += canvas.writeWrapped(
                    "Fix: " + fix,
                    in: Rect(
                        x: x + markWidth, y: y + used, width: width - markWidth,
                        height: min(3, bottom - y - used)), style: .muted)
            }
            let details = shownDetails(check)
            if !details.isEmpty, y + used < bottom {
                used += canvas.writeWrapped(
                    details.joined(separator: " \(glyphs.bullet) "),
                    in: Rect(
                        x: x + markWidth + 2, y: y + used,
                        width: width - markWidth - 2, height: bottom - y - used),
                    style: .muted)
            }
        } else {
            canvas.write("\(check.title): \(check.message)", x: x + markWidth, y: y, maxWidth: width - markWidth)
            used = 1
        }
        return max(1, used)
    }

    /// The cluster line of the welcome, review and preflight screens; returns the rows used.
    static func drawClusterLine(_ canvas: inout Canvas, _ cluster: ClusterInfo?, x: Int, y: Int, width: Int, glyphs: Glyphs) -> Int {
        let label = "Cluster: "
        canvas.write(label, x: x, y: y, style: .strong)
        let left = x + label.count
        let room = width - label.count
        guard let cluster else {
            canvas.write("looking for kubectl's current context\(glyphs.ellipsis)", x: left, y: y, style: .muted, maxWidth: room)
            return 1
        }
        if cluster.simulated {
            var rows = canvas.writeWrapped(
                "the built-in simulated cluster (\(cluster.detail)); nothing is installed on a real cluster.",
                in: Rect(x: left, y: y, width: room, height: 2), style: CellStyle(bold: true, role: .warning))
            if let reason = cluster.reason {
                rows += canvas.writeWrapped(reason, in: Rect(x: left, y: y + rows, width: room, height: 2), style: .muted)
            }
            return rows
        }
        let context = cluster.context ?? "(none)"
        let used = canvas.write(context, x: left, y: y, style: CellStyle(bold: true, role: .accent), maxWidth: room)
        if let problem = cluster.problem {
            let rows = canvas.writeWrapped(
                "\(glyphs.warning) does not answer: \(problem)",
                in: Rect(x: left, y: y + 1, width: room, height: 2), style: .warning)
            return 1 + rows
        }
        canvas.write("  " + cluster.detail, x: left + used, y: y, style: .muted, maxWidth: room - used)
        return 1
    }

    private static func drawPodDetail(_ canvas: inout Canvas, _ detail: PodDetail, glyphs: Glyphs) {
        var lines: [StyledLine] = [StyledLine("Events", style: .strong)]
        lines += detail.events.isEmpty ? [StyledLine("(no events)", style: .muted)] : detail.events.map { StyledLine($0) }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Last log lines", style: .strong))
        switch detail.logs {
        case nil: lines.append(StyledLine("reading\(glyphs.ellipsis)", style: .muted))
        case .some(let logs) where logs.isEmpty: lines.append(StyledLine("(no log lines yet)", style: .muted))
        case .some(let logs): lines += logs.map { StyledLine($0) }
        }
        let rect = canvas.bounds.centered(width: min(canvas.width - 4, 96), height: min(canvas.height - 4, lines.count + 2))
        canvas.fill(rect)
        // The newest lines matter most: show the tail when they do not all fit.
        let shown = lines.count > rect.height - 2 ? Array(lines.prefix(1)) + lines.suffix(rect.height - 3) : lines
        TextPane.draw(&canvas, lines: shown, scroll: 0, title: detail.pod, in: rect, glyphs: glyphs)
        canvas.cursor = nil
    }
}
