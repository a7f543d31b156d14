import Effects
import Testing
@testable import TUI

/// 80×24 screens of the day-2 jobs, drawn from `TaskForm` values like those the edge prepares.
@Suite struct TaskGoldenTests {
    static func screen(_ task: WizardTask, _ form: TaskForm, keys: [Key] = []) -> Canvas {
        var state = WizardFixtures.start()
        state.cluster = ClusterInfo(simulated: false, context: "do-fra1-posthog", detail: "Kubernetes v1.32.2, 2 nodes")
        state.step = .task(task)
        state.task = TaskScreen(task: task).with(form)
        state = WizardFixtures.press(keys, on: state).0
        return WizardView.render(state, size: .minimum, glyphs: .unicode)
    }

    static let resizeForm = TaskForm(
        heading: "Grow the data volumes of release posthog",
        text: [
            StyledLine("The volumes now (kubectl get pvc -n posthog):", style: .strong),
            StyledLine("  ClickHouse  data-chi-posthog-posthog-0-0-0"),
            StyledLine("              asks 20Gi, has 20Gi, class do-block-storage: can grow"),
            StyledLine("  PostgreSQL  data-posthog-posthog-postgresql-0"),
            StyledLine("              asks 10Gi, has 10Gi, class do-block-storage: can grow"),
            StyledLine(""),
            StyledLine("What happens when you press Grow:", style: .strong),
            StyledLine("  1. Each claim you gave a larger size is patched (kubectl patch pvc); volumes can only grow."),
        ],
        textTitle: "Storage",
        fields: [
            TaskField(id: "clickhouse", label: "ClickHouse", kind: .size, initial: "20Gi", optional: true,
                      hint: "now 20Gi; type a larger size such as 200Gi"),
            TaskField(id: "postgresql", label: "PostgreSQL", kind: .size, initial: "10Gi", optional: true,
                      hint: "now 10Gi; type a larger size such as 200Gi"),
        ],
        commands: [["helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog", "posthog",
                    "posthog/posthog", "--version", "30.46.0", "--kube-context", "do-fra1-posthog"]],
        action: "grow")

    static let infoForm = TaskForm(
        heading: "Connection details of release posthog in namespace posthog",
        text: [
            StyledLine("Prometheus: http://localhost:9090 (forwarding; press p to stop)", style: .strong),
            StyledLine("  from pod posthog-prometheus-server-5d9f7c6b8-x2k4q"),
            StyledLine(""),
            StyledLine("PostHog: https://posthog.example.com", style: .strong),
            StyledLine("Installed: chart posthog-30.46.0, PostHog 1.43.0", style: .strong),
            StyledLine(""),
            StyledLine("PostgreSQL: posthog-posthog-postgresql.posthog.svc.cluster.local:5432 (inside the cluster)", style: .strong),
            StyledLine("  user: postgres"),
            StyledLine("  database: posthog"),
            StyledLine("  password: in Secret posthog-posthog-postgresql, key postgresql-password"),
            StyledLine(""),
            StyledLine("Passwords are not shown; press s to show them.", style: .muted),
        ],
        textTitle: "Same as posthog-install info",
        keys: [TaskKey(key: "s", label: "show passwords", option: "show-secrets"),
               TaskKey(key: "p", label: "stop forwarding", option: "port-forward")])

    @Test func resizeForm() {
        let canvas = Self.screen(.resize, Self.resizeForm)
        Golden.check(canvas.plainText(), "task-resize")
        #expect(canvas.cursor != nil, "the first size field has the cursor")
    }

    @Test func resizeRefusesAnUnknownUnitBeforeRunning() {
        let keys: [Key] = [.end, .backspace, .backspace, .character("X"), .character("B")]
        let canvas = Self.screen(.resize, Self.resizeForm, keys: keys)
        Golden.check(canvas.plainText(), "task-resize-bad-size")
    }

    @Test func infoScreen() {
        let canvas = Self.screen(.info, Self.infoForm)
        Golden.check(canvas.plainText(), "task-info")
        #expect(canvas.plainText().contains("s show passwords"))
    }

    @Test func infoKeysAskForTheScreenAgainWithTheOptionSwitched() {
        var state = WizardFixtures.start()
        state.step = .task(.info)
        state.task = TaskScreen(task: .info).with(Self.infoForm)
        let (after, effects) = WizardFixtures.press([.character("s")], on: state)
        #expect(effects == [.prepareTask(.info, TaskInputs(options: ["show-secrets"]))])
        #expect(after.task?.form == nil, "the screen waits for the new form")
    }
}
