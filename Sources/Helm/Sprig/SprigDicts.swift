import GoTemplate

/// Sprig's dictionary functions on `map[string]interface{}`. Maps are shared references, so
/// `set`, `unset` and `merge*` change the map they are given and return it.
///
/// Go iterates maps in random order; `keys` and `values` return entries in sorted key order
/// so output is deterministic (charts that care pipe `keys` through `sortAlpha` anyway).
enum SprigDicts {
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: access + combining)

    static let access: [(String, TemplateFunction)] = [
        sprigFunction("get") { a in try a.count(2); let map = try a.map(0), key = try a.string(1)
            return map?[key] ?? .string("") },
        sprigFunction("set") { a in try a.count(3); let map = try a.map(0), key = try a.string(1)
            guard let map else { throw FunctionError("assignment to entry in nil map") }
            map[key] = a.values[2]
            return .map(map) },
        sprigFunction("unset") { a in try a.count(2); let map = try a.map(0), key = try a.string(1)
            map?.storage.removeValue(forKey: key)
            return map.map { .map($0) } ?? .map(ValueMap()) },
        sprigFunction("hasKey") { a in try a.count(2); let map = try a.map(0), key = try a.string(1)
            return .bool(map?[key] != nil) },
        sprigFunction("pluck") { a in try a.atLeast(1); let key = try a.string(0)
            return .list(try (1..<a.values.count).compactMap { try a.map($0)?[key] }) },
        sprigFunction("keys") { a in
            .list(try (0..<a.values.count).flatMap { try a.map($0)?.sortedKeys ?? [] }.map { .string($0) }) },
        sprigFunction("values") { a in try a.count(1)
            guard let map = try a.map(0) else { return .list([]) }
            return .list(map.sortedKeys.map { map[$0] ?? .null }) },
        sprigFunction("pick") { a in try a.atLeast(1); let map = try a.map(0), keys = try a.strings(from: 1)
            let out = ValueMap()
            for k in keys { if let v = map?[k] { out[k] = v } }
            return .map(out) },
        sprigFunction("omit") { a in try a.atLeast(1); let map = try a.map(0), keys = Set(try a.strings(from: 1))
            return .map(ValueMap((map?.storage ?? [:]).filter { !keys.contains($0.key) })) },
        sprigFunction("dig") { a in try dig(a.values) },
    ]

    static let combining: [(String, TemplateFunction)] = [
        sprigFunction("merge") { a in try merge(a, overwrite: false) },
        sprigFunction("mustMerge") { a in try merge(a, overwrite: false) },
        sprigFunction("mergeOverwrite") { a in try merge(a, overwrite: true) },
        sprigFunction("mustMergeOverwrite") { a in try merge(a, overwrite: true) },
        sprigFunction("deepCopy") { a in try a.count(1)
            if case .null = a.values[0] { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
            return deepCopy(a.values[0]) },
        sprigFunction("mustDeepCopy") { a in try a.count(1)
            if case .null = a.values[0] { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
            return deepCopy(a.values[0]) },
    ]

    /// `merge dst src...`: mergo into `dst` (a nil `dst` becomes a new map), returned.
    static func merge(_ a: SprigArguments, overwrite: Bool) throws -> Value {
        try a.atLeast(1)
        let dst = try a.map(0) ?? ValueMap()
        for i in 1..<max(1, a.values.count) {
            if let src = try a.map(i) { Mergo.merge(dst, src, overwrite: overwrite) }
        }
        return .map(dst)
    }

    /// Sprig's `dig KEY... DEFAULT DICT` with its type-assertion panics.
    static func dig(_ args: [Value]) throws -> Value {
        guard args.count >= 3 else { throw FunctionError("dig needs at least three arguments") }
        guard case .map(var map) = args[args.count - 1] else {
            throw FunctionError("interface conversion: interface {} is \(assertedType(args[args.count - 1])), not map[string]interface {}")
        }
        let fallback = args[args.count - 2]
        let keys = try args.dropLast(2).map { v -> String in
            guard case .string(let s) = v else { throw FunctionError("interface conversion: interface {} is \(assertedType(v)), not string") }
            return s
        }
        for (i, key) in keys.enumerated() {
            guard let step = map[key] else { return fallback }
            if i == keys.count - 1 { return step }
            guard case .map(let next) = step else {
                throw FunctionError("interface conversion: interface {} is \(assertedType(step)), not map[string]interface {}")
            }
            map = next
        }
        return fallback
    }

    /// The dynamic type a failed Go type assertion names ("nil" for a nil interface).
    static func assertedType(_ value: Value) -> String {
        if case .null = value { return "nil" }
        return GoFormat.typeName(value)
    }

    /// copystructure's deep copy: new maps and lists all the way down.
    static func deepCopy(_ value: Value) -> Value {
        switch value {
        case .map(let m): return .map(ValueMap(m.storage.mapValues(deepCopy)))
        case .list(let l): return .list(l.map(deepCopy))
        default: return value
        }
    }
}
