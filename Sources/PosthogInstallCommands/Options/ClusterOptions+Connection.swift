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
    func connection(cloud: String?) throws -> ClusterConnection {
        do {
            let connection = try ClusterConnection.open(self, cloud: cloud)
            connection.notes.forEach { print($0) }
            return connection
        } catch {
            print("Error: \(error.message)")
            throw (error.isBadInput ? ToolExitCode.badInput : ToolExitCode.failed).exitCode
        }
    }
}

extension ClusterConnection {
    /// After a failed command: where the transcript of every kubectl and helm call is.
    func printLogLocation(after code: ToolExitCode) {
        guard code != .success, code != .stopped, let path = transcriptPath else { return }
        print("Full log of every kubectl and helm command: \(path)")
    }
}
