import JSON

/// A values.schema.json syntax error in the schema library's words: it reads the file with
/// encoding/json's Decoder (so `EOF` and `unexpected EOF` where json.Unmarshal says `unexpected end
/// of JSON input`), then refuses anything after the value without naming it.
enum SchemaSyntaxError {
    /// The library's message for `error`.
    static func message(_ error: JSONReadError) -> String {
        switch error.problem {
        case .empty: return "EOF"
        case .unexpectedEnd: return "unexpected EOF"
        case .tooDeep: return GoJSON.message(error)
        case .invalidCharacter(.afterTopLevelValue): return "invalid character after top-level value"
        case .invalidCharacter: return GoJSON.message(error)
        }
    }
}
