import GoTemplate
import JSON

/// A values.schema.json document checked against template values, reporting what Helm's
/// schema library (santhosh-tekuri/jsonschema v6) reports, in its words.
public struct JSONSchemaValidator: Sendable {
    let compiled: CompiledSchema

    /// The deepest schema document checked (objects and arrays counted).
    static let maximumDepth = 512

    /// Parses and compiles the schema text; the error's description is the library's message
    /// (Go's JSON syntax errors, unresolvable `$ref`s, invalid regular expressions).
    public init(schemaText: String) throws {
        let document: JSONValue
        do {
            document = try JSONReader.read(schemaText)
        } catch {
            throw SchemaCompileError(description: SchemaSyntaxError.message(error))
        }
        // The compiler and checker walk the schema recursively; real schemas are a few dozen levels deep.
        guard document.nestingDepth <= Self.maximumDepth else {
            throw SchemaCompileError(
                description: "values.schema.json is nested more than \(Self.maximumDepth) levels deep, "
                    + "deeper than posthog-install can check; flatten the schema (for example with $defs and $ref)")
        }
        compiled = try SchemaCompiler.compile(document)
    }

    /// The top-level errors, each with its nested causes.
    public func validate(_ value: Value) -> [SchemaViolation] {
        SchemaEvaluator(nodes: compiled.nodes).validate(Self.instance(value))
    }

    /// The errors as Helm prints them: one `- at '<pointer>': <message>` line per error,
    /// causes indented two spaces per level.
    public static func report(_ violations: [SchemaViolation]) -> String {
        var lines: [String] = []
        for violation in violations { violation.lines(indent: 0, into: &lines) }
        return lines.joined(separator: "\n")
    }

    /// Template values as JSON: map keys in Go's sorted order, every number a float64.
    static func instance(_ value: Value) -> JSONValue {
        switch value {
        case .null, .function: return .null
        case .bool(let b): return .bool(b)
        case .int(let i), .int64(let i): return number(Double(i))
        case .float(let d): return number(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(String(decoding: b, as: UTF8.self))
        case .list(let items): return .array(items.map(instance))
        case .map(let map):
            var object = JSONObject()
            for key in map.sortedKeys { object.set(key, instance(map[key] ?? .null)) }
            return .object(object)
        case .object(let object): return instance(object.jsonValue)
        }
    }

    private static func number(_ d: Double) -> JSONValue {
        .number(JSONNumber(text: PrinterNumber.goFloat(d), value: d, isInteger: false))
    }
}
