import GoTemplate
import YAML

/// Helm's `toYaml`, `fromYaml` and `fromYamlArray`.
enum YAMLFunctions {
    static let functions: [String: TemplateFunction] = [
        "toYaml": TemplateFunction("toYaml") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for toYaml: want 1 got \(args.count)") }
            return .string(toYaml(args[0]))
        },
        // Our encoder cannot fail, so the must form is the same function.
        "mustToYaml": TemplateFunction("mustToYaml") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for mustToYaml: want 1 got \(args.count)") }
            return .string(toYaml(args[0]))
        },
        "fromYaml": TemplateFunction("fromYaml") { _, args in
            guard args.count == 1, case .string(let text) = args[0] else {
                throw FunctionError.argumentType(index: 0, goType: "string", got: args.first ?? .null)
            }
            do {
                switch ValueConversion.value(try YAML.parse(firstDocument(text), file: "fromYaml", options: .helm)) {
                case .map(let map): return .map(map)
                case .null: return .map(ValueMap())
                default:
                    return .map(
                        ValueMap([
                            "Error": .string(
                                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"
                            )
                        ]))
                }
            } catch {
                return .map(ValueMap(["Error": .string(String(describing: error))]))
            }
        },
        "fromYamlArray": TemplateFunction("fromYamlArray") { _, args in
            guard args.count == 1, case .string(let text) = args[0] else {
                throw FunctionError.argumentType(index: 0, goType: "string", got: args.first ?? .null)
            }
            do {
                switch ValueConversion.value(try YAML.parse(firstDocument(text), file: "fromYamlArray", options: .helm)) {
                case .list(let items): return .list(items)
                case .null: return .list([])
                default:
                    return .list([
                        .string(
                            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"
                        )
                    ])
                }
            } catch {
                return .list([.string(String(describing: error))])
            }
        },
    ]

    /// The text of the first YAML document of `text`: Helm's fromYaml reads one document and never
    /// looks at the rest, so later documents (even malformed ones) change nothing. A line starting
    /// with `---` or `...` at the left margin ends a document; a `---` before any content starts the first.
    static func firstDocument(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var kept: [Substring] = []
        var started = false
        func isMarker(_ line: Substring, _ marker: String) -> Bool {
            guard line.hasPrefix(marker) else { return false }
            let rest = line.dropFirst(marker.count)
            return rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "\r"
        }
        while let line = lines.popFirst() {
            if isMarker(line, "---") {
                if started { break }
                started = true
            } else if isMarker(line, "...") {
                break
            } else if !started {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if !(trimmed.isEmpty || trimmed.hasPrefix("#") || line.hasPrefix("%")) { started = true }
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Helm's toYaml: the value's JSON form in go-yaml's style, without the final newline.
    static func toYaml(_ value: Value) -> String {
        var text = YAML.emit(jsonYAMLValue(value))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `yamlValue(value).jsonNormalized()` in one pass: keys sorted once, in go-yaml's order,
    /// integral floats as integers (what Helm's JSON round trip makes of them).
    static func jsonYAMLValue(_ value: Value) -> YAMLValue {
        switch value {
        case .float(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e21, let i = Int64(exactly: d) { return .int(i) }
            return .float(d)
        case .list(let items): return .sequence(items.map(jsonYAMLValue))
        case .map(let map):
            let entries = map.storage.sorted { GoYAMLKeyOrder.less($0.key, $1.key) }
            return .mapping(YAMLMapping(uniqueKeys: entries.map { ($0.key, jsonYAMLValue($0.value)) }))
        case .object(let object): return jsonYAMLValue(object.jsonValue)
        default: return yamlValue(value)
        }
    }

    /// A template value as encoding/json would see it, as a YAML value.
    static func yamlValue(_ value: Value) -> YAMLValue {
        switch value {
        case .null, .function: return .null
        case .bool(let b): return .bool(b)
        case .int(let n), .int64(let n): return .int(n)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(Base64.encode(b))
        case .list(let items): return .sequence(items.map(yamlValue))
        case .map(let map):
            return .mapping(YAMLMapping(uniqueKeys: map.sortedKeys.map { ($0, yamlValue(map[$0] ?? .null)) }))
        case .object(let object): return yamlValue(object.jsonValue)
        }
    }
}
