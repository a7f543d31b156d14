import JSON

/// One compiled (sub)schema. Subschemas are referred to by their index in `CompiledSchema.nodes`.
struct SchemaNode: Sendable {
    /// JSON pointer of this schema inside the document.
    var location: String
    /// Draft year or number: 4, 6, 7, 2019, 2020.
    var draft: Int
    /// Set for `true`/`false` schemas.
    var boolean: Bool?

    var types: SchemaTypes?
    var constValue: JSONValue?
    var enumValues: [JSONValue]?
    var format: String?
    var ref: Int?

    // Objects.
    var minProperties: Int?
    var maxProperties: Int?
    var required: [String] = []
    var dependencies: [(String, SchemaDependency)] = []
    var properties: [(String, Int)] = []
    var propertyIndex: [String: Int] = [:]
    var patternProperties: [(GoRegex, Int)] = []
    var additionalProperties: SchemaAdditional?
    var propertyNames: Int?
    var dependentSchemas: [(String, Int)] = []
    var dependentRequired: [(String, [String])] = []
    var unevaluatedProperties: Int?

    // Arrays.
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var items: Int?
    var tupleItems: [Int]?
    var additionalItems: SchemaAdditional?
    var prefixItems: [Int] = []
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?

    // Strings.
    var minLength: Int?
    var maxLength: Int?
    var pattern: GoRegex?

    // Numbers.
    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var multipleOf: JSONNumber?

    // Combinators.
    var not: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    init(location: String, draft: Int) {
        self.location = location
        self.draft = draft
    }
}

/// `dependencies` entries: a property list or a schema.
enum SchemaDependency: Sendable {
    case properties([String])
    case schema(Int)
}

/// `additionalProperties` / `additionalItems`: a boolean or a schema.
enum SchemaAdditional: Sendable {
    case allowed(Bool)
    case schema(Int)
}

/// The JSON types a `type` keyword allows, reported in the library's fixed order.
struct SchemaTypes: Sendable {
    /// Type names in the order messages list them.
    static let order = ["null", "boolean", "number", "integer", "string", "array", "object"]
    private(set) var names: Set<String>

    init(_ names: [String]) { self.names = Set(names) }

    var isEmpty: Bool { names.isEmpty }
    func contains(_ name: String) -> Bool { names.contains(name) }
    /// `null or string`-style listing.
    var wanted: [String] { Self.order.filter { names.contains($0) } }
}
