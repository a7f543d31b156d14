/// Simple case-folding orbits (the runes `(?i)` treats as equal), built once from Unicode case mappings.
enum RegexCaseFold {
    /// The lowest and highest runes that take part in case folding (as in Go's tables).
    static let minFold: UInt32 = 0x41
    static let maxFold: UInt32 = 0x1E943

    /// Every rune with a non-trivial orbit, mapped to its whole orbit (sorted, including itself).
    static let orbits: [UInt32: [UInt32]] = buildOrbits()

    /// The runes equivalent to `r` under simple case folding, `r` included.
    static func orbit(_ r: UInt32) -> [UInt32] {
        if r < minFold || r > maxFold { return [r] }
        return orbits[r] ?? [r]
    }

    private static func buildOrbits() -> [UInt32: [UInt32]] {
        var parent: [UInt32: UInt32] = [:]
        func find(_ x: UInt32) -> UInt32 {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        func union(_ a: UInt32, _ b: UInt32) {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var value = minFold
        while value <= maxFold {
            defer { value += 1 }
            guard let scalar = Unicode.Scalar(value) else { continue }
            let props = scalar.properties
            guard props.changesWhenCaseMapped else { continue }
            // Only one-to-one mappings are simple folds; "ß" -> "SS" is not.
            for mapping in [props.lowercaseMapping, props.uppercaseMapping, props.titlecaseMapping] {
                let scalars = mapping.unicodeScalars
                if scalars.count == 1, let other = scalars.first?.value, other != value { union(value, other) }
            }
        }
        var groups: [UInt32: [UInt32]] = [:]
        for key in parent.keys { groups[find(key), default: []].append(key) }
        var result: [UInt32: [UInt32]] = [:]
        for members in groups.values where members.count > 1 {
            let sorted = members.sorted()
            for m in sorted { result[m] = sorted }
        }
        return result
    }
}
