import Cluster
import Effects
import Installer
import TUI

/// The wizard's HTTPS (DigitalOcean 1-click), storage and connection-details screens.
extension WizardTaskSession {
    func prepareTLS(_ inputs: TaskInputs) async throws -> WizardEvent {
        .taskUnavailable(.oneClickTLS, "Use posthog-install tls --hostname NAME for now.")
    }

    func runTLS(_ inputs: TaskInputs, connection: ClusterConnection, context: String?,
                report: @escaping @Sendable (OperationEvent) -> Void) async -> ToolExitCode {
        .failed
    }

    func prepareResize(_ inputs: TaskInputs) async throws -> WizardEvent {
        .taskUnavailable(.resize, "Use posthog-install resize for now.")
    }

    func runResize(_ inputs: TaskInputs, connection: ClusterConnection, context: String?,
                   report: @escaping @Sendable (OperationEvent) -> Void) async -> ToolExitCode {
        .failed
    }

    func prepareInfo(_ inputs: TaskInputs) async throws -> WizardEvent {
        .taskUnavailable(.info, "Use posthog-install info for now.")
    }
}
