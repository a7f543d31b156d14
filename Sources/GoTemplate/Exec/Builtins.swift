/// Go's predefined template functions that are plain functions (and/or are handled by the
/// evaluator because they short-circuit).
enum Builtins {
    static let names: Set<String> = ["and", "or", "not", "len", "index", "slice", "print", "println", "printf", "eq", "ne", "lt",
                                      "le", "gt", "ge", "html", "js", "urlquery", "call"]

    static func truth(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i), .int64(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .list(let l): return !l.isEmpty
        case .map(let m): return m.count > 0
        // A host object that is a Go map or slice (`.Files.Glob`'s result) is true when not empty.
        case .object(let o): return o.rangeEntries.map { !$0.isEmpty } ?? true
        case .function: return true
        }
    }

    enum Kind { case bool, int, float, string, other }

    static func kind(_ value: Value) -> Kind {
        switch value {
        case .bool: return .bool
        case .int, .int64: return .int
        case .float: return .float
        case .string: return .string
        default: return .other
        }
    }

    static func equal(_ a: Value, _ b: Value) throws -> Bool {
        if case .null = a, case .null = b { return true }
        let ka = kind(a), kb = kind(b)
        if ka == .other || kb == .other {
            if case .null = a { return false }
            if case .null = b { return false }
            throw FunctionError("incompatible types for comparison")
        }
        guard ka == kb else { throw FunctionError("incompatible types for comparison") }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        default: return intValue(a) == intValue(b)
        }
    }

    static func less(_ a: Value, _ b: Value) throws -> Bool {
        let ka = kind(a), kb = kind(b)
        guard ka != .other, kb != .other, ka != .bool else { throw FunctionError("invalid type for comparison") }
        guard ka == kb else { throw FunctionError("incompatible types for comparison") }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.float(let x), .float(let y)): return x < y
        default: return intValue(a) < intValue(b)
        }
    }

    static func intValue(_ v: Value) -> Int64 {
        switch v {
        case .int(let i), .int64(let i): return i
        default: return 0
        }
    }

    static func length(_ v: Value) throws -> Value {
        switch v {
        case .string(let s): return .int(Int64(s.utf8.count))
        case .bytes(let b): return .int(Int64(b.count))
        case .list(let l): return .int(Int64(l.count))
        case .map(let m): return .int(Int64(m.count))
        case .null: throw FunctionError("len of nil pointer")
        default:
            // A host object that is a Go map or slice has a length; build its entries once.
            if case .object(let o) = v, let entries = o.rangeEntries { return .int(Int64(entries.count)) }
            throw FunctionError("len of type \(typeName(v))")
        }
    }

    static func index(_ args: [Value]) throws -> Value {
        guard var item = args.first else { throw FunctionError.arguments("wrong number of args for index: want at least 1 got 0") }
        for key in args.dropFirst() {
            switch item {
            case .map(let m):
                guard case .string(let k) = key else { throw FunctionError("value has type \(typeName(key)); should be string") }
                item = m[k] ?? .null
            case .list(let l):
                let i = try position(key, count: l.count)
                item = l[i]
            case .string(let s):
                let bytes = Array(s.utf8)
                item = .int(Int64(bytes[try position(key, count: bytes.count)]))
            case .null:
                throw FunctionError("index of untyped nil")
            default:
                throw FunctionError("can't index item of type \(typeName(item))")
            }
        }
        return item
    }

    private static func position(_ key: Value, count: Int) throws -> Int {
        guard kind(key) == .int else { throw FunctionError("cannot index slice/array with type \(typeName(key))") }
        let i = intValue(key)
        guard i >= 0, i < Int64(count) else { throw FunctionError("index out of range: \(i)") }
        return Int(i)
    }

    static func typeName(_ v: Value) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .bytes: return "[]uint8"
        case .list: return "[]interface {}"
        case .map: return "map[string]interface {}"
        case .object(let o): return o.goTypeName
        case .function: return "func"
        }
    }
}
