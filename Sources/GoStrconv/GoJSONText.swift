/// Go's encoding/json text for strings and float64s, behind the JSON module's `JSONWriter` and
/// `JSONNumber` (and so behind `toJson`, kubectl-style output and the `-o json` reports).
public enum GoJSONText {
    /// Appends `s` as a JSON string as `json.Marshal` writes it: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// `\b`, `\f`, other control characters and U+2028/U+2029 as `\u00XX`, and with
    /// `escapeHTML` (Go's default) `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`.
    public static func appendString(_ s: String, to out: inout String, escapeHTML: Bool = true) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<" where escapeHTML, ">" where escapeHTML, "&" where escapeHTML: out += hexEscape(scalar.value)
            case "\u{2028}", "\u{2029}": out += hexEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += hexEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    /// A float64 as Go encodes it: 'f' format from 1e-6 up to 1e21, otherwise 'e' with the
    /// exponent's leading zeros dropped (`1e-7`, `1e+21`); nil for NaN and infinities,
    /// which encoding/json refuses.
    public static func number(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        let magnitude = abs(d)
        guard magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) else { return GoFloat.fixed(d) }
        let text = GoFloat.exponent(d)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        let exponent = text[text.index(after: e)...]
        let sign = exponent.first == "-" ? "-" : "+"
        let digits = exponent.drop { $0 == "-" || $0 == "+" }.drop { $0 == "0" }
        return mantissa + "e" + sign + (digits.isEmpty ? "0" : digits)
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
