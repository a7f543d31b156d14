import Effects
import Installer

/// Draws the wizard: a pure function from state and terminal size to a canvas.
public enum WizardView {
    /// The smallest terminal the wizard draws in; smaller gets the "too small" screen.
    public static let minimumSize = TerminalSize.minimum

    /// The screen for `state` at `size`.
    public static func render(_ state: WizardState, size: TerminalSize, glyphs: Glyphs = .unicode) -> Canvas {
        guard size.fits(minimumSize) else {
            if state.overlay == .confirmQuit {
                // The question must be readable at any size: it replaces the "too small" text.
                return Overlay.tooSmall(
                    width: size.columns, height: size.rows, need: (minimumSize.columns, minimumSize.rows),
                    text: "Stop? Press y to quit, n to keep watching. " + quitMessage(state))
            }
            return Overlay.tooSmall(width: size.columns, height: size.rows, need: (minimumSize.columns, minimumSize.rows))
        }
        var state = state
        state.size = size
        if state.step == .install, let install = state.install {
            var canvas = renderInstall(state, install, size: size, glyphs: glyphs)
            drawOverlay(&canvas, state, glyphs: glyphs)
            return canvas
        }
        if case .task = state.step, let screen = state.task {
            var canvas = renderTask(state, screen, size: size, glyphs: glyphs)
            drawOverlay(&canvas, state, glyphs: glyphs)
            return canvas
        }
        var canvas = Canvas(width: size.columns, height: size.rows)
        let menu = state.step == .welcome ? TaskMenu.entries(state) : []
        if !menu.isEmpty {
            TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) Welcome back")
            drawMenu(&canvas, state, menu, in: Rect(x: 2, y: 2, width: size.columns - 4, height: size.rows - 4), glyphs: glyphs)
            Footer.draw(
                &canvas, hints: [KeyHint("Up/Down", "choose"), KeyHint("Enter", "open"), KeyHint("?", "help"), KeyHint("q", "quit")])
            drawOverlay(&canvas, state, glyphs: glyphs)
            return canvas
        }
        let (index, count) = WizardFlow.position(state)
        TitleBar.draw(&canvas, title: "PostHog installer \(glyphs.bullet) " + title(state), trailing: "Step \(index) of \(count)")
        let body = Rect(x: 2, y: 2, width: size.columns - 4, height: size.rows - 4)
        switch state.step {
        case .welcome:
            drawWelcome(&canvas, state, in: body, glyphs: glyphs)
        case .question(let id):
            if let question = state.profile.question(id) { drawQuestion(&canvas, question, state, in: body, glyphs: glyphs) }
        case .extras:
            drawExtras(&canvas, state, in: body, glyphs: glyphs)
        case .review:
            drawReview(&canvas, state, glyphs: glyphs)
        case .install, .task:
            break
        }
        Footer.draw(&canvas, hints: hints(state))
        drawOverlay(&canvas, state, glyphs: glyphs)
        return canvas
    }

    private static func drawOverlay(_ canvas: inout Canvas, _ state: WizardState, glyphs: Glyphs) {
        if state.overlay != nil, state.step == .install { Footer.draw(&canvas, hints: hints(state)) }
        switch state.overlay {
        case .help(let title, let text):
            Overlay.help(&canvas, title: title, text: text, glyphs: glyphs)
        case .confirmQuit:
            let installing = state.step == .install
            Overlay.confirm(
                &canvas, title: installing ? "Stop?" : "Quit?", message: quitMessage(state), yes: "Quit",
                no: installing ? "Keep watching" : "Keep going", glyphs: glyphs)
        case .confirmTask(let question):
            Overlay.confirm(
                &canvas, title: question.title, message: question.message, yes: question.yes, no: "Keep it",
                destructive: true, glyphs: glyphs)
        case nil:
            break
        }
    }

    static func title(_ state: WizardState) -> String {
        switch state.step {
        case .welcome: return "Welcome"
        case .question(let id):
            let section = state.profile.question(id).map(\.section)
            return state.profile.sections.first { $0.id == section }?.title ?? "Questions"
        case .extras: return "Optional extras"
        case .review: return state.changingSettings != nil ? "Review the changed settings" : "Review"
        case .install: return state.install?.task.title ?? "Install"
        case .task(let task): return task.title
        }
    }

    private static func quitMessage(_ state: WizardState) -> String {
        if state.step == .install { return installQuitMessage(state) }
        return "Quit the wizard? Nothing has been written and nothing has run yet; your answers are not saved."
    }

    static func hints(_ state: WizardState) -> [KeyHint] {
        if state.overlay == .confirmQuit {
            return [KeyHint("y", "quit"), KeyHint("n", state.step == .install ? "keep watching" : "keep going")]
        }
        if case .help = state.overlay { return [KeyHint("any key", "close help")] }
        switch state.step {
        case .welcome:
            return [KeyHint("Enter", "start"), KeyHint("?", "help"), KeyHint("q", "quit")]
        case .question(let id):
            guard let question = state.profile.question(id) else { return [] }
            if question.kind == .choice {
                return [
                    KeyHint("Up/Down", "choose"), KeyHint("Enter", "accept"), KeyHint("Esc", "back"),
                    KeyHint("?", "help"), KeyHint("q", "quit"),
                ]
            }
            let helpKey = WizardHelp.questionMarkOpensHelp(question) ? "?" : "F1"
            return [KeyHint("Enter", "accept"), KeyHint("Esc", "back"), KeyHint(helpKey, "help"), KeyHint("Ctrl-C", "quit")]
        case .extras:
            return [
                KeyHint("Up/Down", "move"), KeyHint("Space", "add/remove"), KeyHint("Enter", "continue"),
                KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("q", "quit"),
            ]
        case .install:
            return installHints(state)
        case .task:
            return taskHints(state)
        case .review:
            let confirm = state.changingSettings != nil ? "continue" : state.launch.confirmAction
            var hints = state.review.preview == nil ? [] : [KeyHint("Enter", confirm), KeyHint("Up/Down", "scroll")]
            if state.review.preview?.existing != nil { hints.append(KeyHint("Tab", "changes/file")) }
            return hints + [KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("q", "quit")]
        }
    }

    private static func drawWelcome(_ canvas: inout Canvas, _ state: WizardState, in body: Rect, glyphs: Glyphs) {
        var y = body.y
        canvas.write("Install PostHog on your Kubernetes cluster", x: body.x, y: y, style: .heading)
        y += 2
        y += canvas.writeWrapped(
            """
            This wizard asks where your cluster runs, the hostname PostHog will be reached at, \
            HTTPS and the expected size. It then shows the values.yaml it will write and the exact \
            helm commands, and runs nothing until you confirm.
            """, in: Rect(x: body.x, y: y, width: body.width, height: 4))
        y += 1
        canvas.write("You need:", x: body.x, y: y, style: .strong)
        y += 1
        let costs = state.profile.costs
        let needs = [
            "kubectl pointing at the cluster (the review screen shows which one)",
            "helm 3 on your PATH",
            "a cluster with at least \(costs.minimumCPU) vCPU and \(costs.minimumMemoryGiB) GiB memory in total",
            "a domain where you can create a DNS record",
        ]
        for need in needs {
            canvas.write("\(glyphs.bullet) \(need)", x: body.x + 1, y: y, maxWidth: body.width - 1)
            y += 1
        }
        y += 1
        if state.launch.runsInstall {
            y += drawClusterLine(&canvas, state.cluster, x: body.x, y: y, width: body.width, glyphs: glyphs)
            y += 1
        }
        let chart = state.profile.chart
        y += canvas.writeWrapped(
            "Chart: \(chart.repositoryName)/\(chart.chart) \(chart.defaultVersion) (PostHog \(chart.appVersion)) from \(chart.repository)",
            in: Rect(x: body.x, y: y, width: body.width, height: 2), style: .muted)
        y += 1
        canvas.write("Press Enter to start.", x: body.x, y: y, style: .strong)
    }
}
