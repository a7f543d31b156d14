/// A lexical item of a template, with its byte offset for error positions.
public struct Token: Equatable, Sendable {
    /// What kind of item it is.
    public enum Kind: Equatable, Sendable {
        /// Lexing failed; `text` holds the message.
        case error
        /// `true` or `false`.
        case bool
        /// A character constant such as `'a'`.
        case charConstant
        /// `{{/* ... */}}` (only produced when comments are kept).
        case comment
        /// `=`.
        case assign
        /// `:=`.
        case declare
        /// End of input.
        case eof
        /// `.Field` (possibly chained: each `.Name` is its own item).
        case field
        /// An identifier (a function name).
        case identifier
        /// `{{` (or the custom left delimiter).
        case leftDelim
        /// `(`.
        case leftParen
        /// A number constant.
        case number
        /// `|`.
        case pipe
        /// A raw string `` `...` ``.
        case rawString
        /// `}}` (or the custom right delimiter).
        case rightDelim
        /// `)`.
        case rightParen
        /// Spaces separating arguments.
        case space
        /// A quoted string `"..."`.
        case string
        /// Plain text outside actions.
        case text
        /// `$` or `$name`.
        case variable
        /// `,` (in `range $i, $v :=`).
        case comma
        /// `.` alone.
        case dot
        /// A keyword: block, break, continue, define, else, end, if, nil, range, template, with.
        case keyword(Keyword)
    }

    /// Template keywords.
    public enum Keyword: String, Sendable, CaseIterable {
        case block, `break`, `continue`, define, `else`, end, `if`, `nil`, range, template, with
    }

    /// The kind.
    public let kind: Kind
    /// The exact source text (or the error message).
    public let text: String
    /// Byte offset of the item in the template source.
    public let offset: Int
}
