#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's fmt package for template values: `Sprintf` with Go's verbs, flags and error forms,
/// plus `Sprint`/`Sprintln` and `%T`.
public enum GoFormat {
    /// `fmt.Sprint`.
    public static func sprint(_ args: [Value]) -> String { ValueFormatting.sprint(args) }
    /// `fmt.Sprintln`.
    public static func sprintln(_ args: [Value]) -> String { ValueFormatting.sprintln(args) }
    /// `%v` of one value.
    public static func string(_ value: Value) -> String { ValueFormatting.string(value) }
    /// `%T` of one value.
    public static func typeName(_ value: Value) -> String { Builtins.typeName(value) }

    /// The common `printf "%s-%s" .a .b`: when every verb is a bare `%s` and each has a string
    /// argument (no more, no fewer), the result is the text with the strings put in; nil otherwise.
    static func plainStrings(_ format: String, _ args: [Value]) -> String? {
        var out = ""
        var next = 0
        var literalStart = format.utf8.startIndex
        var i = literalStart
        let utf8 = format.utf8
        while i != utf8.endIndex {
            guard utf8[i] == UInt8(ascii: "%") else {
                utf8.formIndex(after: &i)
                continue
            }
            let verb = utf8.index(after: i)
            guard verb != utf8.endIndex, utf8[verb] == UInt8(ascii: "s"), next < args.count,
                case .string(let text) = args[next]
            else { return nil }
            out += format[literalStart..<i]
            out += text
            next += 1
            i = utf8.index(after: verb)
            literalStart = i
        }
        guard next == args.count else { return nil }
        out += format[literalStart..<utf8.endIndex]
        return out
    }

    /// `fmt.Sprintf("%q", s)`: `s` as a Go double-quoted string literal, without parsing a format.
    public static func quote(_ s: String) -> String { GoQuote.quote(s) }

    /// `fmt.Sprintf(format, args...)`.
    public static func sprintf(_ format: String, _ args: [Value]) -> String {
        if let plain = plainStrings(format, args) { return plain }
        let f = Array(format.unicodeScalars)
        var out = ""
        var argNum = 0
        var reordered = false
        var i = 0
        while i < f.count {
            guard f[i] == "%" else {
                out.unicodeScalars.append(f[i])
                i += 1
                continue
            }
            i += 1
            var spec = FormatSpec()
            flags: while i < f.count {
                switch f[i] {
                case "#": spec.sharp = true
                case "0": spec.zero = !spec.minus
                case "+": spec.plus = true
                case "-":
                    spec.minus = true
                    spec.zero = false
                case " ": spec.space = true
                default: break flags
                }
                i += 1
            }
            var badIndex = false
            func argumentIndex() {
                guard i < f.count, f[i] == "[" else { return }
                reordered = true
                var j = i + 1
                var n = 0
                var digits = 0
                while j < f.count, f[j].isASCII, let d = Int(String(f[j])) {
                    n = n * 10 + d
                    digits += 1
                    j += 1
                }
                if j < f.count, f[j] == "]", digits > 0, n >= 1, n <= args.count {
                    argNum = n - 1
                } else {
                    badIndex = true
                    while j < f.count, f[j] != "]" { j += 1 }
                }
                i = min(j + 1, f.count)
            }
            argumentIndex()
            // Width.
            if i < f.count, f[i] == "*" {
                i += 1
                if argNum < args.count, case .int(let w) = args[argNum] {
                    spec.width = Int(abs(w))
                    if w < 0 {
                        spec.minus = true
                        spec.zero = false
                    }
                } else if argNum < args.count, case .int64(let w) = args[argNum] {
                    spec.width = Int(abs(w))
                    if w < 0 {
                        spec.minus = true
                        spec.zero = false
                    }
                } else {
                    out += "%!(BADWIDTH)"
                }
                argNum += 1
            } else {
                var n = 0
                var digits = 0
                while i < f.count, f[i].isASCII, let d = Int(String(f[i])) {
                    n = n * 10 + d
                    digits += 1
                    i += 1
                }
                if digits > 0 { spec.width = n }
            }
            // Precision.
            if i < f.count, f[i] == "." {
                i += 1
                argumentIndex()
                if i < f.count, f[i] == "*" {
                    i += 1
                    if argNum < args.count, case .int(let p) = args[argNum], p >= 0 {
                        spec.precision = Int(p)
                    } else if argNum < args.count, case .int64(let p) = args[argNum], p >= 0 {
                        spec.precision = Int(p)
                    } else {
                        out += "%!(BADPREC)"
                    }
                    argNum += 1
                } else {
                    var n = 0
                    while i < f.count, f[i].isASCII, let d = Int(String(f[i])) {
                        n = n * 10 + d
                        i += 1
                    }
                    spec.precision = n
                }
            }
            argumentIndex()
            guard i < f.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = f[i]
            i += 1
            if verb == "%" {
                out += "%"
                continue
            }
            if badIndex {
                out += "%!" + String(verb) + "(BADINDEX)"
                continue
            }
            guard argNum < args.count else {
                out += "%!" + String(verb) + "(MISSING)"
                continue
            }
            out += formatValue(args[argNum], verb: verb, spec: spec)
            argNum += 1
        }
        if !reordered && argNum < args.count {
            out += "%!(EXTRA " + args[argNum...].map { typeName($0) + "=" + string($0) }.joined(separator: ", ") + ")"
        }
        return out
    }

    static func badVerb(_ verb: Unicode.Scalar, _ value: Value) -> String {
        if case .null = value { return "%!" + String(verb) + "(<nil>)" }
        return "%!" + String(verb) + "(" + typeName(value) + "=" + string(value) + ")"
    }

    static func formatValue(_ value: Value, verb: Unicode.Scalar, spec original: FormatSpec) -> String {
        var spec = original
        // With %v, `+` asks for field names (plusV), not a sign.
        if verb == "v" && spec.plus { spec.plus = false }
        if verb == "T" { return spec.pad(typeName(value), numeric: false) }
        if verb == "v" && spec.sharp { return spec.pad(goSyntax(value), numeric: false) }
        switch value {
        case .null:
            return verb == "v" ? spec.pad("<nil>", numeric: false) : badVerb(verb, value)
        case .bool(let b):
            guard verb == "v" || verb == "t" else { return badVerb(verb, value) }
            return spec.pad(b ? "true" : "false", numeric: false)
        case .int(let n), .int64(let n):
            return formatInteger(n, value: value, verb: verb, spec: spec)
        case .float(let d):
            return formatFloat(d, value: value, verb: verb, spec: spec)
        case .string(let s):
            return formatString(s, value: value, verb: verb, spec: spec)
        case .bytes(let b):
            switch verb {
            case "s", "q", "x", "X": return formatString(String(decoding: b, as: UTF8.self), value: value, verb: verb, spec: spec)
            default: return formatValue(.list(b.map { .int(Int64($0)) }), verb: verb, spec: spec)
            }
        case .list(let items):
            return "[" + items.map { formatValue($0, verb: verb, spec: spec) }.joined(separator: " ") + "]"
        case .map(let map):
            return "map["
                + map.sortedKeys.map {
                    formatValue(.string($0), verb: verb, spec: spec) + ":" + formatValue(map[$0] ?? .null, verb: verb, spec: spec)
                }
                .joined(separator: " ") + "]"
        case .object(let object):
            return verb == "v" || verb == "s" ? spec.pad(object.goFormatted, numeric: false) : badVerb(verb, value)
        case .function:
            return badVerb(verb, value)
        }
    }

    /// `%#v`: Go syntax.
    static func goSyntax(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .string(let s): return GoQuote.quote(s)
        case .list(let items): return "[]interface {}{" + items.map(goSyntax).joined(separator: ", ") + "}"
        case .map(let map):
            return "map[string]interface {}{"
                + map.sortedKeys.map { GoQuote.quote($0) + ":" + goSyntax(map[$0] ?? .null) }.joined(separator: ", ") + "}"
        case .bytes(let b): return "[]byte{" + b.map { "0x" + String($0, radix: 16) }.joined(separator: ", ") + "}"
        default: return string(value)
        }
    }
}
