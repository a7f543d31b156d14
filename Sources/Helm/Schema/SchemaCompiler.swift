import JSON

/// A schema document compiled into nodes; node 0 is the root.
struct CompiledSchema: Sendable {
    /// Every reachable subschema.
    var nodes: [SchemaNode]
}

/// A schema the library refuses to compile; `description` is its message.
struct SchemaCompileError: Error, CustomStringConvertible, Sendable {
    /// The message as Helm prints it.
    let description: String
}

/// Turns a values.schema.json document into `SchemaNode`s, following only what the draft
/// in `$schema` (2020-12 when absent) defines, and resolving local `$ref`s.
struct SchemaCompiler {
    /// The URL Helm registers the document under.
    static let documentURL = "file:///values.schema.json"

    private let root: JSONValue
    private let draft: Int
    private var nodes: [SchemaNode] = []
    private var byLocation: [String: Int] = [:]
    private var anchors: [String: String] = [:]

    /// Compiles `document`.
    static func compile(_ document: JSONValue) throws(SchemaCompileError) -> CompiledSchema {
        var compiler = SchemaCompiler(root: document, draft: draftVersion(of: document))
        compiler.collectAnchors(document, at: "")
        _ = try compiler.compile(at: "", document)
        return CompiledSchema(nodes: compiler.nodes)
    }

    private init(root: JSONValue, draft: Int) {
        self.root = root
        self.draft = draft
    }

    /// The draft the document declares with `$schema`.
    static func draftVersion(of document: JSONValue) -> Int {
        guard let url = document["$schema"]?.stringValue else { return 2020 }
        if url.contains("draft-04") { return 4 }
        if url.contains("draft-06") { return 6 }
        if url.contains("draft-07") { return 7 }
        if url.contains("2019-09") { return 2019 }
        return 2020
    }

    private mutating func collectAnchors(_ value: JSONValue, at pointer: String) {
        switch value {
        case .object(let object):
            if draft >= 2019, let anchor = object["$anchor"]?.stringValue {
                anchors[anchor] = pointer
            } else if draft < 2019, let id = object[draft == 4 ? "id" : "$id"]?.stringValue, id.hasPrefix("#") {
                anchors[String(id.dropFirst())] = pointer
            }
            for (key, child) in object.entries { collectAnchors(child, at: pointer + "/" + Self.escape(key)) }
        case .array(let items):
            for (i, child) in items.enumerated() { collectAnchors(child, at: pointer + "/\(i)") }
        default:
            break
        }
    }

    static func escape(_ token: String) -> String {
        token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    private mutating func compile(at pointer: String, _ value: JSONValue) throws(SchemaCompileError) -> Int {
        if let id = byLocation[pointer] { return id }
        let id = nodes.count
        byLocation[pointer] = id
        nodes.append(SchemaNode(location: pointer, draft: draft))
        var node = SchemaNode(location: pointer, draft: draft)
        switch value {
        case .bool(let b):
            node.boolean = b
        case .object(let object):
            try fill(&node, from: object, at: pointer)
        default:
            // Not a schema: the metaschema check would reject it; treat as permissive.
            node.boolean = true
        }
        nodes[id] = node
        return id
    }

    private mutating func child(_ object: JSONObject, _ key: String, _ pointer: String) throws(SchemaCompileError) -> Int? {
        guard let value = object[key] else { return nil }
        return try compile(at: pointer + "/" + Self.escape(key), value)
    }

    private mutating func childList(_ object: JSONObject, _ key: String, _ pointer: String) throws(SchemaCompileError) -> [Int] {
        guard case .array(let items)? = object[key] else { return [] }
        var ids: [Int] = []
        for (i, item) in items.enumerated() { ids.append(try compile(at: pointer + "/\(Self.escape(key))/\(i)", item)) }
        return ids
    }

    private mutating func childMap(_ object: JSONObject, _ key: String, _ pointer: String) throws(SchemaCompileError) -> [(String, Int)] {
        guard case .object(let members)? = object[key] else { return [] }
        var out: [(String, Int)] = []
        for (name, sub) in members.entries {
            out.append((name, try compile(at: pointer + "/" + Self.escape(key) + "/" + Self.escape(name), sub)))
        }
        return out
    }

    private mutating func additional(_ object: JSONObject, _ key: String, _ pointer: String) throws(SchemaCompileError) -> SchemaAdditional?
    {
        guard let value = object[key] else { return nil }
        if case .bool(let b) = value { return .allowed(b) }
        return .schema(try compile(at: pointer + "/" + key, value))
    }

    private mutating func fill(_ node: inout SchemaNode, from object: JSONObject, at pointer: String) throws(SchemaCompileError) {
        if let ref = object["$ref"]?.stringValue {
            node.ref = try resolve(ref)
            // Before 2019-09 every other keyword next to $ref is ignored.
            if draft < 2019 { return }
        }
        node.allOf = try childList(object, "allOf", pointer)
        node.anyOf = try childList(object, "anyOf", pointer)
        node.oneOf = try childList(object, "oneOf", pointer)
        node.not = try child(object, "not", pointer)
        if draft < 2020 {
            if case .array? = object["items"] {
                node.tupleItems = try childList(object, "items", pointer)
                node.additionalItems = try additional(object, "additionalItems", pointer)
            } else {
                node.items = try child(object, "items", pointer)
            }
        } else {
            node.prefixItems = try childList(object, "prefixItems", pointer)
            node.items = try child(object, "items", pointer)
        }
        node.properties = try childMap(object, "properties", pointer)
        for (i, entry) in node.properties.enumerated() { node.propertyIndex[entry.0] = i }
        if case .object(let patterns)? = object["patternProperties"] {
            for (expression, sub) in patterns.entries {
                let regex = try compileRegex(expression, keywordPointer: pointer + "/patternProperties")
                node.patternProperties.append((regex, try compile(at: pointer + "/patternProperties/" + Self.escape(expression), sub)))
            }
        }
        node.additionalProperties = try additional(object, "additionalProperties", pointer)
        if case .object(let deps)? = object["dependencies"] {
            for (name, dep) in deps.entries {
                if case .array(let names) = dep {
                    node.dependencies.append((name, .properties(names.compactMap(\.stringValue))))
                } else {
                    node.dependencies.append((name, .schema(try compile(at: pointer + "/dependencies/" + Self.escape(name), dep))))
                }
            }
        }
        if case .array(let list)? = object["type"] {
            node.types = SchemaTypes(list.compactMap(\.stringValue))
        } else if let single = object["type"]?.stringValue {
            node.types = SchemaTypes([single])
        }
        if case .array(let values)? = object["enum"] { node.enumValues = values }
        node.multipleOf = number(object["multipleOf"])
        node.maximum = number(object["maximum"])
        node.minimum = number(object["minimum"])
        if case .bool(true)? = object["exclusiveMaximum"] {
            node.exclusiveMaximum = node.maximum
            node.maximum = nil
        } else {
            node.exclusiveMaximum = number(object["exclusiveMaximum"])
        }
        if case .bool(true)? = object["exclusiveMinimum"] {
            node.exclusiveMinimum = node.minimum
            node.minimum = nil
        } else {
            node.exclusiveMinimum = number(object["exclusiveMinimum"])
        }
        node.minLength = integer(object["minLength"])
        node.maxLength = integer(object["maxLength"])
        if let expression = object["pattern"]?.stringValue {
            node.pattern = try compileRegex(expression, keywordPointer: pointer + "/pattern")
        }
        node.minItems = integer(object["minItems"])
        node.maxItems = integer(object["maxItems"])
        if case .bool(true)? = object["uniqueItems"] { node.uniqueItems = true }
        node.minProperties = integer(object["minProperties"])
        node.maxProperties = integer(object["maxProperties"])
        if case .array(let names)? = object["required"] { node.required = names.compactMap(\.stringValue) }
        // Formats are assertions only before 2019-09 (the library's default).
        if draft < 2019 { node.format = object["format"]?.stringValue }

        if draft >= 6 {
            node.contains = try child(object, "contains", pointer)
            node.propertyNames = try child(object, "propertyNames", pointer)
            node.constValue = object["const"]
        }
        if draft >= 7, object["if"] != nil {
            node.ifSchema = try child(object, "if", pointer)
            let constant: Bool? = if case .bool(let b)? = object["if"] { b } else { nil }
            if constant != false { node.thenSchema = try child(object, "then", pointer) }
            if constant != true { node.elseSchema = try child(object, "else", pointer) }
        }
        if draft >= 2019 {
            if node.contains != nil {
                node.minContains = integer(object["minContains"])
                node.maxContains = integer(object["maxContains"])
            }
            if case .object(let deps)? = object["dependentRequired"] {
                for (name, list) in deps.entries {
                    if case .array(let names) = list { node.dependentRequired.append((name, names.compactMap(\.stringValue))) }
                }
            }
            node.dependentSchemas = try childMap(object, "dependentSchemas", pointer)
            node.unevaluatedProperties = try child(object, "unevaluatedProperties", pointer)
        }
    }

    private func number(_ value: JSONValue?) -> JSONNumber? {
        if case .number(let n)? = value { return n }
        return nil
    }

    private func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let n)? = value, n.value == n.value.rounded(), abs(n.value) < 9e18 else { return nil }
        return Int(n.value)
    }

    /// A Go regexp; an invalid one fails the metaschema's `format: regex` check.
    private func compileRegex(_ expression: String, keywordPointer: String) throws(SchemaCompileError) -> GoRegex {
        do {
            return try GoRegex(expression)
        } catch {
            var leaves = ["at \(SchemaQuote.single(keywordPointer)): \(SchemaQuote.single(expression)) is not valid regex: \(error)"]
            if keywordPointer.hasSuffix("/patternProperties") {
                // Pattern keys are checked as property names, reported relative to the name.
                leaves = [
                    "at \(SchemaQuote.single(keywordPointer)): invalid propertyName \(SchemaQuote.single(expression))",
                    "at '': \(SchemaQuote.single(expression)) is not valid regex: \(error)",
                ]
            }
            throw SchemaCompileError(description: metaschemaFailure(leafPointer: keywordPointer, leaves: leaves))
        }
    }

    /// The library's report for one metaschema violation at `leafPointer`.
    private func metaschemaFailure(leafPointer: String, leaves: [String]) -> String {
        let metaschema: String
        var lines: [String] = []
        switch draft {
        case 4: metaschema = "http://json-schema.org/draft-04/schema#"
        case 6: metaschema = "http://json-schema.org/draft-06/schema#"
        case 7: metaschema = "http://json-schema.org/draft-07/schema#"
        case 2019: metaschema = "https://json-schema.org/draft/2019-09/schema#"
        default: metaschema = "https://json-schema.org/draft/2020-12/schema#"
        }
        if draft >= 2019 {
            // Each enclosing schema object fails the metaschema's allOf of vocabularies.
            for schemaPointer in enclosingSchemas(of: leafPointer) {
                lines.append(String(repeating: "  ", count: lines.count) + "- at \(SchemaQuote.single(schemaPointer)): 'allOf' failed")
            }
        }
        for leaf in leaves { lines.append(String(repeating: "  ", count: lines.count) + "- " + leaf) }
        return "\(SchemaQuote.doubleQuoted(Self.documentURL + "#")) is not valid against metaschema: "
            + "jsonschema validation failed with \(SchemaQuote.single(metaschema))\n" + lines.joined(separator: "\n")
    }

    /// Pointers of the schema objects containing the keyword at `pointer`, outermost first.
    private func enclosingSchemas(of pointer: String) -> [String] {
        var tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        tokens.removeLast()  // the keyword itself
        let mapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]
        let listKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
        var out = [""]
        var current = ""
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if mapKeywords.contains(token) || listKeywords.contains(token)
                || (token == "items" && i + 1 < tokens.count && Int(tokens[i + 1]) != nil)
            {
                guard i + 1 < tokens.count else { break }
                current += "/" + token + "/" + tokens[i + 1]
                i += 2
            } else {
                current += "/" + token
                i += 1
            }
            out.append(current)
        }
        return out
    }

    /// Resolves a local reference (`#`, `#/json/pointer`, `#anchor`) to a compiled node.
    private mutating func resolve(_ ref: String) throws(SchemaCompileError) -> Int {
        let hash = ref.firstIndex(of: "#") ?? ref.endIndex
        let base = String(ref[..<hash])
        let fragment = hash < ref.endIndex ? String(ref[ref.index(after: hash)...]) : ""
        guard base.isEmpty || base == "values.schema.json" || base == Self.documentURL else {
            throw SchemaCompileError(
                description: "unsupported $ref \(SchemaQuote.doubleQuoted(ref)): only references inside values.schema.json are supported")
        }
        let decoded = Self.percentDecode(fragment)
        if decoded.isEmpty || decoded.hasPrefix("/") {
            guard let target = Self.lookup(root, pointer: decoded) else {
                throw SchemaCompileError(
                    description: "json-pointer in \(SchemaQuote.doubleQuoted(Self.documentURL + "#" + fragment)) not found")
            }
            return try compile(at: Self.canonical(decoded), target)
        }
        guard let pointer = anchors[decoded], let target = Self.lookup(root, pointer: pointer) else {
            throw SchemaCompileError(
                description: "anchor \(SchemaQuote.doubleQuoted(decoded)) not found in \(SchemaQuote.doubleQuoted(Self.documentURL))")
        }
        return try compile(at: pointer, target)
    }

    /// The pointer with its tokens re-escaped, so a reference and a direct walk share nodes.
    private static func canonical(_ pointer: String) -> String {
        tokens(pointer).map { "/" + escape($0) }.joined()
    }

    private static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
        }
    }

    static func lookup(_ document: JSONValue, pointer: String) -> JSONValue? {
        var current = document
        for token in tokens(pointer) {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let i = Int(token), i >= 0, i < items.count else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }

    private static func percentDecode(_ s: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
                let v = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(v)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
