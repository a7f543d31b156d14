import GoStrconv

/// How Go's fmt prints values with `%v` (what `{{ . }}` and `print` show).
public enum ValueFormatting {
    /// `%v` of one value; `nil` prints as `<nil>` (the engine prints `<no value>` for missing keys itself).
    public static func string(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i), .int64(let i): return String(i)
        case .float(let d): return formatFloat(d)
        case .string(let s): return s
        case .bytes(let b): return "[" + b.map { String($0) }.joined(separator: " ") + "]"
        case .list(let items): return "[" + items.map(string).joined(separator: " ") + "]"
        case .map(let map): return "map[" + map.sortedKeys.map { "\($0):\(string(map[$0] ?? .null))" }.joined(separator: " ") + "]"
        case .object(let object): return object.goFormatted
        case .function: return "<func>"
        }
    }

    /// `fmt.Sprint`: operands joined, with a space between two operands when neither is a string.
    public static func sprint(_ values: [Value]) -> String {
        var out = ""
        var previousWasString = true
        for (i, value) in values.enumerated() {
            let isString: Bool
            if case .string = value { isString = true } else { isString = false }
            if i > 0 && !isString && !previousWasString { out += " " }
            out += string(value)
            previousWasString = isString
        }
        return out
    }

    /// `fmt.Sprintln`: operands always separated by spaces, newline appended.
    public static func sprintln(_ values: [Value]) -> String {
        values.map(string).joined(separator: " ") + "\n"
    }

    /// Go's `%v` for float64 (strconv 'g', shortest): exponent form below 1e-4 or from 1e6 up,
    /// which is why a values-file `1000000` prints as `1e+06` in a template.
    public static func formatFloat(_ d: Double) -> String { GoFloat.g(d) }
}
