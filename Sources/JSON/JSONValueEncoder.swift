/// Encodes `Encodable` types into JSON documents for `JSONWriter`: the one JSON encoder for the
/// `-o json` reports and the simulated cluster's saved state. Object members keep the order the
/// type encodes them in (the writer sorts them when its style says so); nil optionals encoded
/// with `encodeIfPresent` are left out, as Foundation's encoder leaves them out.
public struct JSONValueEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// `value` as a document.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONEncoding.box(value, codingPath: [])
    }

    /// `value` as text in `style`.
    public func text<T: Encodable>(_ value: T, style: JSONWriter.Style) throws -> String {
        try encode(value).text(style)
    }
}

/// A value being built: containers are shared references so nested containers can fill them later.
final class JSONEncodingNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, JSONEncodingNode)], [String: Int])
        case array([JSONEncodingNode])
    }

    var content: Content = .empty

    init() {}
    init(_ value: JSONValue) { content = .value(value) }

    /// The member `key` (created, or replaced when `replacing`).
    func member(_ key: String, _ node: JSONEncodingNode? = nil) -> JSONEncodingNode {
        var members: [(String, JSONEncodingNode)] = []
        var index: [String: Int] = [:]
        if case .object(let m, let i) = content {
            members = m
            index = i
        }
        content = .empty  // keep the arrays uniquely referenced while they change
        let result: JSONEncodingNode
        if let position = index[key] {
            result = node ?? members[position].1
            members[position].1 = result
        } else {
            result = node ?? JSONEncodingNode()
            index[key] = members.count
            members.append((key, result))
        }
        content = .object(members, index)
        return result
    }

    /// Appends an element.
    func append(_ node: JSONEncodingNode = JSONEncodingNode()) -> JSONEncodingNode {
        var items: [JSONEncodingNode] = []
        if case .array(let existing) = content { items = existing }
        content = .empty
        items.append(node)
        content = .array(items)
        return node
    }

    func makeObject() { if case .object = content {} else { content = .object([], [:]) } }
    func makeArray() { if case .array = content {} else { content = .array([]) } }

    /// The finished document (a container never filled in is an empty object, as in Foundation).
    var value: JSONValue {
        switch content {
        case .empty: return .object(JSONObject())
        case .value(let v): return v
        case .object(let members, _): return .object(JSONObject(members.map { ($0.0, $0.1.value) }))
        case .array(let items): return .array(items.map(\.value))
        }
    }
}

/// One position in the document being encoded.
struct JSONEncoding: Encoder {
    let node: JSONEncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        if let document = value as? JSONValue { return document }
        let node = JSONEncodingNode()
        try value.encode(to: JSONEncoding(node: node, codingPath: codingPath))
        return node.value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(JSONKeyedEncoding<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return JSONUnkeyedEncoding(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }
}

extension JSONEncoding: SingleValueEncodingContainer {
    func set(_ value: JSONValue) { node.content = .value(value) }

    /// A float, refused when JSON cannot hold it (NaN, infinities), as Foundation refuses it.
    func float(_ value: Double) throws -> JSONValue {
        guard let number = JSONNumber(value) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "Unable to encode \(value) in JSON."))
        }
        return .number(number)
    }

    func encodeNil() { set(.null) }
    func encode(_ value: Bool) { set(.bool(value)) }
    func encode(_ value: String) { set(.string(value)) }
    func encode(_ value: Double) throws { set(try float(value)) }
    func encode(_ value: Float) throws { set(try float(Double(value))) }
    func encode(_ value: Int) { set(.int(Int64(value))) }
    func encode(_ value: Int8) { set(.int(Int64(value))) }
    func encode(_ value: Int16) { set(.int(Int64(value))) }
    func encode(_ value: Int32) { set(.int(Int64(value))) }
    func encode(_ value: Int64) { set(.int(value)) }
    func encode(_ value: UInt) { set(.number(JSONNumber(text: String(value), value: Double(value), isInteger: true))) }
    func encode(_ value: UInt8) { set(.int(Int64(value))) }
    func encode(_ value: UInt16) { set(.int(Int64(value))) }
    func encode(_ value: UInt32) { set(.int(Int64(value))) }
    func encode(_ value: UInt64) { set(.number(JSONNumber(text: String(value), value: Double(value), isInteger: true))) }
    func encode<T: Encodable>(_ value: T) throws { set(try JSONEncoding.box(value, codingPath: codingPath)) }
}

/// An object's members.
struct JSONKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONEncodingNode
    let codingPath: [any CodingKey]

    private func at(_ key: Key) -> JSONEncoding {
        JSONEncoding(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) { at(key).encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: String, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try at(key).encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try at(key).encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { at(key).encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { at(key).encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try at(key).encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        at(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { at(key).unkeyedContainer() }

    mutating func superEncoder() -> any Encoder {
        JSONEncoding(node: node.member("super"), codingPath: codingPath + [JSONIndexKey(stringValue: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { at(key) }
}

/// An array's elements.
struct JSONUnkeyedEncoding: UnkeyedEncodingContainer {
    let node: JSONEncodingNode
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(node: JSONEncodingNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
        if case .array(let items) = node.content { count = items.count }
    }

    private mutating func next() -> JSONEncoding {
        defer { count += 1 }
        return JSONEncoding(node: node.append(), codingPath: codingPath + [JSONIndexKey(index: count)])
    }

    mutating func encodeNil() { next().encodeNil() }
    mutating func encode(_ value: Bool) { next().encode(value) }
    mutating func encode(_ value: String) { next().encode(value) }
    mutating func encode(_ value: Double) throws { try next().encode(value) }
    mutating func encode(_ value: Float) throws { try next().encode(value) }
    mutating func encode(_ value: Int) { next().encode(value) }
    mutating func encode(_ value: Int8) { next().encode(value) }
    mutating func encode(_ value: Int16) { next().encode(value) }
    mutating func encode(_ value: Int32) { next().encode(value) }
    mutating func encode(_ value: Int64) { next().encode(value) }
    mutating func encode(_ value: UInt) { next().encode(value) }
    mutating func encode(_ value: UInt8) { next().encode(value) }
    mutating func encode(_ value: UInt16) { next().encode(value) }
    mutating func encode(_ value: UInt32) { next().encode(value) }
    mutating func encode(_ value: UInt64) { next().encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { next() }
}
