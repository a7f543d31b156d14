/// An error while executing a template, in Go's format:
/// `template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: MESSAGE`.
public struct ExecError: Error, Sendable, CustomStringConvertible {
    /// The file (parse name) the failing node comes from.
    public let file: String
    /// 1-based line of the node.
    public let line: Int
    /// Column of the node as Go prints it: a 0-based byte offset within the line.
    public let column: Int
    /// The template being executed.
    public let templateName: String
    /// The node as text (current Go prints it whole).
    public let context: String
    /// The message after the context.
    public let message: String
    /// The function error, when a function failed (Helm reformats `fail`/`required`).
    public let functionError: FunctionError?

    /// Go's text.
    public var description: String {
        "template: \(file):\(line):\(column): executing \"\(templateName)\" at <\(context)>: \(message)"
    }
}

/// Options that change how missing map keys are printed or treated (Go's `missingkey=`).
public enum MissingKey: Sendable {
    /// Print `<no value>` (Go's default).
    case noValue
    /// Use the zero value (Helm uses this).
    case zero
    /// Stop with an error.
    case error
}
