/// A function callable from a template pipeline (`{{ quote .x }}`).
///
/// Bodies receive the call context (for Helm's `include`/`tpl`) and the evaluated
/// arguments; a thrown `FunctionError` becomes Go's `error calling NAME: ...`.
public struct TemplateFunction: @unchecked Sendable {
    /// The name the function is registered under.
    public let name: String
    /// The implementation.
    public let body: (any CallContext, [Value]) throws -> Value

    /// Creates a function named `name`.
    public init(_ name: String, _ body: @escaping (any CallContext, [Value]) throws -> Value) {
        self.name = name
        self.body = body
    }
}

/// An error raised by a template function; the evaluator adds the position and name.
public struct FunctionError: Error, Equatable, Sendable {
    /// The message after `error calling NAME: `.
    public let message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
}

/// What a running function may ask of the template engine.
public protocol CallContext {
    /// Executes the named template (`include`) with `data` as dot and returns its output.
    func executeTemplate(named name: String, data: Value) throws -> String
    /// Parses `text` as a new template named `name`, sharing the current definitions, and executes it (`tpl`).
    func executeText(_ text: String, name: String, data: Value) throws -> String
    /// The name of the template being executed (for `.Template.Name`-like messages).
    var currentTemplateName: String { get }
}
