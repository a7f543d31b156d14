/// Changes a few keys of an existing YAML file while keeping everything else — comments,
/// key order, quoting, blank lines — byte for byte. Used to update a person's values.yaml.
///
/// Each edit re-reads the text and splices new text into the byte ranges libyaml reports,
/// so edits compose and the result always parses.
public struct YAMLEditor: Sendable {
    /// The current text.
    public private(set) var text: String
    /// The file name used in messages.
    public let file: String

    /// Starts editing `text`; it must parse (as one document).
    public init(text: String, file: String) throws {
        self.text = text
        self.file = file
        _ = try YAML.parse(text, file: file)
    }

    /// Sets the value at `path` (mapping keys), creating missing parent mappings.
    public mutating func set(_ path: [String], to value: YAMLValue) throws {
        guard !path.isEmpty else { throw editError("an empty key path cannot be set") }
        let tree = try YAML.parseTree(bytes: Array(text.utf8), file: file)
        var bytes = Array(text.utf8)
        let offsets = CharacterOffsets(bytes)
        guard let rootIndex = tree.documents.first, case .mapping(flow: false) = tree.nodes[rootIndex].kind else {
            // An empty file (or one holding only comments) gets the new keys appended.
            if let rootIndex = tree.documents.first, !isNullScalar(tree.nodes[rootIndex]) {
                throw editError("the top level of \(file) is not a mapping of keys, so it cannot be edited in place")
            }
            var addition = render(entry: path, value: value, indent: 0)
            if !bytes.isEmpty && bytes.last != UInt8(ascii: "\n") { addition = "\n" + addition }
            text = text + addition + "\n"
            return
        }
        var mappingIndex = rootIndex
        for (depth, key) in path.enumerated() {
            let mapping = tree.nodes[mappingIndex]
            let indent = mapping.children.first.map { tree.nodes[$0].start.column } ?? 0
            guard let (keyIndex, valueIndex) = find(key, in: mapping, tree: tree) else {
                // Missing key: add the rest of the path as a new entry after the last one.
                let insertAt = endOfLine(after: contentEnd(mappingIndex, tree: tree, offsets: offsets), in: bytes)
                let entry = render(entry: Array(path[depth...]), value: value, indent: indent)
                bytes.replaceSubrange(insertAt..<insertAt, with: Array(("\n" + entry).utf8))
                text = String(decoding: bytes, as: UTF8.self)
                return
            }
            let valueNode = tree.nodes[valueIndex]
            let isLast = depth == path.count - 1
            if !isLast, case .mapping(flow: false) = valueNode.kind {
                mappingIndex = valueIndex
                continue
            }
            // Replace this key's value with the new value (or with the rest of the path).
            let newValue = isLast ? value : nest(Array(path[(depth + 1)...]), value)
            let keyNode = tree.nodes[keyIndex]
            let keyColumn = keyNode.start.column
            let replaceStart: Int
            let replacement: String
            if case .scalar(_, let style) = valueNode.kind, style != .literal, style != .folded, isScalar(newValue),
               valueNode.start.line == keyNode.start.line, !isEmptyPlain(valueNode) {
                replaceStart = offsets.byte(valueNode.start.index)
                replacement = renderScalar(newValue)
            } else {
                // From just after the colon to the end of the old value.
                replaceStart = colonEnd(after: offsets.byte(keyNode.end.index), in: bytes)
                replacement = renderValue(newValue, keyIndent: keyColumn)
            }
            // An empty value's marks point at the next token, so insert instead of replacing.
            let replaceEnd = isEmptyPlain(valueNode) ? replaceStart : max(replaceStart, contentEnd(valueIndex, tree: tree, offsets: offsets))
            bytes.replaceSubrange(replaceStart..<replaceEnd, with: Array(replacement.utf8))
            text = String(decoding: bytes, as: UTF8.self)
            return
        }
    }

    /// Removes the key at `path` (and its value); a missing key is not an error.
    public mutating func remove(_ path: [String]) throws {
        let tree = try YAML.parseTree(bytes: Array(text.utf8), file: file)
        var bytes = Array(text.utf8)
        let offsets = CharacterOffsets(bytes)
        guard var mappingIndex = tree.documents.first else { return }
        for (depth, key) in path.enumerated() {
            guard case .mapping(flow: false) = tree.nodes[mappingIndex].kind,
                  let (keyIndex, valueIndex) = find(key, in: tree.nodes[mappingIndex], tree: tree) else { return }
            if depth < path.count - 1 {
                mappingIndex = valueIndex
                continue
            }
            let start = startOfLine(offsets.byte(tree.nodes[keyIndex].start.index), in: bytes)
            var end = endOfLine(after: contentEnd(valueIndex, tree: tree, offsets: offsets), in: bytes)
            if end < bytes.count { end += 1 }
            bytes.removeSubrange(start..<end)
            text = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Removes the key at `path`, then each parent left empty by it: an empty `web:` would
    /// read as null, and a null in a values file deletes the chart's whole default map.
    public mutating func removePruningEmptyParents(_ path: [String]) throws {
        try remove(path)
        var parent = Array(path.dropLast())
        while !parent.isEmpty {
            let now = try YAML.parse(text, file: file).value(at: parent)
            guard now == .null || now == .mapping(YAMLMapping()) else { break }
            try remove(parent)
            parent.removeLast()
        }
    }

    // MARK: - Finding

    private func find(_ key: String, in mapping: YAMLTree.Node, tree: YAMLTree) -> (Int, Int)? {
        var i = 0
        while i + 1 < mapping.children.count {
            if case .scalar(let text, _) = tree.nodes[mapping.children[i]].kind, text == key {
                return (mapping.children[i], mapping.children[i + 1])
            }
            i += 2
        }
        return nil
    }

    /// Byte offset just after the last character that belongs to the node (not its trailing blank lines).
    private func contentEnd(_ index: Int, tree: YAMLTree, offsets: CharacterOffsets) -> Int {
        let node = tree.nodes[index]
        switch node.kind {
        case .mapping(flow: false), .sequence(flow: false):
            if let last = node.children.last { return contentEnd(last, tree: tree, offsets: offsets) }
            return offsets.byte(node.start.index)
        default:
            var end = offsets.byte(node.end.index)
            // Block scalars end after their line breaks; stop at the last visible character.
            let bytes = offsets.bytes
            while end > offsets.byte(node.start.index), end - 1 < bytes.count,
                  bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
            return end
        }
    }

    private func isNullScalar(_ node: YAMLTree.Node) -> Bool {
        if case .scalar(let text, .plain) = node.kind { return ScalarResolver.resolve(text) == .null }
        return false
    }

    private func isEmptyPlain(_ node: YAMLTree.Node) -> Bool {
        if case .scalar("", .plain) = node.kind { return true }
        return false
    }

    private func isScalar(_ value: YAMLValue) -> Bool {
        switch value {
        case .sequence, .mapping: return false
        case .string(let s): return !s.contains("\n")
        default: return true
        }
    }

    // MARK: - Text positions

    private func colonEnd(after keyEnd: Int, in bytes: [UInt8]) -> Int {
        var i = keyEnd
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ":") { return i + 1 }
        return keyEnd
    }

    private func endOfLine(after offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i
    }

    private func startOfLine(_ offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset
        while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    // MARK: - Rendering

    private func nest(_ path: [String], _ value: YAMLValue) -> YAMLValue {
        path.reversed().reduce(value) { inner, key in .mapping(YAMLMapping([(key, inner)])) }
    }

    /// `key: value` lines for a (possibly nested) new entry at `indent`.
    private func render(entry path: [String], value: YAMLValue, indent: Int) -> String {
        guard let first = path.first else { return "" }
        let nested = nest(Array(path.dropFirst()), value)
        return String(repeating: " ", count: indent) + renderKey(first) + ":" + renderValue(nested, keyIndent: indent)
    }

    /// The text that follows `key:` for `value`, with continuation lines indented under the key.
    private func renderValue(_ value: YAMLValue, keyIndent: Int) -> String {
        let emitted = YAML.emit(.mapping(YAMLMapping([("k", value)])))
        var body = Substring(emitted.dropFirst(2)) // drop "k:"
        if body.hasSuffix("\n") { body = body.dropLast() }
        let pad = String(repeating: " ", count: keyIndent)
        return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 || line.isEmpty ? String(line) : pad + line
        }.joined(separator: "\n")
    }

    private func renderScalar(_ value: YAMLValue) -> String {
        var text = renderValue(value, keyIndent: 0)
        if text.hasPrefix(" ") { text.removeFirst() }
        return text
    }

    private func renderKey(_ key: String) -> String {
        var text = YAML.emit(.string(key))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private func editError(_ message: String) -> YAMLError {
        YAMLError(file: file, line: 1, column: 1, message: message)
    }
}

/// Maps libyaml's character indices to byte offsets in UTF-8 text.
struct CharacterOffsets {
    let bytes: [UInt8]
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
        starts.append(bytes.count)
        self.starts = starts
    }

    func byte(_ characterIndex: Int) -> Int {
        characterIndex < starts.count ? starts[characterIndex] : bytes.count
    }
}
