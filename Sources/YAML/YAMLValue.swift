/// A YAML value as a values file means it: go-yaml v2 (YAML 1.1) types, mapping order kept.
public enum YAMLValue: Equatable, Sendable {
    /// `null`, `~`, an empty value.
    case null
    /// `true`, `yes`, `on`, … (YAML 1.1 booleans).
    case bool(Bool)
    /// An integer (decimal, `0x`, `0o`, leading-zero octal, `0b`, `_` separators).
    case int(Int64)
    /// A floating-point number, `.inf`, `.nan`.
    case float(Double)
    /// A string (quoted scalars, and plain ones that resolve to nothing else).
    case string(String)
    /// A sequence.
    case sequence([YAMLValue])
    /// A mapping, in the order its keys appear.
    case mapping(YAMLMapping)

    /// The value at `key` when this is a mapping.
    public subscript(key: String) -> YAMLValue? {
        if case .mapping(let mapping) = self { return mapping[key] }
        return nil
    }

    /// The string when this is a string scalar.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// A YAML mapping with string keys, keeping the order of the source.
public struct YAMLMapping: Equatable, Sendable {
    /// The entries in order.
    public private(set) var entries: [(key: String, value: YAMLValue)]
    /// Positions by key, kept only once the mapping is larger than `indexThreshold`: most
    /// mappings are small, and a scan of a few keys is cheaper than hashing and a dictionary.
    private var index: [String: Int]
    private static let indexThreshold = 12

    /// An empty mapping.
    public init() {
        entries = []
        index = [:]
    }

    /// A mapping of `entries`; a repeated key keeps its first position and its last value.
    public init(_ entries: [(String, YAMLValue)]) {
        self.init()
        for (key, value) in entries { self[key] = value }
    }

    /// A mapping of `entries` whose keys are known to differ (a dictionary's): taken as they
    /// are, without looking each key up among the ones before it.
    public init(uniqueKeys entries: [(key: String, value: YAMLValue)]) {
        self.entries = entries
        index = [:]
        if entries.count > Self.indexThreshold {
            index.reserveCapacity(entries.count)
            for (i, entry) in entries.enumerated() { index[entry.key] = i }
        }
    }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Reads, replaces (keeping the position), appends, or (with nil) removes an entry.
    public subscript(key: String) -> YAMLValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    if !index.isEmpty {
                        index[key] = nil
                        for i in position..<entries.count { index[entries[i].key] = i }
                    }
                }
            } else if let newValue {
                entries.append((key, newValue))
                if !index.isEmpty {
                    index[key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    for (i, entry) in entries.enumerated() { index[entry.key] = i }
                }
            }
        }
    }

    private func position(of key: String) -> Int? {
        if !index.isEmpty { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// The same entries sorted by key, byte-wise (the order Go's encoders use).
    public func sortedByKey() -> YAMLMapping {
        YAMLMapping(entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) })
    }

    /// Equal when the same keys map to equal values in the same order.
    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension YAMLValue {
    /// The value at `path` (mapping keys), nil when absent.
    public func value(at path: [String]) -> YAMLValue? {
        var node: YAMLValue? = self
        for key in path { node = node?[key] }
        return node
    }
}
