import Effects
import Foundation

extension ClusterOptions {
    /// The cluster these options name: the simulated one with `--simulate`, else the real one
    /// through kubectl and helm (pinned to `--context` when given). A bad `--simulate-nodes`
    /// ends the command with exit 2 and a message.
    func connection(cloud: String?) throws -> ClusterConnection {
        guard simulate else { return .real(context: context) }
        do {
            return try .simulated(nodes: simulateNodes, cloud: cloud ?? "do")
        } catch {
            print("Error: --simulate-nodes: \(error)")
            throw ToolExitCode.badInput.exitCode
        }
    }
}
