/// A template that could not be parsed, in Go's wording: `template: NAME:LINE: message`.
public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's name.
    public let name: String
    /// 1-based line of the offending token.
    public let line: Int
    /// 1-based column (kept for our own messages; Go's text shows the line only).
    public let column: Int
    /// What is wrong.
    public let message: String

    /// Go's text.
    public var description: String { "template: \(name):\(line): \(message)" }
}

/// Line and column of a byte offset, computed only when a message needs them.
enum SourcePosition {
    static func lineAndColumn(of offset: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, source.count) where source[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}
