import GoTemplate

/// Go's argument conversion for typed function parameters, with text/template's messages.
struct SprigArguments {
    let name: String
    let values: [Value]

    func count(_ expected: Int) throws {
        guard values.count == expected else {
            throw FunctionError.arguments("wrong number of args for \(name): want \(expected) got \(values.count)")
        }
    }

    /// A missing argument is Go's arity error, never an out-of-range trap (`{{ fromJson }}`):
    /// Go's message for a call with fewer arguments than `i + 1` (the table in `FunctionArity`
    /// usually reports it first, with the function's full count).
    private func present(_ i: Int) throws {
        guard values.indices.contains(i) else {
            let arity = FunctionArity.table[name]
            throw FunctionError.arguments("wrong number of args for \(name): want \(arity.map { ($0.variadic ? "at least " : "") + String($0.parameters) } ?? String(i + 1)) got \(values.count)")
        }
    }

    func string(_ i: Int) throws -> String {
        try present(i)
        switch values[i] {
        case .string(let s): return s
        default: throw FunctionError.argumentType(index: i, goType: "string", got: values[i])
        }
    }

    /// The most characters or bytes a function may be asked to produce (64 MiB): Go would try
    /// to allocate a count such as 9223372036854775807 and die; here it is an error.
    static let sizeLimit = 64 << 20

    /// An int used as a size (a count of characters, bytes or repetitions), at most `sizeLimit`.
    func size(_ i: Int) throws -> Int {
        let n = try int(i)
        guard n <= Self.sizeLimit else {
            throw FunctionError("\(name): \(n) is too large (at most \(Self.sizeLimit))")
        }
        return n
    }

    func int(_ i: Int) throws -> Int {
        try present(i)
        switch values[i] {
        case .int(let n), .int64(let n): return Int(n)
        default: throw FunctionError.argumentType(index: i, goType: "int", got: values[i])
        }
    }
}

/// Sprig's `strval`: strings and bytes as text, anything else through `%v`.
func sprigString(_ value: Value) -> String {
    switch value {
    case .string(let s): return s
    case .bytes(let b): return String(decoding: b, as: UTF8.self)
    default: return GoFormat.string(value)
    }
}

/// Sprig's `empty`: zero values, empty collections and nil.
func sprigEmpty(_ value: Value) -> Bool {
    switch value {
    case .null: return true
    case .bool(let b): return !b
    case .int(let n), .int64(let n): return n == 0
    case .float(let d): return d == 0
    case .string(let s): return s.isEmpty
    case .bytes(let b): return b.isEmpty
    case .list(let l): return l.isEmpty
    case .map(let m): return m.count == 0
    case .object(let o): return o.rangeEntries.map(\.isEmpty) ?? false
    case .function: return false
    }
}
