import GoStrconv
import GoTemplate
import JSON
import YAML

/// Go's encoding/json for template values: Marshal (sorted keys, HTML-safe escaping, float64 in
/// Go's shortest form) written through the shared `JSONWriter`, and Unmarshal into `interface{}`
/// (objects become maps, every number a float64) read by the shared `JSONReader`.
enum GoJSON {
    /// Why a value cannot be encoded (Go: NaN or infinite floats).
    struct Unsupported: Error { let message: String }

    /// Encodes `value`; `escapeHTML` turns `<`, `>`, `&` into `\u003c`-style escapes as json.Marshal does.
    static func encode(_ value: Value, escapeHTML: Bool = true, indent: String? = nil) throws -> String {
        var writer = JSONWriter(style: JSONWriter.Style(indent: indent, escapeHTML: escapeHTML, sortKeys: true))
        try write(value, to: &writer)
        return writer.text
    }

    private static func write(_ value: Value, to writer: inout JSONWriter) throws {
        switch value {
        case .null, .function: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let n), .int64(let n): writer.number(n)
        case .float(let d): writer.number(try number(d))
        case .string(let s): writer.string(s)
        case .bytes(let b): writer.string(Base64.encode(b))
        case .list(let items):
            writer.beginArray()
            for item in items { try write(item, to: &writer) }
            writer.endArray()
        case .map(let map):
            writer.beginObject()
            for key in map.sortedKeys {
                writer.key(key)
                try write(map[key] ?? .null, to: &writer)
            }
            writer.endObject()
        case .object(let object):
            try write(object.jsonValue, to: &writer)
        }
    }

    /// Go's float64 encoding; NaN and infinities are refused, as in Go.
    static func number(_ d: Double) throws -> JSONNumber {
        guard let number = JSONNumber(d) else {
            throw Unsupported(message: "json: unsupported value: \(GoFormat.string(.float(d)))")
        }
        return number
    }

    /// json.Unmarshal into `interface{}`; the error's text is Go's (`unexpected end of JSON input`,
    /// `invalid character 'x' looking for beginning of value`).
    static func decode(_ text: String) throws(JSONReadError) -> Value {
        value(try JSONReader.read(text))
    }

    /// A document as Go's `interface{}` holds it: every number a float64.
    private static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .float(n.value)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(value))
        case .object(let members):
            let map = ValueMap()
            for (key, member) in members { map[key] = value(member) }
            return .map(map)
        }
    }
}
