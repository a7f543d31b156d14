/// A function callable from a template pipeline (`{{ quote .x }}`).
///
/// Bodies receive the call context (for Helm's `include`/`tpl`) and the evaluated
/// arguments; a thrown `FunctionError` becomes Go's `error calling NAME: ...`.
///
/// Sendable unchecked: the body is not `@Sendable`, because Helm's `include`, `tpl`,
/// `required` and `fail` share counters with the render they belong to (`EngineState`).
/// Such functions are made for one render and used by it alone; the stateless Sprig
/// functions may be shared freely.
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
    /// The error this one wraps (Go's `%w`), e.g. the template error an `include` ran into.
    public let cause: (any Error)?
    /// Whether the arguments were wrong: Go reports those without the `error calling NAME:` prefix.
    public let isArgumentError: Bool
    /// For a wrong argument type: which argument, and the Go type of the parameter. Go checks
    /// argument types before the call and names the argument, not the function.
    public let argument: (index: Int, goType: String)?
    /// Creates the error.
    public init(_ message: String, cause: (any Error)? = nil) {
        self.message = message
        self.cause = cause
        self.isArgumentError = false
        self.argument = nil
    }

    /// An error about the number or type of arguments, reported as Go's call checks report it.
    public static func arguments(_ message: String) -> FunctionError { FunctionError(message: message, argument: nil) }

    /// Argument `index` does not fit a parameter of Go type `goType` (`string`, `int`, `float64`,
    /// `map[string]interface {}`): Go's "wrong type for value" or, for nil, "invalid value".
    public static func argumentType(index: Int, goType: String, got value: Value) -> FunctionError {
        if case .null = value { return FunctionError(message: "invalid value; expected \(goType)", argument: (index, goType)) }
        return FunctionError(message: "wrong type for value; expected \(goType); got \(GoFormat.typeName(value))", argument: (index, goType))
    }

    private init(message: String, argument: (index: Int, goType: String)?) {
        self.message = message
        self.cause = nil
        self.isArgumentError = true
        self.argument = argument
    }

    /// Errors compare by message.
    public static func == (lhs: FunctionError, rhs: FunctionError) -> Bool { lhs.message == rhs.message }
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
