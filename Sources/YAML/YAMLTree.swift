/// A position in YAML source: 0-based line and column, and the character index.
public struct YAMLMark: Equatable, Sendable {
    /// 0-based line.
    public let line: Int
    /// 0-based column, in characters.
    public let column: Int
    /// 0-based index in characters (Unicode scalars) from the start of the text.
    public let index: Int
}

/// The parsed node structure of a YAML stream, kept with source positions.
///
/// Nodes live in one array and refer to each other by index, so aliases are cheap and
/// the in-place editor can map any node back to its bytes.
public struct YAMLTree: Sendable {
    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Equatable {
        /// Unquoted.
        case plain
        /// `'single'`.
        case singleQuoted
        /// `"double"`.
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// What a node is.
    public enum Kind: Sendable, Equatable {
        /// A scalar with its text and style.
        case scalar(String, ScalarStyle)
        /// A sequence; children are its items.
        case sequence(flow: Bool)
        /// A mapping; children alternate key, value.
        case mapping(flow: Bool)
        /// An alias to the node at the index.
        case alias(target: Int)
    }

    /// One node.
    public struct Node: Sendable {
        /// Its kind.
        public var kind: Kind
        /// Explicit tag (`!!str`, `tag:yaml.org,2002:int`, `!custom`), nil when implicit.
        public var tag: String?
        /// Anchor name (`&name`).
        public var anchor: String?
        /// Where it starts.
        public var start: YAMLMark
        /// Where it ends.
        public var end: YAMLMark
        /// Child node indices (sequence items, or mapping key/value pairs).
        public var children: [Int]
    }

    /// Every node.
    public internal(set) var nodes: [Node] = []
    /// The root node index of each document.
    public internal(set) var documents: [Int] = []
    /// The source text, for messages.
    public let source: [UInt8]
    /// The file name used in messages.
    public let file: String

    init(source: [UInt8], file: String) {
        self.source = source
        self.file = file
    }

    /// The 1-based line's text, for error messages.
    public func lineText(_ zeroBasedLine: Int) -> String? {
        var line = 0
        var start = 0
        for (i, byte) in source.enumerated() where byte == UInt8(ascii: "\n") {
            if line == zeroBasedLine { return String(decoding: source[start..<i], as: UTF8.self) }
            line += 1
            start = i + 1
        }
        if line == zeroBasedLine, start <= source.count { return String(decoding: source[start...], as: UTF8.self) }
        return nil
    }

    /// An error at `mark` with the source line attached.
    func error(_ message: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(file: file, line: mark.line + 1, column: mark.column + 1, message: message, sourceLine: lineText(mark.line))
    }
}
