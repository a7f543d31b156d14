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

    /// Iterative, so a value as deep as fromJson allows (10,000 levels) costs heap, not stack.
    private static func write(_ root: Value, to writer: inout JSONWriter) throws {
        enum Pending {
            case value(Value)
            case member(String, Value)
            case endArray
            case endObject
        }
        var pending: [Pending] = [.value(root)]
        while let next = pending.popLast() {
            var value: Value
            switch next {
            case .endArray:
                writer.endArray()
                continue
            case .endObject:
                writer.endObject()
                continue
            case .member(let key, let v):
                writer.key(key)
                value = v
            case .value(let v): value = v
            }
            while case .object(let object) = value { value = object.jsonValue }
            switch value {
            case .null, .function, .object: writer.null()
            case .bool(let b): writer.bool(b)
            case .int(let n), .int64(let n): writer.number(n)
            case .float(let d): writer.number(try number(d))
            case .string(let s): writer.string(s)
            case .bytes(let b): writer.string(Base64.encode(b))
            case .list(let items):
                writer.beginArray()
                pending.append(.endArray)
                for item in items.reversed() { pending.append(.value(item)) }
            case .map(let map):
                writer.beginObject()
                pending.append(.endObject)
                for key in map.sortedKeys.reversed() { pending.append(.member(key, map[key] ?? .null)) }
            }
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

    /// Go's message for a syntax error, the character quoted by Go's own strconv.Quote.
    static func message(_ error: JSONReadError) -> String {
        error.message { scalar in
            guard let scalar else { return "'\\ufffd'" }
            if scalar == "'" { return "'\\''" }
            if scalar == "\"" { return "'\"'" }
            return "'" + GoFormat.sprintf("%q", [.string(String(Character(scalar)))]).dropFirst().dropLast() + "'"
        }
    }

    /// A document as Go's `interface{}` holds it: every number a float64. Iterative, like the reader.
    private static func value(_ root: JSONValue) -> Value {
        enum Frame {
            case array([JSONValue], next: Int, built: [Value])
            case object([JSONObject.Element], next: Int, built: ValueMap)
        }
        var stack: [Frame] = []
        var current = root
        descend: while true {
            var result: Value
            switch current {
            case .null: result = .null
            case .bool(let b): result = .bool(b)
            case .number(let n): result = .float(n.value)
            case .string(let s): result = .string(s)
            case .array(let items):
                guard let first = items.first else {
                    result = .list([])
                    break
                }
                stack.append(.array(items, next: 1, built: []))
                current = first
                continue descend
            case .object(let members):
                guard let first = members.entries.first else {
                    result = .map(ValueMap())
                    break
                }
                stack.append(.object(members.entries, next: 1, built: ValueMap()))
                current = first.value
                continue descend
            }
            // Hand the finished value to its container; finish every container that is now complete.
            while let frame = stack.popLast() {
                switch frame {
                case .array(let items, let next, var built):
                    built.append(result)
                    if next < items.count {
                        stack.append(.array(items, next: next + 1, built: built))
                        current = items[next]
                        continue descend
                    }
                    result = .list(built)
                case .object(let entries, let next, let built):
                    built[entries[next - 1].key] = result
                    if next < entries.count {
                        stack.append(.object(entries, next: next + 1, built: built))
                        current = entries[next].value
                        continue descend
                    }
                    result = .map(built)
                }
            }
            return result
        }
    }
}
