import GoTemplate
import JSON

/// Helm's and Sprig's JSON functions: toJson, mustToJson, toPrettyJson, toRawJson (and their
/// must forms), fromJson, fromJsonArray, mustFromJson.
enum JSONFunctions {
    static let functions: [String: TemplateFunction] = {
        var table: [String: TemplateFunction] = [:]
        func add(_ name: String, _ body: @escaping ([Value]) throws -> Value) {
            table[name] = TemplateFunction(name) { _, args in try body(args) }
        }
        func one(_ name: String, _ args: [Value]) throws -> Value {
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for \(name): want 1 got \(args.count)") }
            return args[0]
        }
        func encoder(_ name: String, must: Bool, escapeHTML: Bool, indent: String?) {
            add(name) { args in
                let value = try one(name, args)
                do {
                    return .string(try GoJSON.encode(value, escapeHTML: escapeHTML, indent: indent))
                } catch let error as GoJSON.Unsupported {
                    if must { throw FunctionError(error.message) }
                    return .string("")
                }
            }
        }
        encoder("toJson", must: false, escapeHTML: true, indent: nil)
        encoder("mustToJson", must: true, escapeHTML: true, indent: nil)
        encoder("toPrettyJson", must: false, escapeHTML: true, indent: "  ")
        encoder("mustToPrettyJson", must: true, escapeHTML: true, indent: "  ")
        encoder("toRawJson", must: false, escapeHTML: false, indent: nil)
        encoder("mustToRawJson", must: true, escapeHTML: false, indent: nil)
        add("fromJson") { args in
            let text = try SprigArguments(name: "fromJson", values: args).string(0)
            do throws(JSONReadError) {
                switch try GoJSON.decode(text) {
                case .map(let map): return .map(map)
                case .null: return .map(ValueMap())
                case let other:
                    return .map(
                        ValueMap([
                            "Error": .string("json: cannot unmarshal \(jsonKind(other)) into Go value of type map[string]interface {}")
                        ]))
                }
            } catch {
                return .map(ValueMap(["Error": .string(GoJSON.message(error))]))
            }
        }
        add("fromJsonArray") { args in
            let text = try SprigArguments(name: "fromJsonArray", values: args).string(0)
            do throws(JSONReadError) {
                switch try GoJSON.decode(text) {
                case .list(let items): return .list(items)
                case .null: return .list([])
                case let other: return .list([.string("json: cannot unmarshal \(jsonKind(other)) into Go value of type []interface {}")])
                }
            } catch {
                return .list([.string(GoJSON.message(error))])
            }
        }
        add("mustFromJson") { args in
            let text = try SprigArguments(name: "mustFromJson", values: args).string(0)
            do throws(JSONReadError) { return try GoJSON.decode(text) } catch { throw FunctionError(GoJSON.message(error)) }
        }
        return table
    }()

    private static func jsonKind(_ value: Value) -> String {
        switch value {
        case .bool: return "bool"
        case .float, .int, .int64: return "number"
        case .string: return "string"
        case .list: return "array"
        default: return "object"
        }
    }
}
