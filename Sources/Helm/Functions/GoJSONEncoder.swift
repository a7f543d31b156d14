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

    /// Go's float64 encoding (`GoJSONText.number`); NaN and infinities are refused, as in Go.
    static func number(_ d: Double) throws -> String {
        guard let text = GoJSONText.number(d) else {
            throw Unsupported(message: "json: unsupported value: \(GoFormat.string(.float(d)))")
        }
        return text
    }

    static func writeString(_ s: String, into out: inout String, escapeHTML: Bool) {
        GoJSONText.appendString(s, to: &out, escapeHTML: escapeHTML)
    }
}
