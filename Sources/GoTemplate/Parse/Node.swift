/// A node of a parsed template. Every node keeps the byte offset it starts at.
public indirect enum Node: Sendable {
    /// Plain text.
    case text(String, offset: Int)
    /// `{{ pipeline }}`.
    case action(Pipeline, offset: Int)
    /// `{{/* ... */}}`.
    case comment(offset: Int)
    /// `{{if}}`, `{{with}}`, `{{range}}`: pipeline, body and optional else body.
    case branch(BranchKind, Pipeline, body: [Node], elseBody: [Node]?, offset: Int)
    /// `{{template "name" pipeline}}`.
    case template(name: String, Pipeline?, offset: Int)
    /// `{{break}}`.
    case breakLoop(offset: Int)
    /// `{{continue}}`.
    case continueLoop(offset: Int)

    /// Which control structure a branch is.
    public enum BranchKind: String, Sendable {
        case `if`, with, range
    }
}

/// A pipeline: optional variable declarations and commands joined by `|`.
public struct Pipeline: Sendable {
    /// Declared or assigned variables (`$x :=`, `$i, $v :=`).
    public var variables: [String]
    /// True for `=` (assignment), false for `:=` (declaration).
    public var isAssignment: Bool
    /// The commands; each one's result is passed as the last argument of the next.
    public var commands: [Command]
    /// Byte offset of the pipeline.
    public var offset: Int
    /// Whether it was written in parentheses (`(.a).b`), as opposed to a function name with
    /// fields after it: Go prints and evaluates the two differently.
    public var isParenthesized = false
}

/// One command: a function call, a method/field evaluation or a single operand.
public struct Command: Sendable {
    /// The operands; the first decides what the command does.
    public var arguments: [Operand]
    /// Byte offset.
    public var offset: Int
}

/// An operand of a command.
public indirect enum Operand: Sendable {
    /// `.` itself.
    case dot(offset: Int)
    /// `nil`.
    case null(offset: Int)
    /// `true`/`false`.
    case bool(Bool, offset: Int)
    /// A number constant, kept as written and as parsed.
    case number(NumberConstant, offset: Int)
    /// A string constant (already unquoted).
    case string(String, offset: Int)
    /// A function name.
    case identifier(String, offset: Int)
    /// `.A.B` on dot.
    case field([String], offset: Int)
    /// `$x.A.B` (`$` alone has no fields).
    case variable(String, fields: [String], offset: Int)
    /// `(pipeline).A.B` or a parenthesised pipeline without fields.
    case chain(Pipeline, fields: [String], offset: Int)

    /// Byte offset of the operand.
    public var offset: Int {
        switch self {
        case .dot(let o), .null(let o), .bool(_, let o), .number(_, let o), .string(_, let o), .identifier(_, let o),
             .field(_, let o), .variable(_, _, let o), .chain(_, _, let o):
            return o
        }
    }
}

/// A numeric constant as Go's parser classifies it.
public struct NumberConstant: Sendable, Equatable {
    /// The source text.
    public let text: String
    /// Its value as an integer, when it is one.
    public let int: Int64?
    /// Its value as a float, when it can be one.
    public let float: Double?
    /// Whether it was a character constant (`'a'`).
    public let isChar: Bool
    /// Whether it fits only an unsigned 64-bit integer (`0x8000000000000000`): Go parses it but
    /// refuses it as an `int` when it runs.
    public var isUnsigned = false
    /// Whether Go makes it a float64 when it runs: written with a point, an exponent or a binary
    /// exponent, and neither a hex integer nor a character (`1.0`, `1e3`; not `0x1e`, `'a'`).
    public var isWrittenAsFloat = false
}
