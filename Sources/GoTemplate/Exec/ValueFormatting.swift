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
    public static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(abs(d))
        let exponent = point - 1
        let sign = d < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let index = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<index] + "." + digits[index...]
    }

    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + String(fraction)
        var point = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); point -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }
}
