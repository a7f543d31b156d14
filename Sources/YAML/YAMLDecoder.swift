import GoStrconv

/// Turns a `YAMLTree` into values with go-yaml v2's rules: plain-scalar resolution, tags,
/// merge keys, aliases (with go-yaml's limit on excessive aliasing) and duplicate keys.
struct YAMLDecoder {
    let tree: YAMLTree
    let options: YAMLParseOptions
    private var decodeCount = 0
    private var aliasCount = 0
    private var inProgress: Set<Int> = []
    /// Only a tree with aliases can contain itself; without one, no node needs tracking.
    private let hasAliases: Bool

    init(tree: YAMLTree, options: YAMLParseOptions) {
        self.tree = tree
        self.options = options
        hasAliases = tree.nodes.contains { if case .alias = $0.kind { true } else { false } }
    }

    mutating func decode(_ index: Int) throws -> YAMLValue {
        decodeCount += 1
        let node = tree.nodes[index]
        switch node.kind {
        case .alias(let target):
            aliasCount += 1
            // go-yaml's ratio check, plus a hard cap so a small alias bomb fails at once.
            let cap = max(200_000, 20 * tree.nodes.count)
            if decodeCount > cap
                || (aliasCount > 100 && decodeCount > 1000 && Double(aliasCount) / Double(decodeCount) > allowedAliasRatio(decodeCount)) {
                throw tree.error("document contains excessive aliasing (a YAML alias bomb?)", at: node.start)
            }
            guard !inProgress.contains(target) else {
                throw tree.error("anchor '\(tree.nodes[target].anchor ?? "")' value contains itself", at: node.start)
            }
            inProgress.insert(target)
            defer { inProgress.remove(target) }
            return try decode(target)
        case .scalar(let text, let style):
            return try scalar(text, style: style, tag: node.tag, node: node)
        case .sequence:
            if hasAliases { inProgress.insert(index) }
            defer { if hasAliases { inProgress.remove(index) } }
            var items: [YAMLValue] = []
            items.reserveCapacity(node.children.count)
            for child in node.children { items.append(try decode(child)) }
            return .sequence(items)
        case .mapping:
            if hasAliases { inProgress.insert(index) }
            defer { if hasAliases { inProgress.remove(index) } }
            var mapping = YAMLMapping()
            let rejectsDuplicates = options.duplicateKeys == .reject
            var definedAt: [String: Int] = [:]
            var i = 0
            while i + 1 < node.children.count {
                let keyIndex = node.children[i]
                let valueIndex = node.children[i + 1]
                i += 2
                if isMergeKey(keyIndex) {
                    try merge(valueIndex, into: &mapping)
                    continue
                }
                let key = try keyString(keyIndex)
                if rejectsDuplicates {
                    if let line = definedAt[key] {
                        throw tree.error("mapping key \"\(key)\" already defined at line \(line)", at: tree.nodes[keyIndex].start)
                    }
                    definedAt[key] = tree.nodes[keyIndex].start.line + 1
                }
                mapping[key] = try decode(valueIndex)
            }
            return .mapping(mapping)
        }
    }

    /// Whether decoding this tree cannot throw, so parts of it may be left undecoded without
    /// hiding an error: no aliases, tags or merge keys, every mapping key a scalar, and a
    /// repeated key allowed. (Every decoding error comes from one of those.)
    var cannotFail: Bool {
        guard !hasAliases, options.duplicateKeys == .lastWins else { return false }
        for node in tree.nodes {
            if node.tag != nil { return false }
            guard case .mapping = node.kind else { continue }
            var isKey = true
            for child in node.children {
                defer { isKey.toggle() }
                guard isKey else { continue }
                guard case .scalar(let text, let style) = tree.nodes[child].kind else { return false }
                if text == "<<" && style == .plain { return false }
            }
        }
        return true
    }

    /// The entries of the mapping at `index` whose keys are in `keys`, decoded; for a tree
    /// that `cannotFail`, so skipping the other values changes no outcome.
    mutating func decodeEntries(of index: Int, keepingOnly keys: Set<String>) throws -> YAMLValue {
        let children = tree.nodes[index].children
        var mapping = YAMLMapping()
        var i = 0
        while i + 1 < children.count {
            let key = try keyString(children[i])
            if keys.contains(key) { mapping[key] = try decode(children[i + 1]) }
            i += 2
        }
        return .mapping(mapping)
    }

    /// go-yaml v2's allowed alias/decode ratio, which tightens as documents grow.
    private func allowedAliasRatio(_ count: Int) -> Double {
        let low = 400_000.0, high = 4_000_000.0
        let c = Double(count)
        if c <= low { return 0.99 }
        if c >= high { return 0.10 }
        return 0.99 - 0.89 * (c - low) / (high - low)
    }

    private func isMergeKey(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        guard case .scalar(let text, let style) = node.kind, text == "<<" else { return false }
        if let tag = node.tag { return tag == "tag:yaml.org,2002:merge" }
        return style == .plain
    }

    private mutating func merge(_ index: Int, into mapping: inout YAMLMapping) throws {
        var target = index
        if case .alias(let t) = tree.nodes[index].kind { target = t }
        switch tree.nodes[target].kind {
        case .mapping:
            guard case .mapping(let merged) = try decode(index) else { return }
            for (key, value) in merged.entries { mapping[key] = value }
        case .sequence:
            // Earlier mappings in the list take precedence, so apply them last.
            for child in tree.nodes[target].children.reversed() {
                var resolved = child
                if case .alias(let t) = tree.nodes[child].kind { resolved = t }
                guard case .mapping = tree.nodes[resolved].kind else {
                    throw tree.error("map merge requires map or sequence of maps as the value", at: tree.nodes[child].start)
                }
                guard case .mapping(let merged) = try decode(child) else { continue }
                for (key, value) in merged.entries { mapping[key] = value }
            }
        default:
            throw tree.error("map merge requires map or sequence of maps as the value", at: tree.nodes[index].start)
        }
    }

    /// Keys become strings the way Helm's YAML→JSON conversion spells them.
    private mutating func keyString(_ index: Int) throws -> String {
        let value = try decode(index)
        switch value {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return GoFloat.g(d)
        case .sequence, .mapping:
            throw tree.error("a mapping key must be a plain value, not a list or a map", at: tree.nodes[index].start)
        }
    }

    private func scalar(_ text: String, style: YAMLTree.ScalarStyle, tag: String?, node: YAMLTree.Node) throws -> YAMLValue {
        if let tag {
            switch shortTag(tag) {
            case "!!str": return .string(text)
            case "!!binary": return .string(text)
            case "!!null": return .null
            case "!!bool", "!!int", "!!float", "!!timestamp":
                return try typed(text, expected: shortTag(tag), node: node)
            default: return style == .plain ? resolvePlain(text) : .string(text)
            }
        }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text)
    }

    private func resolvePlain(_ text: String) -> YAMLValue {
        switch ScalarResolver.resolve(text) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .uint(let u): return .float(Double(u))
        case .float(let d): return .float(d)
        case .timestamp, .string, .merge: return .string(text)
        }
    }

    private func typed(_ text: String, expected: String, node: YAMLTree.Node) throws -> YAMLValue {
        let resolved = resolvePlain(text)
        switch (expected, resolved) {
        case ("!!bool", .bool), ("!!int", .int), ("!!float", .float): return resolved
        case ("!!float", .int(let i)): return .float(Double(i))
        case ("!!timestamp", _): return .string(text)
        default:
            throw tree.error("cannot decode \(quoteForMessage(text)) as \(expected)", at: node.start)
        }
    }

    private func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private func quoteForMessage(_ text: String) -> String { "\"" + text + "\"" }
}
