import GoTemplate
import YAML

/// YAML values as Helm's templates see them: numbers from files arrive as float64
/// (Helm reads values through JSON), maps as shared `ValueMap`s.
public enum ValueConversion {
    /// Converts a parsed YAML value.
    public static func value(_ yaml: YAMLValue) -> Value {
        switch yaml {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .float(Double(i))
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map(value))
        case .mapping(let m):
            var storage: [String: Value] = [:]
            storage.reserveCapacity(m.entries.count)
            for (key, item) in m.entries { storage[key] = value(item) }
            let map = ValueMap(storage)
            return .map(map)
        }
    }

    /// A values file as a map; an empty file is an empty map, anything but a map is an error.
    public static func valuesMap(_ text: String, file: String) throws -> ValueMap {
        let parsed = try YAML.parse(text, file: file, options: .helm)
        switch value(parsed) {
        case .map(let map): return map
        case .null: return ValueMap()
        default:
            let kind: String
            switch parsed {
            case .sequence: kind = "array"
            case .string: kind = "string"
            case .bool: kind = "bool"
            default: kind = "number"
            }
            throw ChartLoadError(
                source: file,
                message:
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(kind) into Go value of type map[string]interface {}"
            )
        }
    }
}
