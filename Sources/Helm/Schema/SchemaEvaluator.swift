import JSON

/// Checks an instance against compiled schema nodes, keyword by keyword in the order the
/// schema library does, building its error tree.
struct SchemaEvaluator {
    let nodes: [SchemaNode]

    /// The top-level errors (a group at the root is unwrapped, as the library does).
    func validate(_ instance: JSONValue) -> [SchemaViolation] {
        guard let error = validate(instance, node: 0, location: [], chain: []) else { return [] }
        return error.kind == .group ? error.causes : [error]
    }

    /// One schema against one value. `chain` holds the nodes already applied to this same
    /// value (through $ref and combinators), to detect reference cycles.
    func validate(_ v: JSONValue, node id: Int, location: [String], chain: [Int]) -> SchemaViolation? {
        let s = nodes[id]
        func error(_ message: String, _ kind: SchemaViolation.Kind = .keyword, causes: [SchemaViolation] = []) -> SchemaViolation {
            SchemaViolation(location: location, message: message, causes: causes, kind: kind)
        }
        if let b = s.boolean { return b ? nil : error("false schema") }
        if let first = chain.firstIndex(of: id) {
            let url = SchemaCompiler.documentURL + "#" + s.location
            return error(
                "both \(nodes[chain[first]].location) and \(s.location) resolve to \(SchemaQuote.doubleQuoted(url)) causing reference cycle"
            )
        }
        let chain = chain + [id]

        if let types = s.types, !types.isEmpty {
            let t = Self.typeName(v)
            let matched = types.contains(t) || (types.contains("integer") && t == "number" && Self.isInteger(v))
            if !matched { return error("got \(t), want \(types.wanted.joined(separator: " or "))") }
        }
        if let want = s.constValue, !Self.equals(v, want) {
            return error(Self.isPrimitive(want) ? "value must be \(Self.display(want))" : "'const' failed")
        }
        if let values = s.enumValues, !values.contains(where: { Self.equals(v, $0) }) {
            if values.allSatisfy(Self.isPrimitive) {
                if values.count == 1 { return error("value must be \(Self.display(values[0]))") }
                return error("value must be one of \(values.map(Self.display).joined(separator: ", "))")
            }
            return error("'enum' failed")
        }
        if let format = s.format, case .string(let str) = v, let problem = SchemaFormats.check(format, str) {
            return error("\(SchemaQuote.single(str)) is not valid \(format): \(problem)")
        }

        var errors: [SchemaViolation] = []
        if let ref = s.ref {
            let refError = validateRef(v, ref, location: location, chain: chain)
            if s.draft < 2019 { return refError }
            if let refError { errors.append(refError) }
        }
        switch v {
        case .object(let object): validateObject(object, s, location, chain, &errors)
        case .array(let items): validateArray(items, s, location, chain, &errors)
        case .string(let str): validateString(str, s, location, &errors)
        case .number(let n): validateNumber(n.value, s, location, &errors)
        default: break
        }
        validateConditions(v, s, location, chain, &errors)

        switch errors.count {
        case 0: return nil
        case 1: return errors[0]
        default: return error("validation failed", .group, causes: errors)
        }
    }

    private func validateRef(_ v: JSONValue, _ target: Int, location: [String], chain: [Int]) -> SchemaViolation? {
        guard let inner = validate(v, node: target, location: location, chain: chain) else { return nil }
        let causes = inner.kind == .group ? inner.causes : [inner]
        return SchemaViolation(location: location, message: "validation failed", causes: causes, kind: .reference)
    }

    /// A subschema applied to a member of the current value (a fresh cycle chain).
    private func validateChild(_ v: JSONValue, _ node: Int, _ location: [String], _ token: String) -> SchemaViolation? {
        validate(v, node: node, location: location + [token], chain: [])
    }

    private func validateObject(
        _ object: JSONObject, _ s: SchemaNode, _ location: [String], _ chain: [Int],
        _ errors: inout [SchemaViolation]
    ) {
        func add(_ message: String) { errors.append(SchemaViolation(location: location, message: message)) }
        if let min = s.minProperties, object.count < min {
            add("minProperties: got \(PrinterNumber.int(object.count)), want \(PrinterNumber.int(min))")
        }
        if let max = s.maxProperties, object.count > max {
            add("maxProperties: got \(PrinterNumber.int(object.count)), want \(PrinterNumber.int(max))")
        }
        let missing = s.required.filter { object[$0] == nil }
        if missing.count == 1 {
            add("missing property \(SchemaQuote.single(missing[0]))")
        } else if missing.count > 1 {
            add("missing properties \(missing.map(SchemaQuote.single).joined(separator: ", "))")
        }
        for (name, dependency) in s.dependencies where object[name] != nil {
            switch dependency {
            case .properties(let names):
                let missing = names.filter { object[$0] == nil }
                if !missing.isEmpty {
                    add(
                        "properties \(missing.map(SchemaQuote.single).joined(separator: ", ")) required, if \(SchemaQuote.single(name)) exists"
                    )
                }
            case .schema(let node):
                if let e = validate(.object(object), node: node, location: location, chain: chain) { errors.append(e) }
            }
        }
        var additional: [String] = []
        for (name, value) in object.entries {
            var evaluated = false
            if let i = s.propertyIndex[name] {
                evaluated = true
                if let e = validateChild(value, s.properties[i].1, location, name) { errors.append(e) }
            }
            for (regex, node) in s.patternProperties where regex.matches(name) {
                evaluated = true
                if let e = validateChild(value, node, location, name) { errors.append(e) }
            }
            if !evaluated, let extra = s.additionalProperties {
                switch extra {
                case .allowed(let ok): if !ok { additional.append(name) }
                case .schema(let node): if let e = validateChild(value, node, location, name) { errors.append(e) }
                }
            }
        }
        if !additional.isEmpty {
            add("additional properties \(additional.map(SchemaQuote.single).joined(separator: ", ")) not allowed")
        }
        if s.draft == 4 { return }
        if let names = s.propertyNames {
            for (name, _) in object.entries {
                if let e = validate(.string(name), node: names, location: [], chain: []) {
                    let causes = e.kind == .group ? e.causes : [e]
                    errors.append(
                        SchemaViolation(
                            location: location, message: "invalid propertyName \(SchemaQuote.single(name))",
                            causes: causes))
                }
            }
        }
        if s.draft == 6 { return }
        for (name, node) in s.dependentSchemas where object[name] != nil {
            if let e = validate(.object(object), node: node, location: location, chain: chain) { errors.append(e) }
        }
        for (name, names) in s.dependentRequired where object[name] != nil {
            let missing = names.filter { object[$0] == nil }
            if !missing.isEmpty {
                add("properties \(missing.map(SchemaQuote.single).joined(separator: ", ")) required, if \(SchemaQuote.single(name)) exists")
            }
        }
    }

    private func validateArray(
        _ items: [JSONValue], _ s: SchemaNode, _ location: [String], _ chain: [Int],
        _ errors: inout [SchemaViolation]
    ) {
        func add(_ message: String, causes: [SchemaViolation] = []) {
            errors.append(SchemaViolation(location: location, message: message, causes: causes))
        }
        if let min = s.minItems, items.count < min {
            add("minItems: got \(PrinterNumber.int(items.count)), want \(PrinterNumber.int(min))")
        }
        if let max = s.maxItems, items.count > max {
            add("maxItems: got \(PrinterNumber.int(items.count)), want \(PrinterNumber.int(max))")
        }
        if s.uniqueItems, items.count > 1 {
            search: for i in 1..<items.count {
                for j in 0..<i where Self.equals(items[i], items[j]) {
                    add("items at \(PrinterNumber.int(j)) and \(PrinterNumber.int(i)) are equal")
                    break search
                }
            }
        }
        if s.draft < 2020 {
            var evaluated = 0
            if let node = s.items {
                for (i, item) in items.enumerated() {
                    if let e = validateChild(item, node, location, String(i)) { errors.append(e) }
                }
                evaluated = items.count
            } else if let tuple = s.tupleItems {
                evaluated = min(items.count, tuple.count)
                for i in 0..<evaluated {
                    if let e = validateChild(items[i], tuple[i], location, String(i)) { errors.append(e) }
                }
            }
            switch s.additionalItems {
            case .allowed(false)? where evaluated != items.count:
                add("last \(PrinterNumber.int(items.count - evaluated)) additionalItem(s) not allowed")
            case .schema(let node)?:
                for i in evaluated..<items.count {
                    if let e = validateChild(items[i], node, location, String(i)) { errors.append(e) }
                }
            default:
                break
            }
        } else {
            let evaluated = min(s.prefixItems.count, items.count)
            for i in 0..<evaluated {
                if let e = validateChild(items[i], s.prefixItems[i], location, String(i)) { errors.append(e) }
            }
            if let node = s.items {
                for i in evaluated..<items.count {
                    if let e = validateChild(items[i], node, location, String(i)) { errors.append(e) }
                }
            }
        }
        if let contains = s.contains {
            var failures: [SchemaViolation] = []
            var matched: [Int] = []
            for (i, item) in items.enumerated() {
                if let e = validateChild(item, contains, location, String(i)) { failures.append(e) } else { matched.append(i) }
            }
            let at = matched.map(String.init).joined(separator: " ")
            if let min = s.minContains {
                if matched.count < min {
                    if matched.isEmpty {
                        add("min \(PrinterNumber.int(min)) items required to match contains schema, but none matched", causes: failures)
                    } else {
                        add(
                            "min \(PrinterNumber.int(min)) items required to match contains schema, but matched \(PrinterNumber.int(matched.count)) items at \(at)",
                            causes: failures)
                    }
                }
            } else if matched.isEmpty {
                add("no items match contains schema", causes: failures)
            }
            if let max = s.maxContains, matched.count > max {
                add(
                    "max \(PrinterNumber.int(max)) items required to match contains schema, but matched \(PrinterNumber.int(matched.count)) items at \(at)"
                )
            }
        }
    }

    private func validateString(_ str: String, _ s: SchemaNode, _ location: [String], _ errors: inout [SchemaViolation]) {
        func add(_ message: String) { errors.append(SchemaViolation(location: location, message: message)) }
        if s.minLength != nil || s.maxLength != nil {
            let length = str.unicodeScalars.count
            if let min = s.minLength, length < min {
                add("minLength: got \(PrinterNumber.int(length)), want \(PrinterNumber.int(min))")
            }
            if let max = s.maxLength, length > max {
                add("maxLength: got \(PrinterNumber.int(length)), want \(PrinterNumber.int(max))")
            }
        }
        if let pattern = s.pattern, !pattern.matches(str) {
            add("\(SchemaQuote.single(str)) does not match pattern \(SchemaQuote.single(pattern.expression))")
        }
    }

    private func validateNumber(_ value: Double, _ s: SchemaNode, _ location: [String], _ errors: inout [SchemaViolation]) {
        func add(_ keyword: String, _ want: JSONNumber) {
            errors.append(
                SchemaViolation(
                    location: location,
                    message: "\(keyword): got \(PrinterNumber.float(value)), want \(PrinterNumber.float(want.value))"))
        }
        if let min = s.minimum, value < min.value { add("minimum", min) }
        if let max = s.maximum, value > max.value { add("maximum", max) }
        if let min = s.exclusiveMinimum, value <= min.value { add("exclusiveMinimum", min) }
        if let max = s.exclusiveMaximum, value >= max.value { add("exclusiveMaximum", max) }
        if let divisor = s.multipleOf, !SchemaDecimal.isMultiple(value, of: divisor) { add("multipleOf", divisor) }
    }

    private func validateConditions(
        _ v: JSONValue, _ s: SchemaNode, _ location: [String], _ chain: [Int],
        _ errors: inout [SchemaViolation]
    ) {
        func apply(_ node: Int) -> SchemaViolation? { validate(v, node: node, location: location, chain: chain) }
        func add(_ message: String, causes: [SchemaViolation] = []) {
            errors.append(SchemaViolation(location: location, message: message, causes: causes))
        }
        if let not = s.not, apply(not) == nil { add("'not' failed") }
        if !s.allOf.isEmpty {
            let failures = s.allOf.compactMap(apply)
            if !failures.isEmpty { add("'allOf' failed", causes: failures) }
        }
        if !s.anyOf.isEmpty {
            var failures: [SchemaViolation] = []
            var matched = false
            for node in s.anyOf {
                if let e = apply(node) {
                    failures.append(e)
                } else {
                    matched = true
                    break
                }
            }
            if !matched { add("'anyOf' failed", causes: failures) }
        }
        if !s.oneOf.isEmpty {
            var failures: [SchemaViolation] = []
            var matched: Int?
            for (i, node) in s.oneOf.enumerated() {
                if let e = apply(node) {
                    if matched == nil { failures.append(e) }
                } else if let first = matched {
                    add("'oneOf' failed, subschemas \(PrinterNumber.int(first)), \(PrinterNumber.int(i)) matched")
                    break
                } else {
                    matched = i
                }
            }
            if matched == nil { add("'oneOf' failed, none matched", causes: failures) }
        }
        if let condition = s.ifSchema {
            if apply(condition) == nil {
                if let then = s.thenSchema, let e = apply(then) { errors.append(e) }
            } else if let otherwise = s.elseSchema, let e = apply(otherwise) {
                errors.append(e)
            }
        }
    }
}
