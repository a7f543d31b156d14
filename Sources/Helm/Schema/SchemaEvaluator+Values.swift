import JSON

/// How the library classifies, compares and prints JSON values.
extension SchemaEvaluator {
    /// The JSON type name (`number` for every number; `integer` is checked separately).
    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Whether a number has no fractional part (3.0 counts, as in the library).
    static func isInteger(_ v: JSONValue) -> Bool {
        guard case .number(let n) = v else { return false }
        return n.value.isFinite && n.value == n.value.rounded()
    }

    /// Deep equality with numbers compared by value.
    static func equals(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.value == y.value
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.entries.allSatisfy { entry in y[entry.key].map { equals(entry.value, $0) } ?? false }
        default: return false
        }
    }

    /// Not an array or object.
    static func isPrimitive(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    /// A schema value as enum/const messages print it (`fmt`'s `%v`; numbers as written).
    static func display(_ v: JSONValue) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return SchemaQuote.single(s)
        case .array, .object: return "value"
        }
    }
}

/// Exact decimal arithmetic for `multipleOf`, as the library's big.Rat division.
enum SchemaDecimal {
    /// Whether `value` (as Go prints it) divided by `divisor` (as written) is an integer.
    static func isMultiple(_ value: Double, of divisor: JSONNumber) -> Bool {
        guard divisor.value != 0 else { return false }
        if let a = decimal(PrinterNumber.goFloat(value)), let b = decimal(divisor.text) {
            let e = min(a.exponent, b.exponent)
            if let x = scaled(a.mantissa, by: a.exponent - e), let y = scaled(b.mantissa, by: b.exponent - e), y != 0 {
                return x % y == 0
            }
        }
        let q = value / divisor.value
        return q.isFinite && q == q.rounded()
    }

    /// A decimal literal as mantissa × 10^exponent.
    private static func decimal(_ text: String) -> (mantissa: Int128, exponent: Int)? {
        var mantissaText = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissaText = text[..<e]
            guard let exp = Int(text[text.index(after: e)...].drop(while: { $0 == "+" })) else { return nil }
            exponent = exp
        }
        var digits = ""
        var negative = false
        var fraction = 0
        var seenPoint = false
        for c in mantissaText {
            switch c {
            case "-": negative = true
            case ".": seenPoint = true
            default:
                digits.append(c)
                if seenPoint { fraction += 1 }
            }
        }
        guard digits.count <= 36, let m = Int128(digits) else { return nil }
        return (negative ? -m : m, exponent - fraction)
    }

    private static func scaled(_ m: Int128, by power: Int) -> Int128? {
        guard power >= 0, power < 38 else { return nil }
        var out = m
        for _ in 0..<power {
            let (r, overflow) = out.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            out = r
        }
        return out
    }
}
