extension YAMLValue {
    /// The value as it looks after Go's JSON round trip, which Helm's `toYaml` performs:
    /// mapping keys in go-yaml's order (`GoYAMLKeyOrder`), and integral floats below 1e21
    /// printed as integers.
    public func jsonNormalized() -> YAMLValue {
        switch self {
        case .float(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e21, let i = Int64(exactly: d) { return .int(i) }
            return self
        case .sequence(let items):
            return .sequence(items.map { $0.jsonNormalized() })
        case .mapping(let mapping):
            let sorted = mapping.entries.sorted { GoYAMLKeyOrder.less($0.key, $1.key) }
            return .mapping(YAMLMapping(sorted.map { ($0.key, $0.value.jsonNormalized()) }))
        default:
            return self
        }
    }
}
