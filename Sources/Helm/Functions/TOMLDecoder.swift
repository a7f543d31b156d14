import GoTemplate

/// Reads TOML documents like BurntSushi/toml's `Unmarshal` into `map[string]any` (Helm's
/// `fromToml`): integers as int64, floats as float64, date-times as times (local ones in the
/// library's `datetime-local`/`date-local`/`time-local` zones), `[[x]]` as lists of maps.
enum TOMLDecoder {
    /// A parse error: the line it is reported on and the library's message.
    struct DecodeError: Error {
        var line = 0
        var message: String
        var fromLexer = false
    }

    /// The document as a map, or the error text `toml.Unmarshal` returns.
    static func decode(_ text: String) throws(DecodeError) -> ValueMap {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        if scalars.prefix(6).contains("\u{0}") {
            throw DecodeError(message: "toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8")
        }
        var parser = TOMLParser(scanner: TOMLScanner(scalars))
        do {
            try parser.parseDocument()
        } catch {
            let key = parser.document.lastKey
            let prefix = key.isEmpty ? "toml: line \(error.line): " : "toml: line \(error.line) (last key \(TOMLScanner.quote(key))): "
            throw DecodeError(line: error.line, message: prefix + error.message)
        }
        return TOMLNode.valueMap(parser.document.root)
    }
}
