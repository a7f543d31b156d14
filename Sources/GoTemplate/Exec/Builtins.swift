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

    /// Go's `eq` for one pair: basic kinds compare by value (int and int64 alike); a nil equals
    /// only a nil; other kinds (maps, slices) are not comparable. Errors name both Go types.
    static func equal(_ a: Value, _ b: Value) throws -> Bool {
        let ka = kind(a), kb = kind(b)
        if ka != kb {
            if case .null = a { return false }
            if case .null = b { return false }
            if ka == .other || kb == .other, reflectKind(a) == reflectKind(b) { return try equalOther(a, b) }
            throw FunctionError("incompatible types for comparison: \(typeName(a)) and \(typeName(b))")
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int, _), (.int64, _): return intValue(a) == intValue(b)
        default: return try equalOther(a, b)
        }
    }

    /// `eq` on two values that are not of a basic kind (Go's default case).
    private static func equalOther(_ a: Value, _ b: Value) throws -> Bool {
        let isNilA = { if case .null = a { return true } else { return false } }()
        let isNilB = { if case .null = b { return true } else { return false } }()
        if isNilA || isNilB { return isNilA == isNilB }
        guard reflectKind(a) == reflectKind(b) else {
            throw FunctionError(GoFormat.sprintf("non-comparable types %s: %v, %s: %v",
                                                 [a, .string(typeName(a)), .string(typeName(b)), b]))
        }
        // Maps, slices and functions are never comparable in Go, not even with themselves.
        throw FunctionError(GoFormat.sprintf("non-comparable type %s: %v", [b, .string(typeName(b))]))
    }

    /// The Go reflect kind of a value that is not of a basic kind, for `eq`'s same-kind check.
    private static func reflectKind(_ value: Value) -> String {
        switch value {
        case .list, .bytes: return "slice"
        case .map: return "map"
        case .function: return "func"
        case .object(let o): return o.goTypeName
        default: return "basic"
        }
    }

    /// Go's `lt`: both operands of one basic kind other than bool.
    static func less(_ a: Value, _ b: Value) throws -> Bool {
        let ka = kind(a), kb = kind(b)
        guard ka != .other, kb != .other else { throw FunctionError("invalid type for comparison") }
        guard ka == kb else { throw FunctionError("incompatible types for comparison: \(typeName(a)) and \(typeName(b))") }
        switch (a, b) {
        case (.bool, _): throw FunctionError("invalid type for comparison")
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
