/// Walks parsed nodes and writes output: Go's text/template execution semantics.
struct Executor: CallContext {
    let set: TemplateSet
    /// Definitions added by `tpl` text, visible only to this execution.
    var overlay: [String: TemplateSet.Definition]
    /// The text of each `tpl` file name in scope, for error positions (the set's own
    /// templates keep theirs in the set, which execution never changes).
    var overlaySources: [String: [UInt8]] = [:]
    /// `tpl` texts parsed so far in this execution: a template that calls `tpl` in a loop
    /// parses its text once.
    let parsedTexts = ParsedTexts()
    /// Variables in scope; `typedNil` marks a nil that Go holds as a nil `interface {}` (a range
    /// element) rather than as "no value" (a pipeline's nil result), which field access tells apart.
    private var variables: [(name: String, value: Value, typedNil: Bool)] = []
    /// Whether a nil dot is a range element (Go's nil `interface {}`): `.x` on it is an error,
    /// while on a nil dot passed as data (`template`, `include`) it is "no value".
    var nilDotIsTyped = false
    private var depth = 0
    private var current = ""
    var currentFile = ""

    /// Ends runaway nesting (include, tpl and template calls) before the thread's stack does.
    let stackGuard = StackGuard.current()

    init(set: TemplateSet, overlay: [String: TemplateSet.Definition]) {
        self.set = set
        self.overlay = overlay
    }

    private enum Flow { case normal, breakLoop, continueLoop }

    /// The key `tpl` text is stored under, apart from the real templates.
    static let tplPrefix = "\u{0}tpl:"

    var currentTemplateName: String { current }

    private func definition(_ name: String) -> TemplateSet.Definition? {
        // Most executions define nothing of their own (`tpl` text with a `define` does): skip hashing the name twice.
        if !overlay.isEmpty, let own = overlay[name] { return own }
        return set.definitions[name]
    }

    mutating func run(_ name: String, data: Value) throws -> String {
        guard let definition = definition(name) else {
            throw FunctionError(
                "no template \(NodeText.quote(name)) associated with template \(NodeText.quote(current.isEmpty ? (set.rootName ?? name) : current))"
            )
        }
        depth += 1
        defer { depth -= 1 }
        if depth > set.maxDepth {
            throw FunctionError("exceeded maximum template depth (\(set.maxDepth))")
        }
        if stackGuard.isExhausted {
            throw FunctionError("templates nest too deeply (include, tpl or template calls within each other) for the stack")
        }
        let savedVariables = variables
        let savedCurrent = current
        let savedFile = currentFile
        let savedNilDot = nilDotIsTyped
        defer {
            variables = savedVariables
            current = savedCurrent
            currentFile = savedFile
            nilDotIsTyped = savedNilDot
        }
        variables = [("$", data, false)]
        nilDotIsTyped = false
        // `tpl` text runs under an internal key; errors name it as Go does, by its template name.
        current = name.hasPrefix(Self.tplPrefix) ? String(name.dropFirst(Self.tplPrefix.count)) : name
        currentFile = definition.file
        var out = ""
        _ = try walk(definition.body, dot: data, into: &out)
        return out
    }

    // MARK: CallContext

    func executeTemplate(named name: String, data: Value) throws -> String {
        // Go's ExecuteTemplate starts a new execution state: variables and depth start afresh.
        var child = self
        child.depth = 0
        child.current = ""
        return try child.run(name, data: data)
    }

    func executeText(_ text: String, name: String, data: Value) throws -> String {
        let result: Parser.Result
        if let parsed = parsedTexts.results[name]?[text] {
            result = parsed
        } else {
            var parser = Parser(name: name, source: text, functions: set.functionNames)
            result = try parser.parse()
            parsedTexts.results[name, default: [:]][text] = result
        }
        var child = self
        for (defined, body) in result.definitions { child.overlay[defined] = TemplateSet.Definition(body: body, file: name) }
        child.overlay[Self.tplPrefix + name] = TemplateSet.Definition(body: result.root, file: name)
        child.overlaySources[name] = child.overlaySources[name] ?? Array(text.utf8)
        return try child.run(Self.tplPrefix + name, data: data)
    }

    // MARK: Nodes

    private mutating func walk(_ nodes: [Node], dot: Value, into out: inout String) throws -> Flow {
        for node in nodes {
            let flow = try walk(node, dot: dot, into: &out)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private mutating func walk(_ node: Node, dot: Value, into out: inout String) throws -> Flow {
        switch node {
        case .text(let text, _):
            out += text
        case .comment:
            break
        case .action(let pipe, _):
            let value = try evaluate(pipe, dot: dot)
            if pipe.variables.isEmpty { out += printed(value) }
        case .branch(let kind, let pipe, let body, let elseBody, _):
            let mark = variables.count
            defer { variables.removeSubrange(mark...) }
            switch kind {
            case .if:
                let value = try evaluate(pipe, dot: dot)
                if Builtins.truth(value) { return try walk(body, dot: dot, into: &out) }
                if let elseBody { return try walk(elseBody, dot: dot, into: &out) }
            case .with:
                let value = try evaluate(pipe, dot: dot)
                if Builtins.truth(value) { return try walk(body, dot: value, into: &out) }
                if let elseBody { return try walk(elseBody, dot: dot, into: &out) }
            case .range:
                return try range(pipe, body: body, elseBody: elseBody, dot: dot, into: &out)
            }
        case .template(let name, let pipe, let offset):
            var context: String { "{{template \(NodeText.quote(name))" + (pipe.map { " " + NodeText.pipeline($0) } ?? "") + "}}" }
            guard definition(name) != nil else {
                throw execError(at: offset, context: context, message: "template \(NodeText.quote(name)) not defined", function: nil)
            }
            let data = try pipe.map { try evaluate($0, dot: dot) } ?? .null
            do {
                out += try run(name, data: data)
            } catch let error as FunctionError {
                throw execError(at: offset, context: context, message: error.message, function: nil)
            }
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        }
        return .normal
    }

    private mutating func range(_ pipe: Pipeline, body: [Node], elseBody: [Node]?, dot: Value, into out: inout String) throws -> Flow {
        var declared = pipe
        declared.variables = []
        let value = try evaluate(declared, dot: dot)
        var pairs: [(Value, Value)] = []
        switch value {
        case .list(let items): pairs = items.enumerated().map { (.int(Int64($0.offset)), $0.element) }
        case .map(let map): pairs = map.sortedKeys.map { (.string($0), map[$0] ?? .null) }
        case .int(let n), .int64(let n): pairs = n > 0 ? (0..<n).map { (.int($0), .int($0)) } : []
        case .null: pairs = []
        case .object(let object) where object.rangeEntries != nil:
            pairs = (object.rangeEntries ?? []).map { ($0.key, $0.value) }
        default:
            throw execError(
                at: pipe.offset, context: NodeText.pipeline(pipe), message: "range can't iterate over \(ValueFormatting.string(value))",
                function: nil)
        }
        if pairs.isEmpty {
            if let elseBody { return try walk(elseBody, dot: dot, into: &out) }
            return .normal
        }
        for (key, element) in pairs {
            let mark = variables.count
            // Go hands range elements over as `interface {}` values: a nil one is a typed nil.
            if pipe.variables.count == 1 {
                try assign(pipe.variables[0], element, declare: !pipe.isAssignment, typedNil: true, pipe: pipe)
            } else if pipe.variables.count == 2 {
                try assign(pipe.variables[0], key, declare: !pipe.isAssignment, typedNil: true, pipe: pipe)
                try assign(pipe.variables[1], element, declare: !pipe.isAssignment, typedNil: true, pipe: pipe)
            }
            let savedNilDot = nilDotIsTyped
            nilDotIsTyped = true
            let flow = try walk(body, dot: element, into: &out)
            nilDotIsTyped = savedNilDot
            variables.removeSubrange(mark...)
            if flow == .breakLoop { break }
        }
        return .normal
    }

    /// How an action prints its value: `<no value>` for nil, `%v` otherwise.
    private func printed(_ value: Value) -> String {
        if case .null = value { return "<no value>" }
        return ValueFormatting.string(value)
    }

    /// Declares `name`, or with `declare` false sets the innermost variable of that name; `pipe`
    /// names the node Go reports when there is none to set.
    private mutating func assign(_ name: String, _ value: Value, declare: Bool, typedNil: Bool = false, pipe: Pipeline) throws {
        if declare {
            variables.append((name, value, typedNil))
        } else if let i = variables.lastIndex(where: { $0.name == name }) {
            variables[i].value = value
            variables[i].typedNil = typedNil
        } else {
            let last = NodeText.lastEvaluated(in: pipe)
            throw execError(at: last.offset, context: NodeText.operand(last), message: "undefined variable: \(name)", function: nil)
        }
    }

    // MARK: Pipelines

    mutating func evaluate(_ pipe: Pipeline, dot: Value) throws -> Value {
        var value: Value? = nil
        for command in pipe.commands {
            value = try evaluate(command, dot: dot, final: value)
        }
        let result = value ?? .null
        for name in pipe.variables { try assign(name, result, declare: !pipe.isAssignment, pipe: pipe) }
        return result
    }

    private mutating func evaluate(_ command: Command, dot: Value, final: Value?) throws -> Value {
        guard let first = command.arguments.first else { return .null }
        switch first {
        case .identifier(let name, let offset):
            return try call(name, command.arguments.dropFirst(), final: final, dot: dot, command: command, offset: offset)
        case .field(let names, let offset):
            let args = try command.arguments.dropFirst().map { try operandValue($0, dot: dot) } + (final.map { [$0] } ?? [])
            return try fieldChain(
                dot, names, args: args, offset: offset, context: NodeText.operand(first),
                nilBaseIsNoValue: !nilDotIsTyped)
        case .variable(let name, let fields, let offset):
            let (base, typedNil) = try variable(name, offset: offset)
            if fields.isEmpty {
                if command.arguments.count > 1 || final != nil {
                    throw execError(at: offset, context: name, message: "can't give argument to non-function \(name)", function: nil)
                }
                return base
            }
            let args = try command.arguments.dropFirst().map { try operandValue($0, dot: dot) } + (final.map { [$0] } ?? [])
            return try fieldChain(
                base, fields, args: args, offset: offset, context: NodeText.operand(first),
                nilBaseIsNoValue: !typedNil)
        case .chain(let pipe, let fields, _):
            let base = try evaluate(pipe, dot: dot)
            let args = try command.arguments.dropFirst().map { try operandValue($0, dot: dot) } + (final.map { [$0] } ?? [])
            // Go reports a field error after `(pipeline)` at the last node the pipeline evaluated.
            let last = NodeText.lastEvaluated(in: pipe)
            return fields.isEmpty
                ? base
                : try fieldChain(
                    base, fields, args: args, offset: last.offset, context: NodeText.operand(last),
                    baseIsTyped: true, nilBaseIsNoValue: pipe.isParenthesized)
        default:
            if command.arguments.count > 1 || final != nil {
                throw execError(
                    at: first.offset, context: NodeText.operand(first),
                    message: "can't give argument to non-function \(NodeText.operand(first))", function: nil)
            }
            if case .null = first {
                throw execError(at: first.offset, context: "nil", message: "nil is not a command", function: nil)
            }
            return try operandValue(first, dot: dot)
        }
    }

    mutating func operandValue(_ operand: Operand, dot: Value) throws -> Value {
        switch operand {
        case .dot: return dot
        case .null: return .null
        case .bool(let b, _): return .bool(b)
        case .string(let s, _): return .string(s)
        case .number(let n, let offset):
            // Go's idealConstant: a float when written as one (hex integers and characters are ints).
            if n.isWrittenAsFloat, let d = n.float { return .float(d) }
            if let i = n.int { return .int(i) }
            throw execError(at: offset, context: n.text, message: "\(n.text) overflows int", function: nil)
        case .identifier(let name, let offset):
            return try call(name, [], final: nil, dot: dot, command: Command(arguments: [operand], offset: offset), offset: offset)
        case .field(let names, let offset):
            return try fieldChain(
                dot, names, args: [], offset: offset, context: NodeText.operand(operand),
                nilBaseIsNoValue: !nilDotIsTyped)
        case .variable(let name, let fields, let offset):
            let (base, typedNil) = try variable(name, offset: offset)
            return fields.isEmpty
                ? base
                : try fieldChain(
                    base, fields, args: [], offset: offset, context: NodeText.operand(operand),
                    nilBaseIsNoValue: !typedNil)
        case .chain(let pipe, let fields, _):
            let base = try evaluate(pipe, dot: dot)
            let last = NodeText.lastEvaluated(in: pipe)
            return fields.isEmpty
                ? base
                : try fieldChain(
                    base, fields, args: [], offset: last.offset, context: NodeText.operand(last),
                    baseIsTyped: true, nilBaseIsNoValue: pipe.isParenthesized)
        }
    }

    private func variable(_ name: String, offset: Int) throws -> (Value, typedNil: Bool) {
        guard let entry = variables.last(where: { $0.name == name }) else {
            throw execError(at: offset, context: name, message: "undefined variable: \(name)", function: nil)
        }
        return (entry.value, entry.typedNil)
    }
}

/// The `tpl` texts one execution has parsed, by template name and text. Confined to that
/// execution (one thread), shared by the copies of its `Executor`.
final class ParsedTexts {
    var results: [String: [String: Parser.Result]] = [:]
}
