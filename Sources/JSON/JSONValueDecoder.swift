/// Decodes `Decodable` types from JSON documents read by `JSONReader`: the one JSON decoder for
/// kubectl's, helm's and gcloud's output and the simulated cluster's saved state.
///
/// Numbers decode into any integer type they fit exactly and into floats; `special` lets a caller
/// decode a type its own way (Kubernetes timestamps as `Date`). Failures are `DecodingError`s
/// with the coding path; text that is not JSON is `.dataCorrupted` naming the line and column.
public struct JSONValueDecoder: Sendable {
    /// Decodes a type specially (return nil to decode it as usual).
    public typealias Special = @Sendable (_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> Any?

    /// The special-case hook.
    public var special: Special?

    /// A decoder.
    public init(special: Special? = nil) { self.special = special }

    /// Decodes `type` from a document (found at `codingPath` of a larger one, which errors name).
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at codingPath: [any CodingKey] = []) throws -> T {
        try JSONDecoding(value: value, codingPath: codingPath, special: special).unbox(T.self)
    }

    /// A member name in a coding path.
    public static func key(_ name: String) -> any CodingKey { JSONIndexKey(stringValue: name) }

    /// Reads UTF-8 `bytes` and decodes `type` from them.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Sequence<UInt8>) throws -> T {
        let value: JSONValue
        do {
            value = try JSONReader.read(bytes: Array(bytes))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not valid JSON: \(error)", underlyingError: error))
        }
        return try decode(type, from: value)
    }

    /// Reads `text` and decodes `type` from it.
    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(type, from: text.utf8)
    }
}

/// One position in the document being decoded.
struct JSONDecoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let special: JSONValueDecoder.Special?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ value: JSONValue, _ key: any CodingKey) -> JSONDecoding {
        JSONDecoding(value: value, codingPath: codingPath + [key], special: special)
    }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        if let document = value as? T, T.self == JSONValue.self { return document }  // kept as read
        if let special, let decoded = try special(T.self, value, codingPath) {
            guard let typed = decoded as? T else { throw mismatch(T.self) }
            return typed
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            if value == .null {
                throw DecodingError.valueNotFound([String: JSONValue].self, context("Expected an object but found null instead."))
            }
            throw mismatch([String: JSONValue].self)
        }
        return KeyedDecodingContainer(JSONKeyedDecoding<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            if value == .null { throw DecodingError.valueNotFound([JSONValue].self, context("Expected an array but found null instead.")) }
            throw mismatch([JSONValue].self)
        }
        return JSONUnkeyedDecoding(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func context(_ description: String) -> DecodingError.Context {
        DecodingError.Context(codingPath: codingPath, debugDescription: description)
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, context("Expected to decode \(type) but found \(value.kindName) instead."))
    }

    /// A scalar of the expected kind; null is `valueNotFound`, anything else `typeMismatch`.
    func scalar<T>(_ type: T.Type, _ extract: (JSONValue) -> T?) throws -> T {
        if let result = extract(value) { return result }
        if value == .null { throw DecodingError.valueNotFound(type, context("Expected \(type) value but found null instead.")) }
        throw mismatch(type)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let number = try scalar(JSONNumber.self) { $0.numberValue }
        if number.isInteger, let exact = T(number.text) { return exact }
        if !number.isInteger, number.value.isFinite, number.value == number.value.rounded(), let exact = T(exactly: number.value) {
            return exact
        }
        throw DecodingError.dataCorrupted(context("The number \(number.text) does not fit in \(type)."))
    }
}

extension JSONDecoding: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool {
        try scalar(type) { if case .bool(let b) = $0 { return b } else { return nil } }
    }
    func decode(_ type: String.Type) throws -> String { try scalar(type) { $0.stringValue } }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) { $0.numberValue?.value } }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(type) }
}

/// An object's members by key.
struct JSONKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONDecoding
    let members: JSONObject
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    func member(_ key: Key) throws -> JSONDecoding {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, decoder.context("No value associated with key \"\(key.stringValue)\"."))
        }
        return decoder.child(value, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).unbox(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], value != .null else { return nil }
        return try decoder.child(value, key).unbox(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.child(members["super"] ?? .null, JSONIndexKey(stringValue: "super"))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(members[key.stringValue] ?? .null, key)
    }
}

/// An array's elements in order.
struct JSONUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: JSONDecoding
    let items: [JSONValue]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(decoder: JSONDecoding, items: [JSONValue]) {
        self.decoder = decoder
        self.items = items
    }

    private mutating func next<T>(_ type: T.Type) throws -> JSONDecoding {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [JSONIndexKey(index: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], JSONIndexKey(index: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).unbox(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(JSONObject.self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([JSONValue].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(JSONValue.self) }
}

/// An array index (or `super`) in a coding path.
struct JSONIndexKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }
    init(intValue: Int) { self.init(index: intValue) }
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
}

extension JSONValue {
    /// The kind, as decoding errors name it.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
