import JSON

/// A values.schema.json syntax error in the schema library's words: it reads the file with
/// encoding/json's Decoder (so `EOF`, `unexpected EOF`), then refuses anything after the value.
enum SchemaSyntaxError {
    /// The library's message for `error`, found in `text`.
    static func message(_ error: JSONReadError, in text: String) -> String {
        switch error.problem {
        case .empty: return "EOF"
        case .unexpectedEnd: return "unexpected EOF"
        case .tooDeep: return error.goMessage
        case .invalidCharacter(let context):
            let found = quoted(error)
            switch context {
            case .afterTopLevelValue: return "invalid character after top-level value"
            case .inString: return "invalid character \(found) in string"
            case .afterDecimalPoint, .inExponent: return "invalid character \(found) in numeric literal"
            case .inStringEscape(let start): return badEscape(text, from: start, length: 2)
            case .inUnicodeEscape(let start): return badEscape(text, from: start, length: 6)
            default: return "invalid character \(found) \(context.goText)"
            }
        }
    }

    /// The offending character, whole (not byte by byte), as `'x'`.
    private static func quoted(_ error: JSONReadError) -> String {
        guard let scalar = error.character else { return "'\\ufffd'" }
        if scalar == "'" { return "'\\''" }
        if scalar == "\"" { return "'\"'" }
        return "'" + SchemaQuote.doubleQuoted(String(Character(scalar))).dropFirst().dropLast() + "'"
    }

    /// A bad escape: its text, or `unexpected EOF` when the input ends inside it.
    private static func badEscape(_ text: String, from start: Int, length: Int) -> String {
        let escape = text.utf8.dropFirst(start).prefix(length)
        guard escape.count == length else { return "unexpected EOF" }
        return "invalid escape sequence `\(String(decoding: escape, as: UTF8.self))` in string"
    }
}
