import GoStrconv
import GoTemplate
import YAML

/// Go's encoding/json Marshal for template values: sorted keys, HTML-safe escaping,
/// float64 in Go's shortest form.
enum GoJSONEncoder {
    /// Why a value cannot be encoded (Go: NaN or infinite floats).
    struct Unsupported: Error { let message: String }

    /// Encodes `value`; `escapeHTML` turns `<`, `>`, `&` into `\u003c`-style escapes as json.Marshal does.
    static func encode(_ value: Value, escapeHTML: Bool = true, indent: String? = nil) throws -> String {
        var out = ""
        try write(value, into: &out, escapeHTML: escapeHTML, indent: indent, level: 0)
        return out
    }

    private static func write(_ value: Value, into out: inout String, escapeHTML: Bool, indent: String?, level: Int) throws {
        switch value {
        case .null, .function: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n), .int64(let n): out += String(n)
        case .float(let d): out += try number(d)
        case .string(let s): writeString(s, into: &out, escapeHTML: escapeHTML)
        case .bytes(let b): writeString(Base64.encode(b), into: &out, escapeHTML: escapeHTML)
        case .list(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                try write(item, into: &out, escapeHTML: escapeHTML, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .map(let map):
            if map.count == 0 { out += "{}"; return }
            out += "{"
            for (i, key) in map.sortedKeys.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                writeString(key, into: &out, escapeHTML: escapeHTML)
                out += indent == nil ? ":" : ": "
                try write(map[key] ?? .null, into: &out, escapeHTML: escapeHTML, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        case .object(let object):
            try write(object.jsonValue, into: &out, escapeHTML: escapeHTML, indent: indent, level: level)
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// Go's float64 encoding: 'f' format between 1e-6 and 1e21, otherwise 'e' with a short exponent.
    static func number(_ d: Double) throws -> String {
        guard d.isFinite else { throw Unsupported(message: "json: unsupported value: \(GoFormat.string(.float(d)))") }
        let magnitude = abs(d)
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            // strconv 'e' with shortest digits, then Go trims "e-07" to "e-7".
            var text = GoFloat.exponent(d)
            if let e = text.firstIndex(of: "e") {
                let mantissa = text[..<e]
                var exponent = String(text[text.index(after: e)...])
                let sign = exponent.first == "-" ? "-" : "+"
                exponent = String(exponent.drop { $0 == "-" || $0 == "+" }.drop { $0 == "0" })
                text = mantissa + "e" + sign + (exponent.isEmpty ? "0" : exponent)
            }
            return text
        }
        return GoFloat.fixed(d)
    }

    static func writeString(_ s: String, into out: inout String, escapeHTML: Bool) {
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

    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
