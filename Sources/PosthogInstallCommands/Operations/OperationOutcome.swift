/// How every command's run turns what its body threw into a message and an exit code.
enum OperationOutcome {
    /// Runs `body`: a `ValuesRun.Failure` prints its message with its own code, a cancellation
    /// (Ctrl-C) is exit 3, anything else is printed as an error with exit 1.
    /// The error's message goes to `fail` (standard error for the headless commands).
    static func run(emit: (String) -> Void, fail: (String) -> Void, _ body: () async throws -> ToolExitCode) async -> ToolExitCode {
        do {
            return try await body()
        } catch let failure as ValuesRun.Failure {
            fail("Error: \(failure.message)")
            return failure.status
        } catch is CancellationError {
            return .stopped
        } catch {
            fail("Error: \(error)")
            return .failed
        }
    }
}
