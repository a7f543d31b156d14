import Cluster
import Installer
import Kube

/// Runs a plan's steps in order, for every command that changes the cluster (install, upgrade,
/// TLS, uninstall, resize): helm and kubectl steps with their output streamed and a heartbeat,
/// the pods watched where the plan says so, the command's own tasks through its handler, and
/// every stop (a failed step, a watch that gives up, the time limit) ending with what to run next.
struct PlanExecutor {
    /// What a command's handler did with a step.
    enum StepResult: Sendable, Equatable {
        /// Done; go on with the next step.
        case next
        /// Stop the plan here with this exit code (the handler has said why).
        case finish(ToolExitCode)
    }

    /// A command's own handling of a step; nil lets the executor run it the usual way.
    typealias Handler = (PlanStep) async throws -> StepResult?

    let steps: ClusterSteps
    /// The namespace watched.
    let namespace: String
    /// What to run to follow the release after a stop (`posthog-install status --watch …`).
    let followUp: FollowUpCommands
    /// How long the pods are waited for after helm is done.
    var patience: Duration = Waits.pods
    /// How long Pending pods and claims are waited for.
    var policy: StatusPolicy = .standard
    /// Steps whose helm run is watched at the same time (a first install: its pods appear while
    /// helm waits for its hooks). An upgrade is not: the old pods are all ready until helm has
    /// applied the new spec, and counting them would say "ready" before anything changed.
    var watchedWhileRunning: Set<String> = []

    private var report: @Sendable (OperationEvent) -> Void { steps.report }

    /// Runs `plan`; returns the exit code of the first step that stops it, or success.
    func execute(_ plan: [PlanStep], handle: Handler = { _ in nil }) async throws -> ToolExitCode {
        for step in plan {
            try Task.checkCancellation()
            if let result = try await handle(step) {
                if case .finish(let code) = result { return code }
                continue
            }
            switch step.action {
            case .run(let argv):
                let watch = watchedWhileRunning.contains(step.id) ? namespace : nil
                switch try await steps.runTool(step, argv: argv, watchNamespace: watch) {
                case .succeeded: continue
                case .failed:
                    report(.note(""))
                    report(.note(followUp.afterFailedStep(step)))
                    return .failed
                case .lostCluster:
                    report(.note(""))
                    report(.note(followUp.afterLostCluster))
                    return .failed
                }
            case .task(.watchProgress):
                report(.stepStarted(step))
                let outcome = try await steps.watch(namespace: namespace, until: patience, policy: policy)
                report(.stepFinished(step, succeeded: outcome == .ready))
                switch outcome {
                case .ready: continue
                case .stopped:
                    report(.note(followUp.afterStoppedWatch))
                    return .failed
                case .timedOut:
                    report(.note(followUp.afterTimeout(patience)))
                    return .failed
                case .lostCluster:
                    report(.note(followUp.afterLostCluster))
                    return .failed
                }
            case .task:
                // A task the command did not handle has nothing to do here.
                continue
            }
        }
        return .success
    }
}
