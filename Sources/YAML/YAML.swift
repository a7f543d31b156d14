/// Entry points of the YAML module: parse text into values, emit values as text.
public enum YAML {
    /// Parses every document of a stream (`---` separated).
    public static func parseDocuments(_ text: String, file: String, options: YAMLParseOptions = .strict) throws -> [YAMLValue] {
        try parseDocuments(bytes: Array(text.utf8), file: file, options: options)
    }

    /// Parses every document of a stream given as bytes (invalid UTF-8 is reported, not replaced).
    public static func parseDocuments(bytes: [UInt8], file: String, options: YAMLParseOptions = .strict) throws -> [YAMLValue] {
        let tree = try parseTree(bytes: bytes, file: file, options: options)
        var decoder = YAMLDecoder(tree: tree, options: options)
        return try tree.documents.map { try decoder.decode($0) }
    }

    /// Parses a single-document text; an empty text is `null`. Extra documents are an error.
    public static func parse(_ text: String, file: String, options: YAMLParseOptions = .strict) throws -> YAMLValue {
        try parse(bytes: Array(text.utf8), file: file, options: options)
    }

    /// Parses a single-document text given as bytes.
    public static func parse(bytes: [UInt8], file: String, options: YAMLParseOptions = .strict) throws -> YAMLValue {
        let tree = try parseTree(bytes: bytes, file: file, options: options)
        guard let first = tree.documents.first else { return .null }
        if tree.documents.count > 1 {
            let second = tree.nodes[tree.documents[1]]
            throw tree.error("expected one YAML document but found more (a second `---`?)", at: second.start)
        }
        var decoder = YAMLDecoder(tree: tree, options: options)
        return try decoder.decode(first)
    }

    /// Parses a single-document text like `parse`, with the same errors, but builds values only
    /// for the top-level entries named in `keys` (a mapping of those entries, or the whole
    /// value when the document is not a mapping). For reading a few fields of large documents,
    /// such as the kind and name of each rendered manifest.
    public static func parse(_ text: String, file: String, options: YAMLParseOptions, keepingOnly keys: Set<String>) throws -> YAMLValue {
        let bytes = Array(text.utf8)
        // Most rendered manifests are plain block YAML: check that cheaply and parse only the
        // entries asked for. Anything the quick check does not vouch for goes the long way.
        if options.duplicateKeys == .lastWins, bytes.count <= options.maxBytes,
            let head = BlockHeadScanner.headText(bytes, keys: keys)
        {
            if head.isEmpty { return .mapping(YAMLMapping()) }
            if let value = try? parse(head, file: file, options: options), case .mapping = value { return value }
        }
        let tree = try parseTree(bytes: bytes, file: file, options: options)
        guard let first = tree.documents.first else { return .null }
        if tree.documents.count > 1 {
            let second = tree.nodes[tree.documents[1]]
            throw tree.error("expected one YAML document but found more (a second `---`?)", at: second.start)
        }
        var decoder = YAMLDecoder(tree: tree, options: options)
        guard case .mapping = tree.nodes[first].kind, decoder.cannotFail else {
            let value = try decoder.decode(first)
            guard case .mapping(let all) = value else { return value }
            return .mapping(YAMLMapping(all.entries.filter { keys.contains($0.key) }.map { ($0.key, $0.value) }))
        }
        return try decoder.decodeEntries(of: first, keepingOnly: keys)
    }

    /// The node tree with source positions (for in-place editing).
    public static func parseTree(bytes: [UInt8], file: String, options: YAMLParseOptions = .strict) throws -> YAMLTree {
        if bytes.count > options.maxBytes {
            let mib = bytes.count / (1024 * 1024)
            throw YAMLError(
                file: file, line: 1, column: 1,
                message:
                    "the file is \(mib) MiB, larger than the \(options.maxBytes / (1024 * 1024)) MiB this tool reads; is it the right file?"
            )
        }
        return try YAMLTreeParser.parse(bytes, file: file)
    }

    /// Emits `value` in the style of Helm's `toYaml` (go-yaml v2), ending with a newline.
    public static func emit(_ value: YAMLValue) -> String {
        YAMLEmitter.emit(value)
    }
}
