extension Builtins {
    /// The text of the arguments as Go's escapers take it: a lone string as is, else fmt.Sprint.
    static func escaperInput(_ args: [Value]) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        // Go prints a nil argument as a missing value here, not as `<nil>`.
        if args.contains(where: { if case .null = $0 { return true } else { return false } }) {
            return ValueFormatting.sprint(args.map { if case .null = $0 { return .string("<no value>") } else { return $0 } })
        }
        return ValueFormatting.sprint(args)
    }

    /// Go's `template.HTMLEscapeString`.
    static func html(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "'": out += "&#39;"
            case "\"": out += "&#34;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Go's `template.JSEscapeString`.
    static func js(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
                } else if scalar.value >= 0x80 && !GoQuote.isPrintable(scalar) {
                    let h = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Go's `url.QueryEscape`.
    static func urlquery(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// Go's `slice x 1 2 [3]` on strings and lists.
    static func slice(_ args: [Value]) throws -> Value {
        guard let item = args.first else { throw FunctionError.arguments("wrong number of args for slice: want at least 1 got 0") }
        let indexes = try args.dropFirst().map { arg -> Int in
            guard kind(arg) == .int else { throw FunctionError("cannot index slice/array with type \(typeName(arg))") }
            return Int(intValue(arg))
        }
        guard indexes.count <= 3 else { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = s.utf8.count
        case .list(let l): count = l.count
        case .bytes(let b): count = b.count
        default: throw FunctionError("can't slice item of type \(typeName(item))")
        }
        let low = indexes.first ?? 0
        let high = indexes.count > 1 ? indexes[1] : count
        guard low >= 0, low <= count else { throw FunctionError("index out of range: \(low)") }
        guard high >= low, high <= count else { throw FunctionError("index out of range: \(high)") }
        switch item {
        case .string(let s): return .string(String(decoding: Array(s.utf8)[low..<high], as: UTF8.self))
        case .list(let l): return .list(Array(l[low..<high]))
        case .bytes(let b): return .bytes(Array(b[low..<high]))
        default: return .null
        }
    }
}
