import YAML

extension YAMLValue {
    /// This value with `layer` laid over it: mappings merge key by key (recursively, new
    /// keys appended in the layer's order); anything else in `layer` replaces what was here.
    public func overlaid(with layer: YAMLValue) -> YAMLValue {
        guard case .mapping(var base) = self, case .mapping(let top) = layer else { return layer }
        for (key, value) in top.entries {
            base[key] = base[key].map { $0.overlaid(with: value) } ?? value
        }
        return .mapping(base)
    }

    /// Every leaf's key path: scalars, lists and empty mappings end a path.
    public var leafPaths: [[String]] {
        guard case .mapping(let mapping) = self, !mapping.isEmpty else { return [[]] }
        return mapping.entries.flatMap { entry in entry.value.leafPaths.map { [entry.key] + $0 } }
    }
}
