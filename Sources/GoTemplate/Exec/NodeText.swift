/// Go's `String()` of parse nodes, used for error contexts (`at <.Values.x>`).
enum NodeText {
    static func pipeline(_ p: Pipeline) -> String {
        var out = ""
        if !p.variables.isEmpty {
            out = p.variables.joined(separator: ", ") + (p.isAssignment ? " = " : " := ")
        }
        return out + p.commands.map(command).joined(separator: " | ")
    }

    static func command(_ c: Command) -> String {
        c.arguments.map(operand).joined(separator: " ")
    }

    static func operand(_ o: Operand) -> String {
        switch o {
        case .dot: return "."
        case .null: return "nil"
        case .bool(let b, _): return b ? "true" : "false"
        case .number(let n, _): return n.text
        case .string(let s, _): return quote(s)
        case .identifier(let name, _): return name
        case .field(let names, _): return names.map { "." + $0 }.joined()
        case .variable(let name, let fields, _): return name + fields.map { "." + $0 }.joined()
        case .chain(let p, let fields, _):
            // Go keeps the parentheses of `(X).f`; a function name with fields prints as written.
            let inner = p.isParenthesized ? "(" + pipeline(p) + ")" : pipeline(p)
            return inner + fields.map { "." + $0 }.joined()
        }
    }

    /// The node Go's evaluator last stood at after evaluating `pipe` (the last argument of its
    /// last command, or the command's first word): Go names it in an error raised by a field
    /// access that follows the parentheses.
    static func lastEvaluated(in pipe: Pipeline) -> Operand {
        guard let command = pipe.commands.last, let first = command.arguments.first else { return .dot(offset: pipe.offset) }
        if case .identifier = first, let last = command.arguments.last, command.arguments.count > 1 {
            return lastEvaluated(last)
        }
        return lastEvaluated(first)
    }

    /// The node Go last stood at after evaluating `operand` as an argument.
    static func lastEvaluated(_ operand: Operand) -> Operand {
        if case .chain(let inner, _, _) = operand {
            return inner.isParenthesized ? lastEvaluated(in: inner) : (inner.commands.first?.arguments.first ?? operand)
        }
        return operand
    }

    /// Go's strconv.Quote for the common cases.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let h = String(scalar.value, radix: 16)
                    out += "\\x" + (h.count < 2 ? "0" : "") + h
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
