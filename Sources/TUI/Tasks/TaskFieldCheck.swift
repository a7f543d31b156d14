import Installer

/// What is wrong with a field of a job's screen.
public struct TaskFieldProblem: Error, Sendable, Hashable {
    /// The message shown under the field.
    public var message: String

    /// Creates a problem.
    public init(_ message: String) { self.message = message }
}

/// Checks a field of a job's screen with the same rules as the questions and the headless
/// flags (`Installer.AnswerValidation`).
public enum TaskFieldCheck {
    /// The cleaned value, or what is wrong.
    public static func check(_ text: String, _ field: TaskField) -> Result<String, TaskFieldProblem> {
        let question = Question(id: field.id, section: "task", prompt: field.label, kind: field.kind, optional: field.optional)
        let result = AnswerValidation.check(text, question: question).mapError { TaskFieldProblem($0.description) }
        // A smaller size is refused where it is typed, not after the button (volumes only grow).
        if case .success(let size) = result, field.kind == .size, let current = field.atLeast,
            let problem = VolumeResize.shrinkProblem(size, current: current)
        {
            return .failure(TaskFieldProblem(problem))
        }
        return result
    }
}
