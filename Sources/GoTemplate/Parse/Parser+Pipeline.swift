extension Parser {
    /// Parses `[decl] command { | command }` up to the `end` token (`}}` or `)`).
    mutating func pipeline(context: String, end: Token.Kind) throws -> Pipeline {
        let start = peekNonSpace(skipSpace: true)
        var variables: [String] = []
        var isAssignment = false
        // Declarations: `$x :=`, `$x =`, `$i, $v :=`.
        if start.kind == .variable {
            let saved = index
            skipSpaces()
            let first = next()
            skipSpaces()
            let op = peekNonSpace(skipSpace: false)
            if op.kind == .declare || op.kind == .assign {
                next()
                variables = [first.text]
                isAssignment = op.kind == .assign
            } else if op.kind == .comma {
                guard context == "range" else { throw parseError("too many declarations in \(context)", at: op) }
                next()
                skipSpaces()
                let second = next()
                guard second.kind == .variable else { throw parseError("range can only initialize variables", at: second) }
                skipSpaces()
                let op2 = next()
                if op2.kind == .comma { throw parseError("too many declarations in range", at: op2) }
                guard op2.kind == .declare || op2.kind == .assign else { throw parseError("range can only initialize variables", at: op2) }
                variables = [first.text, second.text]
                isAssignment = op2.kind == .assign
            } else {
                index = saved
            }
            // Go's parser makes an assigned variable known too; assigning one that was never
            // declared fails when it runs ("undefined variable: $x").
            for variable in variables where !isDeclared(variable) || !isAssignment { declare(variable) }
        }
        var commands: [Command] = []
        while true {
            let token = peekNonSpace(skipSpace: true)
            if token.kind == end {
                skipSpaces()
                next()
                if commands.isEmpty && (!variables.isEmpty || context == "command" || context == "parenthesized pipeline") {
                    throw parseError("missing value for \(context)", at: token)
                }
                // Only the first command of a pipeline may start with a constant (Go's checkPipeline).
                for (stage, command) in commands.enumerated().dropFirst() {
                    switch command.arguments.first {
                    case .bool?, .dot?, .null?, .number?, .string?:
                        throw parseError("non executable command in pipeline stage \(stage + 1)", at: token)
                    default: break
                    }
                }
                return Pipeline(variables: variables, isAssignment: isAssignment, commands: commands, offset: start.offset)
            }
            switch token.kind {
            case .error:
                throw parseError(token.text, at: token)
            case .eof:
                throw parseError(end == .rightParen ? "unclosed left paren" : "unclosed action", at: token)
            case .rightDelim, .rightParen:
                throw parseError("unexpected \(describeToken(token)) in \(context)", at: token)
            default:
                commands.append(try command(context: context, end: end))
            }
        }
    }

    private mutating func command(context: String, end: Token.Kind) throws -> Command {
        var arguments: [Operand] = []
        let start = peekNonSpace(skipSpace: true)
        while true {
            skipSpaces()
            let token = peekNonSpace(skipSpace: false)
            if token.kind == end { break }
            if token.kind == .error { throw parseError(token.text, at: token) }
            if token.kind == .pipe {
                next()
                if arguments.isEmpty { throw parseError("unexpected \"|\" in \(context)", at: token) }
                return Command(arguments: arguments, offset: start.offset)
            }
            guard let operand = try operand() else {
                throw parseError("unexpected \(describeToken(token)) in operand", at: token)
            }
            arguments.append(operand)
            // Operands must be separated by spaces (Go: "missing space?").
            let after = peekNonSpace(skipSpace: false)
            switch after.kind {
            case .space, .pipe, .rightDelim, .rightParen: break
            case .error: throw parseError(after.text, at: after)
            default: throw parseError("unexpected \(describeToken(after)) in operand", at: after)
            }
        }
        if arguments.isEmpty { throw parseError("empty command", at: start) }
        return Command(arguments: arguments, offset: start.offset)
    }

    /// A term with an optional `.Field` chain after it.
    private mutating func operand() throws -> Operand? {
        let token = peekNonSpace(skipSpace: false)
        let base: Operand
        switch token.kind {
        case .identifier:
            next()
            guard functions.contains(token.text) else { throw parseError("function \"\(token.text)\" not defined", at: token) }
            base = .identifier(token.text, offset: token.offset)
        case .dot:
            next()
            base = .dot(offset: token.offset)
        case .keyword(.nil):
            next()
            base = .null(offset: token.offset)
        case .bool:
            next()
            base = .bool(token.text == "true", offset: token.offset)
        case .number, .charConstant:
            next()
            guard let constant = NumberLiteral.parse(token.text, isChar: token.kind == .charConstant) else {
                throw parseError("illegal number syntax: \(NodeText.quote(token.text))", at: token)
            }
            base = .number(constant, offset: token.offset)
        case .string, .rawString:
            next()
            guard let value = GoStringLiteral.unquote(token.text) else { throw parseError("bad string constant \(token.text)", at: token) }
            base = .string(value, offset: token.offset)
        case .field:
            // Go positions a chained field (`.a.b`) at its second link, as its parser does.
            var names: [String] = [], offsets: [Int] = []
            while peekNonSpace(skipSpace: false).kind == .field {
                let field = next()
                names.append(String(field.text.dropFirst()))
                offsets.append(field.offset)
            }
            return .field(names, offset: offsets.count > 1 ? offsets[1] : token.offset)
        case .variable:
            next()
            guard isDeclared(token.text) else { throw parseError("undefined variable \"\(token.text)\"", at: token) }
            var names: [String] = []
            var offset = token.offset
            while peekNonSpace(skipSpace: false).kind == .field {
                let field = next()
                if names.isEmpty { offset = field.offset }
                names.append(String(field.text.dropFirst()))
            }
            return .variable(token.text, fields: names, offset: offset)
        case .leftParen:
            next()
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Self.maxNesting { throw parseError("template nesting too deep (more than \(Self.maxNesting) levels)", at: token) }
            var inner = try pipeline(context: "parenthesized pipeline", end: .rightParen)
            inner.isParenthesized = true
            base = .chain(inner, fields: [], offset: token.offset)
        default:
            return nil
        }
        var names: [String] = []
        let chainOffset = peekNonSpace(skipSpace: false).offset
        while peekNonSpace(skipSpace: false).kind == .field { names.append(String(next().text.dropFirst())) }
        if names.isEmpty { return base }
        switch base {
        case .chain(let inner, _, _):
            return .chain(inner, fields: names, offset: chainOffset)
        case .dot, .null, .bool, .number, .string:
            throw parseError("unexpected . after term \(NodeText.quote(describeOperand(base)))", at: token)
        default:
            let wrapped = Pipeline(variables: [], isAssignment: false, commands: [Command(arguments: [base], offset: token.offset)], offset: token.offset)
            return .chain(wrapped, fields: names, offset: chainOffset)
        }
    }

    private func describeOperand(_ operand: Operand) -> String {
        switch operand {
        case .dot: return "."
        case .null: return "nil"
        case .bool(let b, _): return b ? "true" : "false"
        case .number(let n, _): return n.text
        case .string(let s, _): return "\"" + s + "\""
        default: return "?"
        }
    }

    private func describeToken(_ token: Token) -> String {
        switch token.kind {
        case .eof: return "EOF"
        case .dot: return "<.>"
        case .keyword: return "<\(token.text)>"
        default: return "\"\(token.text)\""
        }
    }

    private func isDeclared(_ variable: String) -> Bool {
        scopes.last?.contains(variable) ?? false
    }

    private mutating func declare(_ variable: String) {
        if scopes.isEmpty { scopes = [["$"]] }
        scopes[scopes.count - 1].append(variable)
    }
}
