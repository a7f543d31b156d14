import GoTemplate

/// A parsed semver constraint string: `||`-separated groups of constraints that must all hold,
/// with Masterminds/semver v3's operators, wildcards, hyphen ranges and pre-release rule.
struct SemverConstraints: Sendable {
    /// The `||` alternatives, each a list of constraints that must all match.
    let groups: [[SemverConstraint]]
    /// Per group: whether one of its constraints names a pre-release, which lets pre-release versions match.
    let groupAllowsPrerelease: [Bool]

    /// Parses like semver's `NewConstraint`, throwing its messages (`improper constraint: "foo"`).
    init(parsing text: String) throws(SemverError) {
        let rewritten = SemverConstraintSyntax.rewriteRanges(text)
        var groups: [[SemverConstraint]] = []
        var allows: [Bool] = []
        for alternative in Self.split(rewritten, by: "||") {
            guard let items = SemverConstraintSyntax.items(alternative) else {
                throw .message("improper constraint: \(Self.goQuoted(alternative))")
            }
            let constraints = try items.map { item throws(SemverError) in try SemverConstraint(item) }
            groups.append(constraints)
            allows.append(constraints.contains { !$0.version.prerelease.isEmpty })
        }
        self.groups = groups
        self.groupAllowsPrerelease = allows
    }

    /// Whether `version` satisfies one of the groups.
    func check(_ version: SemanticVersion) -> Bool {
        groups.indices.contains { i in
            groups[i].allSatisfy { $0.check(version, includePrerelease: groupAllowsPrerelease[i]) }
        }
    }

    /// The constraints as semver prints them: groups joined by ` || `, constraints by a space.
    var description: String {
        groups.map { $0.map { $0.op + $0.text }.joined(separator: " ") }.joined(separator: " || ")
    }
}

/// One comparison (`>=1.2`, `~1.x`, `!=4.1`) against a version whose missing or wildcard
/// parts make it "dirty".
struct SemverConstraint: Sendable {
    /// The operator as written; `""` and `=` both mean equal-or-tilde.
    let op: String
    /// The version text as written.
    let text: String
    /// The version compared against, with wildcards and missing parts as 0.
    let version: SemanticVersion
    /// Whether any part is a wildcard or missing.
    let dirty: Bool
    /// Whether the minor part (and so the patch) is a wildcard or missing.
    let minorDirty: Bool
    /// Whether only the patch part is a wildcard or missing.
    let patchDirty: Bool

    /// Builds the constraint from a scanned item, as semver's `parseConstraint`.
    init(_ item: SemverConstraintSyntax.Item) throws(SemverError) {
        op = item.op
        text = item.version
        let b = item.bytes, m = item.match
        func part(_ r: Range<Int>?) -> String { r.map { String(decoding: b[$0], as: UTF8.self) } ?? "" }
        func isWildcard(_ r: Range<Int>?) -> Bool {
            guard let r else { return true }
            let s = part(r)
            return ["x", "X", "*"].contains(s.hasPrefix(".") ? String(s.dropFirst()) : s)
        }
        let pre = part(m.prerelease)
        var source = item.version
        var dirty = false, minorDirty = false, patchDirty = false
        if isWildcard(m.major) {
            source = "0.0.0" + pre
            dirty = true
        } else if isWildcard(m.minor) {
            source = part(m.major) + ".0.0" + pre
            dirty = true; minorDirty = true
        } else if isWildcard(m.patch) {
            source = part(m.major) + part(m.minor) + ".0" + pre
            dirty = true; patchDirty = true
        }
        guard let parsed = try? SemanticVersion(parsing: source) else { throw .message("constraint parser error") }
        version = parsed
        self.dirty = dirty
        self.minorDirty = minorDirty
        self.patchDirty = patchDirty
    }

    /// Whether `v` satisfies this constraint; pre-release versions only match when `includePrerelease`.
    func check(_ v: SemanticVersion, includePrerelease: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePrerelease { return false }
        let c = version
        switch op {
        case "", "=":
            return dirty ? tilde(v) : v.compare(c) == 0
        case "!=":
            return notEqual(v)
        case ">":
            guard dirty else { return v.compare(c) > 0 }
            if v.major != c.major { return v.major > c.major }
            // `>11` needs 12 or more; `>11.1` needs 11.2 or more.
            if minorDirty { return false }
            if patchDirty { return v.minor > c.minor }
            return v.compare(c) > 0
        case "<":
            return v.compare(c) < 0
        case ">=", "=>":
            return v.compare(c) >= 0
        case "<=", "=<":
            if !dirty { return v.compare(c) <= 0 }
            if v.major > c.major { return false }
            return !(v.major == c.major && v.minor > c.minor && !minorDirty)
        case "~", "~>":
            return tilde(v)
        default:
            return caret(v)
        }
    }

    /// `!=`: a wildcard makes it "not in that range".
    private func notEqual(_ v: SemanticVersion) -> Bool {
        let c = version
        if dirty {
            if c.major != v.major { return true }
            if c.minor != v.minor && !minorDirty { return true }
            if minorDirty { return false }
            if c.patch != v.patch && !patchDirty { return true }
            if patchDirty {
                if !v.prerelease.isEmpty || !c.prerelease.isEmpty {
                    return SemanticVersion.comparePrerelease(v.prerelease, c.prerelease) != 0
                }
                return false
            }
        }
        return v.compare(c) != 0
    }

    /// `~1.2.3` is `>=1.2.3 <1.3.0`, `~1` is `>=1.0.0 <2.0.0`, `~*` anything.
    private func tilde(_ v: SemanticVersion) -> Bool {
        let c = version
        if v.compare(c) < 0 { return false }
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !minorDirty && !patchDirty { return true }
        if v.major != c.major { return false }
        return v.minor == c.minor || minorDirty
    }

    /// `^1.2.3` is `>=1.2.3 <2.0.0`, `^0.2.3` is `>=0.2.3 <0.3.0`, `^0.0.3` is `=0.0.3`.
    private func caret(_ v: SemanticVersion) -> Bool {
        let c = version
        if v.compare(c) < 0 { return false }
        if c.major > 0 || minorDirty { return v.major == c.major }
        if v.major > 0 { return false }
        if c.minor > 0 || patchDirty { return v.minor == c.minor }
        if v.minor > 0 { return false }
        return v.patch == c.patch
    }
}

extension SemverConstraints {
    /// Go's `%q` for the messages.
    static func goQuoted(_ s: String) -> String {
        GoFormat.sprintf("%q", [.string(s)])
    }

    /// Go's `strings.Split` with a non-empty separator: keeps empty pieces.
    static func split(_ text: String, by separator: String) -> [String] {
        let b = Array(text.utf8), sep = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0, i = 0
        while i + sep.count <= b.count {
            if b[i..<(i + sep.count)].elementsEqual(sep) {
                pieces.append(String(decoding: b[start..<i], as: UTF8.self))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: b[start...], as: UTF8.self))
        return pieces
    }
}
