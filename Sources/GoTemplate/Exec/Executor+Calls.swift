extension Executor {
    /// Evaluates `.a.b` on `base`; the last link may be a method called with `args`.
    ///
    /// Go names the receiver's static type in errors: `interface {}` for anything reached
    /// through a map or variable, the concrete type for a function's or method's result and
    /// an object's field (`baseIsTyped` for the start of the chain).
    /// `context` (the node's text for errors) is only built when evaluation fails.
    ///
    /// Go tells two nils apart: a pipeline's nil result ("no value": `(.a).b`, `$x.b` after
    /// `$x := .a`, a nil dot passed to a template) yields no value for any field after it
    /// (`nilBaseIsNoValue`), while a nil `interface {}` (a map entry, a range element) is a
    /// "nil pointer evaluating" error. A key missing mid-chain is a nil of the first kind
    /// under Go's default `missingkey`, of the second under Helm's `missingkey=zero`.
    mutating func fieldChain(
        _ base: Value, _ names: [String], args: [Value], offset: Int, context: @autoclosure () -> String,
        baseIsTyped: Bool = false, nilBaseIsNoValue: Bool = false
    ) throws -> Value {
        var value = base
        var typed = baseIsTyped
        var noValue = nilBaseIsNoValue
        for (i, name) in names.enumerated() {
            if noValue, case .null = value {
                if set.missingKey == .error {
                    throw execError(
                        at: offset, context: context(), message: "nil data; no entry for key \(NodeText.quote(name))", function: nil)
                }
                return .null
            }
            noValue = false
            let isLast = i == names.count - 1
            let receiverTyped = typed
            typed = !({ if case .map = value { return true } else { return false } }())
            switch value {
            case .map(let map):
                if isLast && !args.isEmpty {
                    throw execError(at: offset, context: context(), message: "\(name) is not a method but has arguments", function: nil)
                }
                if let found = map[name] {
                    value = found
                } else {
                    if set.missingKey == .error {
                        throw execError(
                            at: offset, context: context(), message: "map has no entry for key \(NodeText.quote(name))", function: nil)
                    }
                    value = .null
                    noValue = set.missingKey == .noValue
                }
            case .object(let object):
                if object.hasMethod(name) {
                    do {
                        guard let result = try object.callMethod(name, isLast ? args : []) else {
                            value = .null
                            continue
                        }
                        value = result
                    } catch let error as FunctionError {
                        let message = error.isArgumentError ? error.message : "error calling \(name): \(error.message)"
                        throw execError(at: offset, context: context(), message: message, function: error)
                    }
                } else if let field = object.field(name) {
                    value = field
                } else {
                    let type = receiverTyped ? object.goTypeName : "interface {}"
                    throw execError(at: offset, context: context(), message: "can't evaluate field \(name) in type \(type)", function: nil)
                }
            case .null:
                throw execError(at: offset, context: context(), message: "nil pointer evaluating interface {}.\(name)", function: nil)
            default:
                let type = receiverTyped ? Builtins.typeName(value) : "interface {}"
                throw execError(at: offset, context: context(), message: "can't evaluate field \(name) in type \(type)", function: nil)
            }
        }
        return value
    }

    /// Calls a built-in or registered function; `and`/`or` evaluate their arguments lazily.
    mutating func call(_ name: String, _ operands: ArraySlice<Operand>, final: Value?, dot: Value, command: Command, offset: Int) throws
        -> Value
    {
        // Built only for an error message: most calls succeed.
        var context: String { NodeText.command(command) }
        func fail(_ error: FunctionError) -> ExecError {
            // Go checks arguments before the call and wraps nothing: a count at the function's
            // name, a type at the argument (a constant is checked as it is read).
            if let (index, goType) = error.argument, index < operands.count {
                let operand = operands[operands.startIndex + index]
                let last = NodeText.lastEvaluated(operand)
                return execError(
                    at: last.offset, context: NodeText.operand(last),
                    message: Self.constantTypeMessage(operand, goType: goType) ?? error.message, function: nil)
            }
            if error.isArgumentError { return execError(at: offset, context: name, message: error.message, function: nil) }
            return execError(at: offset, context: context, message: "error calling \(name): \(error.message)", function: error)
        }
        // Registered functions override Go's built-ins, as in Go (Helm's Sprig `slice` does).
        if let function = set.functions[name] {
            let args = try arguments(operands, final: final, dot: dot)
            do { return try function.body(self, args) } catch let error as FunctionError { throw fail(error) }
        }
        if name == "and" || name == "or" {
            var lazy: [() throws -> Value] = []
            for operand in operands {
                var copy = self
                lazy.append { try copy.operandValue(operand, dot: dot) }
            }
            if let final { lazy.append { final } }
            guard !lazy.isEmpty else {
                throw execError(
                    at: offset, context: context, message: "wrong number of args for \(name): want at least 1 got 0", function: nil)
            }
            var last = Value.null
            for thunk in lazy {
                last = try thunk()
                if Builtins.truth(last) == (name == "or") { return last }
            }
            return last
        }
        let args = try arguments(operands, final: final, dot: dot)
        do {
            if name == "call" {
                guard let target = args.first else { throw FunctionError.arguments("wrong number of args for call: want at least 1 got 0") }
                guard case .function(let function) = target else {
                    if case .null = target { throw FunctionError("call of nil") }
                    let node = operands.first.map(NodeText.operand) ?? NodeText.operand(.null(offset: offset))
                    throw FunctionError("non-function \(node) of type \(Builtins.typeName(target))")
                }
                return try function.body(self, Array(args.dropFirst()))
            }
            if let builtin = try Builtins.call(name, args) { return builtin }
            throw execError(at: offset, context: context, message: "\(NodeText.quote(name)) is not a defined function", function: nil)
        } catch let error as FunctionError {
            throw fail(error)
        }
    }

    /// The operands' values, then the pipeline's `final` value: one array, allocated once.
    private mutating func arguments(_ operands: ArraySlice<Operand>, final: Value?, dot: Value) throws -> [Value] {
        var args: [Value] = []
        args.reserveCapacity(operands.count + (final == nil ? 0 : 1))
        for operand in operands { args.append(try operandValue(operand, dot: dot)) }
        if let final { args.append(final) }
        return args
    }

    /// Go's message for a constant argument that does not fit a parameter of type `goType`
    /// (its evalArg); nil for other operands, which get "wrong type for value".
    static func constantTypeMessage(_ operand: Operand, goType: String) -> String? {
        let text = NodeText.operand(operand)
        switch operand {
        case .null: return "cannot assign nil to \(goType)"
        case .number, .bool, .string:
            switch goType {
            case "string": return "expected string; found \(text)"
            case "int", "int64": return "expected integer; found \(text)"
            case "float64": return "expected float; found \(text)"
            case "bool": return "expected bool; found \(text)"
            default: return "can't handle \(text) for arg of type \(goType)"
            }
        default: return nil
        }
    }

    func execError(at offset: Int, context: String, message: String, function: FunctionError?) -> ExecError {
        let source = overlaySources[currentFile] ?? set.sources[currentFile] ?? []
        let (line, column) = SourcePosition.lineAndColumn(of: offset, in: source)
        // Go prints the column as a 0-based byte offset within the line.
        return ExecError(
            file: currentFile, line: line, column: column - 1, templateName: currentTemplateName,
            context: context, message: message, functionError: function)
    }
}

extension Builtins {
    /// Go's built-in functions other than and/or; nil when `name` is not one.
    static func call(_ name: String, _ args: [Value]) throws -> Value? {
        switch name {
        case "not":
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for not: want 1 got \(args.count)") }
            return .bool(!truth(args[0]))
        case "len":
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for len: want 1 got \(args.count)") }
            return try length(args[0])
        case "index":
            return try index(args)
        case "slice":
            return try slice(args)
        case "html":
            return .string(html(escaperInput(args)))
        case "js":
            return .string(js(escaperInput(args)))
        case "urlquery":
            return .string(urlquery(escaperInput(args)))
        case "print":
            return .string(ValueFormatting.sprint(args))
        case "println":
            return .string(ValueFormatting.sprintln(args))
        case "printf":
            guard let first = args.first else { throw FunctionError.arguments("wrong number of args for printf: want at least 1 got 0") }
            guard case .string(let format) = first else {
                throw FunctionError.argumentType(index: 0, goType: "string", got: first)
            }
            return .string(GoFormat.sprintf(format, Array(args.dropFirst())))
        case "eq":
            guard !args.isEmpty else { throw FunctionError.arguments("wrong number of args for eq: want at least 1 got 0") }
            guard args.count >= 2 else { throw FunctionError("missing argument for comparison") }
            for other in args.dropFirst() where try equal(args[0], other) { return .bool(true) }
            return .bool(false)
        case "ne":
            guard args.count == 2 else { throw FunctionError.arguments("wrong number of args for ne: want 2 got \(args.count)") }
            return .bool(!(try equal(args[0], args[1])))
        case "lt", "le", "gt", "ge":
            guard args.count == 2 else { throw FunctionError.arguments("wrong number of args for \(name): want 2 got \(args.count)") }
            let (a, b) = (args[0], args[1])
            switch name {
            case "lt": return .bool(try less(a, b))
            case "le": return .bool(try less(a, b) || equal(a, b))
            case "gt": return .bool(!(try less(a, b) || equal(a, b)))
            default: return .bool(!(try less(a, b)))
            }
        default:
            return nil
        }
    }
}
