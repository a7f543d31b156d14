/// A JSON document: the one value type every module reads, builds and writes JSON with
/// (values.schema.json, the simulated cluster's objects and state file, kubectl-style output).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// An integer.
    public static func int(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }

    /// A float64; null for NaN and infinities, which JSON cannot hold.
    public static func double(_ value: Double) -> JSONValue { JSONNumber(value).map(JSONValue.number) ?? .null }

    /// The member `key` of an object (nil for anything else); setting it on a non-object does nothing.
    public subscript(key: String) -> JSONValue? {
        get {
            if case .object(let members) = self { return members[key] }
            return nil
        }
        set {
            guard case .object(var members) = self else { return }
            self = .null  // drop the second reference so the members are changed in place
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, when this is one.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// How many arrays and objects deep the document goes (0 for a scalar); counted without
    /// recursion, so callers that walk documents recursively can refuse deep ones first.
    public var nestingDepth: Int {
        var deepest = 0
        var pending: [(JSONValue, Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            switch value {
            case .array(let items):
                deepest = max(deepest, depth + 1)
                for item in items { pending.append((item, depth + 1)) }
            case .object(let members):
                deepest = max(deepest, depth + 1)
                for (_, member) in members { pending.append((member, depth + 1)) }
            default:
                break
            }
        }
        return deepest
    }
}
