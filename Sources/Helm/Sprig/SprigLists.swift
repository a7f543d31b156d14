import GoTemplate

/// Sprig's list functions. Like Sprig they accept any slice; another kind is an error
/// ("Cannot find first on type string"), and nil makes Go's `reflect.TypeOf(nil).Kind()`
/// panic, which text/template reports as a nil pointer dereference. The plain and `must`
/// variants fail the same way because Sprig's plain ones panic with the must error.
enum SprigLists {
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: building + picking + searching)

    /// Registers `name` and `mustName` with the same body.
    static func both(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) -> [(String, TemplateFunction)] {
        let must = "must" + name.prefix(1).uppercased() + name.dropFirst()
        return [sprigFunction(name, body), sprigFunction(must, body)]
    }

    /// The elements of a slice argument; `describe` turns the Go kind into Sprig's message.
    static func elements(_ value: Value, _ describe: (String) -> String) throws -> [Value] {
        switch value {
        case .list(let items): return items
        case .bytes(let b): return b.map { .int(Int64($0)) }
        case .null: throw goNilDereference
        default: throw FunctionError(describe(SprigCore.kind(value)))
        }
    }

    static let building: [(String, TemplateFunction)] =
        [sprigFunction("tuple") { a in .list(a.values) }]
        + both("append") { a in try a.count(2); return .list(try elements(a.values[0]) { "Cannot push on type \($0)" } + [a.values[1]]) }
        + both("push") { a in try a.count(2); return .list(try elements(a.values[0]) { "Cannot push on type \($0)" } + [a.values[1]]) }
        + both("prepend") { a in try a.count(2); return .list([a.values[1]] + (try elements(a.values[0]) { "Cannot prepend on type \($0)" })) }
        + both("concat") { a in
            var out: [Value] = []
            for v in a.values { out += try elements(v) { "Cannot concat type \($0) as list" } }
            return .list(out) }
        .filter { $0.0 != "mustConcat" }
        + both("chunk") { a in try a.count(2); let size = try a.int(0)
            let items = try elements(a.values[1]) { "Cannot chunk type \($0)" }
            guard size > 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
            return .list(stride(from: 0, to: items.count, by: size).map { .list(Array(items[$0..<min($0 + size, items.count)])) }) }
        + both("compact") { a in try a.count(1)
            return .list(try elements(a.values[0]) { "Cannot compact on type \($0)" }.filter { !sprigEmpty($0) }) }
        + both("reverse") { a in try a.count(1); return .list(try elements(a.values[0]) { "Cannot find reverse on type \($0)" }.reversed()) }
        + both("uniq") { a in try a.count(1)
            var out: [Value] = []
            for v in try elements(a.values[0], { "Cannot find uniq on type \($0)" }) where !out.contains(where: { deepEqual($0, v) }) { out.append(v) }
            return .list(out) }
        + both("without") { a in try a.atLeast(1)
            let omit = Array(a.values.dropFirst())
            return .list(try elements(a.values[0]) { "Cannot find without on type \($0)" }.filter { v in !omit.contains { deepEqual($0, v) } }) }
        + [sprigFunction("sortAlpha") { a in try a.count(1)
            let strings: [String]
            switch a.values[0] {
            case .list, .bytes: strings = SprigStrings.stringSlice(a.values[0])
            default: strings = [sprigString(a.values[0])]
            }
            return .list(strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { .string($0) }) }]

    static let picking: [(String, TemplateFunction)] =
        both("first") { a in try a.count(1); return try elements(a.values[0]) { "Cannot find first on type \($0)" }.first ?? .null }
        + both("last") { a in try a.count(1); return try elements(a.values[0]) { "Cannot find last on type \($0)" }.last ?? .null }
        + both("rest") { a in try a.count(1); return .list(Array(try elements(a.values[0]) { "Cannot find rest on type \($0)" }.dropFirst())) }
        + both("initial") { a in try a.count(1); return .list(Array(try elements(a.values[0]) { "Cannot find initial on type \($0)" }.dropLast())) }
        + both("slice") { a in try a.atLeast(1)
            let items = try elements(a.values[0]) { "list should be type of slice or array but \($0)" }
            if items.isEmpty { return .null }
            let start = a.values.count > 1 ? Int(GoCast.toInt64(a.values[1])) : 0
            let end = a.values.count > 2 ? Int(GoCast.toInt64(a.values[2])) : items.count
            guard start >= 0, start <= end, end <= items.count else {
                throw FunctionError("reflect.Value.Slice: slice index out of bounds")
            }
            return .list(Array(items[start..<end])) }

    static let searching: [(String, TemplateFunction)] =
        [sprigFunction("all") { a in .bool(a.values.allSatisfy { !sprigEmpty($0) }) },
         sprigFunction("any") { a in .bool(a.values.contains { !sprigEmpty($0) }) },
         sprigFunction("deepEqual") { a in try a.count(2); return .bool(deepEqual(a.values[0], a.values[1])) }]
        + both("has") { a in try a.count(2)
            if case .null = a.values[1] { return .bool(false) }
            let needle = a.values[0]
            return .bool(try elements(a.values[1]) { "Cannot find has on type \($0)" }.contains { deepEqual(needle, $0) }) }

    /// Go's `reflect.DeepEqual` on template values: same dynamic type and deeply equal contents.
    static func deepEqual(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)), (.int64(let a), .int64(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { deepEqual($0, $1) }
        case (.map(let a), .map(let b)):
            if a === b { return true }
            return a.count == b.count && a.storage.allSatisfy { key, value in b[key].map { deepEqual(value, $0) } ?? false }
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}
