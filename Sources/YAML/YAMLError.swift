/// A problem in a YAML text, with the place it was found and the line for context.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name (or a description such as `--values`).
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column (in characters).
    public let column: Int
    /// What is wrong, in plain words.
    public let message: String
    /// The offending source line, when known.
    public let sourceLine: String?
    /// The same problem as go-yaml v2 words it (`line 6: did not find expected key`), for
    /// messages that must match Helm's; nil when the problem is not a libyaml syntax error.
    public var goYAMLText: String?

    /// Creates an error at a 1-based position.
    public init(file: String, line: Int, column: Int, message: String, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:column: message`, then the line and a caret under the column.
    public var description: String {
        var text = "\(file):\(line):\(column): \(message)"
        if let sourceLine {
            let shown = sourceLine.replacingTabs()
            let prefix = String(sourceLine.prefix(max(0, column - 1))).replacingTabs()
            text += "\n  \(shown)\n  \(String(repeating: " ", count: prefix.count))^"
        }
        return text
    }
}

extension String {
    /// Tabs shown as a visible arrow so the caret lines up and the tab can be seen.
    func replacingTabs() -> String {
        var out = ""
        for ch in self { out += ch == "\t" ? "→" : String(ch) }
        return out
    }
}
