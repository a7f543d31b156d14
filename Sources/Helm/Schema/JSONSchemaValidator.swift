import GoTemplate
import YAML

/// One way the values break the schema: where (a JSON pointer) and what, worded as Helm's
/// JSON-schema library words it (`got number, want string`).
public struct SchemaViolation: Equatable, Sendable {
    /// JSON pointer of the offending value (`/image/tag`; empty for the root).
    public let pointer: String
    /// The message.
    public let message: String
}

/// A JSON Schema (draft 2020-12 keywords Helm charts use) checked against template values.
public struct JSONSchemaValidator {
    let schema: YAMLValue

    /// Parses the schema text (JSON).
    public init(schemaText: String) throws {
        schema = try YAML.parse(schemaText, file: "values.schema.json", options: .helm)
    }

    /// Every violation, in the order the library reports them.
    public func validate(_ value: Value) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        check(value, against: schema, pointer: "", into: &out)
        return out
    }

    /// Helm's bullet list.
    public static func report(_ violations: [SchemaViolation]) -> String {
        violations.map { "- at '\($0.pointer)': \($0.message)" }.joined(separator: "\n")
    }

    private func check(_ value: Value, against schema: YAMLValue, pointer: String, into out: inout [SchemaViolation]) {
        guard case .mapping(let s) = schema else { return }
        if let type = s["type"] {
            let allowed: [String]
            switch type {
            case .string(let t): allowed = [t]
            case .sequence(let items): allowed = items.compactMap(\.stringValue)
            default: allowed = []
            }
            let actual = Self.jsonType(value)
            if !allowed.isEmpty && !allowed.contains(where: { Self.matches(actual, $0, value) }) {
                out.append(SchemaViolation(pointer: pointer, message: "got \(actual), want \(allowed.joined(separator: " or "))"))
                return
            }
        }
        if case .map(let map) = value {
            if case .sequence(let required)? = s["required"] {
                for case .string(let name) in required where map[name] == nil {
                    out.append(SchemaViolation(pointer: pointer, message: "missing property '\(name)'"))
                }
            }
            if case .mapping(let properties)? = s["properties"] {
                for (name, sub) in properties.entries {
                    if let child = map[name] { check(child, against: sub, pointer: pointer + "/" + name, into: &out) }
                }
            }
        }
    }

    static func jsonType(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .int64, .float: return "number"
        case .string, .bytes: return "string"
        case .list: return "array"
        case .map, .object, .function: return "object"
        }
    }

    private static func matches(_ actual: String, _ wanted: String, _ value: Value) -> Bool {
        if actual == wanted { return true }
        if wanted == "integer", actual == "number" {
            switch value {
            case .int, .int64: return true
            case .float(let d): return d == d.rounded()
            default: return false
            }
        }
        return false
    }
}
