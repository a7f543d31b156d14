/// A JSON object: members in the order they were read or added (a repeated key replaces the
/// earlier value in place, as Go's decoder keeps the last), looked up by key in constant time.
/// Equality ignores order, as it does for JSON objects and Go maps.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member.
    public typealias Element = (key: String, value: JSONValue)

    /// The members in order.
    public private(set) var entries: [Element] = []
    private var index: [String: Int] = [:]

    /// An empty object.
    public init() {}

    /// The members of a dictionary literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The members of `dictionary`, ordered by key (UTF-8 byte order) so the result never depends on hashing.
    public init(_ dictionary: [String: JSONValue]) {
        for key in dictionary.keys.sorted(by: JSONObject.precedes) { self[key] = dictionary[key] }
    }

    /// The members of `entries`, in that order.
    public init<S: Sequence>(_ entries: S) where S.Element == Element {
        for (key, value) in entries { self[key] = value }
    }

    /// The value for `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { index[key].map { entries[$0].value } }
        set {
            if let position = index[key] {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    index[key] = nil
                    for i in position..<entries.count { index[entries[i].key] = i }
                }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    /// Adds or replaces a member.
    public mutating func set(_ key: String, _ value: JSONValue) { self[key] = value }

    /// The number of members.
    public var count: Int { entries.count }

    /// True when there are no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The members in order.
    public func makeIterator() -> IndexingIterator<[Element]> { entries.makeIterator() }

    /// The members whose key and value pass `isIncluded`, in order.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
        JSONObject(try entries.filter(isIncluded))
    }

    /// The same keys with transformed values, in order.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(try entries.map { ($0.key, try transform($0.value)) })
    }

    /// The members sorted by key in UTF-8 byte order (Go's order for map keys).
    public var sortedEntries: [Element] { entries.sorted { JSONObject.precedes($0.key, $1.key) } }

    /// Go's string order: byte by byte.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: the members' own hashes are summed.
        var sum = 0
        for (key, value) in entries {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            sum &+= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
