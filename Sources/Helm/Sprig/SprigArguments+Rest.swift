import GoTemplate

/// Argument checks for Sprig functions with variadic or map/float parameters.
extension SprigArguments {
    /// Variadic functions: text/template's message when fewer than `minimum` arguments arrive.
    func atLeast(_ minimum: Int) throws {
        guard values.count >= minimum else {
            throw FunctionError("wrong number of args for \(name): want at least \(minimum) got \(values.count)")
        }
    }

    /// A `map[string]interface{}` parameter; nil arrives as Go's nil map (nil here).
    func map(_ i: Int) throws -> ValueMap? {
        switch values[i] {
        case .map(let m): return m
        case .null: return nil
        default:
            throw FunctionError.argumentType(index: i, goType: "map[string]interface {}", got: values[i])
        }
    }

    /// A `float64` parameter (an integer constant converts, as text/template converts untyped constants).
    func float(_ i: Int) throws -> Double {
        switch values[i] {
        case .float(let d): return d
        case .int(let n): return Double(n)
        default: throw FunctionError.argumentType(index: i, goType: "float64", got: values[i])
        }
    }

    /// Variadic `...string` parameters from index `from` on.
    func strings(from start: Int) throws -> [String] {
        try (start..<values.count).map { try string($0) }
    }

    /// Variadic `...int` parameters from index `from` on.
    func ints(from start: Int) throws -> [Int] {
        try (start..<values.count).map { try int($0) }
    }
}

/// Builds one table entry whose body gets the arguments wrapped for checking.
func sprigFunction(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) -> (String, TemplateFunction) {
    (name, TemplateFunction(name) { _, values in try body(SprigArguments(name: name, values: values)) })
}

/// Go's runtime panic for a method call on the nil `reflect.Type` Sprig gets from `reflect.TypeOf(nil)`.
let goNilDereference = FunctionError("runtime error: invalid memory address or nil pointer dereference")
