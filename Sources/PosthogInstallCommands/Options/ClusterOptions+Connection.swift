import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ClusterOptions {
    /// The cluster these options name (`ClusterConnection.open`), with its notes printed; a
    /// connection that cannot be made ends the command with its message (exit 2 for bad flags,
    /// 1 for a problem on disk).
    /// With `notesToStandardError` (JSON output) the notes stay out of standard output.
    func connection(cloud: String?, notesToStandardError: Bool = false) throws -> ClusterConnection {
        do {
            let connection = try ClusterConnection.open(self, cloud: cloud)
            connection.notes.forEach { notesToStandardError ? Console.standard.error($0) : Console.standard.line($0) }
            return connection
        } catch {
            Console.standard.error("Error: \(error.message)")
            throw (error.isBadInput ? ToolExitCode.badInput : ToolExitCode.failed).exitCode
        }
    }
}

extension ClusterOptions {
    /// The follow-up commands for a run with these options.
    func followUp(simulated: Bool) -> FollowUpCommands {
        FollowUpCommands(context: context, namespace: namespace, release: release, simulated: simulated)
    }
}

extension ClusterConnection {
    /// After a failed command: where the transcript of every kubectl and helm call is.
    func printLogLocation(after code: ToolExitCode) {
        guard code != .success, code != .stopped, let path = transcriptPath else { return }
        Console.standard.error("Full log of every kubectl and helm command: \(path)")
    }
}
