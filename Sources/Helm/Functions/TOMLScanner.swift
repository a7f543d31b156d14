import GoTemplate

/// A cursor over a TOML document's characters that counts lines the way BurntSushi/toml's
/// lexer does, so that error messages name the same line: reading past the end is allowed
/// once (and undone by `backup`), control characters are rejected wherever they appear.
struct TOMLScanner {
    /// Returned at the end of input (Go's lexer uses rune 0).
    static let eof: Unicode.Scalar = "\u{0}"

    private let text: [Unicode.Scalar]
    private(set) var pos = 0
    /// Where the current token started.
    var start = 0
    /// 1 + the line breaks before `pos`.
    private(set) var line = 1
    private(set) var atEOF = false

    init(_ text: [Unicode.Scalar]) { self.text = text }

    /// The token read since `start`.
    var current: String {
        var s = ""
        s.unicodeScalars.append(contentsOf: text[min(start, pos)..<pos])
        return s
    }

    mutating func next() throws(TOMLDecoder.DecodeError) -> Unicode.Scalar {
        if pos >= text.count {
            atEOF = true
            return Self.eof
        }
        let c = text[pos]
        let isControl = (c.value <= 0x1F && c != "\t" && c != "\n" && c != "\r") || c.value == 0x7F
        if isControl || (c == "\r" && (pos + 1 >= text.count || text[pos + 1] != "\n")) {
            let hex = String(c.value, radix: 16)
            throw error(line: line, "TOML files cannot contain control characters: '0x\(hex.count < 2 ? "0" + hex : hex)'")
        }
        if c == "\n" { line += 1 }
        pos += 1
        return c
    }

    mutating func backup() {
        if atEOF {
            atEOF = false
            return
        }
        pos -= 1
        if text[pos] == "\n" { line -= 1 }
    }

    /// Goes back to an earlier position on the same line.
    mutating func rewind(to index: Int) {
        atEOF = false
        pos = index
    }

    mutating func peek() throws(TOMLDecoder.DecodeError) -> Unicode.Scalar {
        let c = try next()
        backup()
        return c
    }

    mutating func accept(_ c: Unicode.Scalar) throws(TOMLDecoder.DecodeError) -> Bool {
        if try next() == c { return true }
        backup()
        return false
    }

    /// Skips spaces and tabs and starts a new token.
    mutating func skipWhitespace() throws(TOMLDecoder.DecodeError) {
        while Self.isWhitespace(try next()) {}
        backup()
        start = pos
    }

    /// Skips spaces, tabs and line breaks.
    mutating func skipWhitespaceAndNewlines() throws(TOMLDecoder.DecodeError) {
        while true {
            let c = try next()
            if !Self.isWhitespace(c) && !Self.isNewline(c) { break }
        }
        backup()
        start = pos
    }

    /// Reads a comment up to (not including) the line break.
    mutating func skipComment() throws(TOMLDecoder.DecodeError) {
        while true {
            let c = try next()
            if Self.isNewline(c) || c == Self.eof { break }
        }
        backup()
        start = pos
    }

    // MARK: Errors, with the line the Go lexer reports

    /// `errorf`: at the end of input, the line of the last character.
    func error(_ message: String) -> TOMLDecoder.DecodeError {
        if atEOF {
            let adjust = pos >= 1 && text[pos - 1] == "\n" ? 1 : 0
            return error(line: line - adjust, message)
        }
        return error(line: line, message)
    }

    /// `errorPrevLine`: the line before the current one (the offending character was a break).
    func errorPreviousLine(_ message: String) -> TOMLDecoder.DecodeError {
        error(line: line - 1, message)
    }

    /// `error`: like `errorPreviousLine` at the end of input.
    func errorAtCurrent(_ message: String) -> TOMLDecoder.DecodeError {
        atEOF ? error(line: line - 1, message) : error(line: line, message)
    }

    func error(line: Int, _ message: String) -> TOMLDecoder.DecodeError {
        TOMLDecoder.DecodeError(line: line, message: message, fromLexer: true)
    }

    // MARK: Character classes

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    static func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }
    static func isBareKeyChar(_ c: Unicode.Scalar) -> Bool {
        (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || isDigit(c) || c == "_" || c == "-"
    }

    /// Go's `%q` for a rune.
    static func quoteRune(_ c: Unicode.Scalar) -> String {
        GoFormat.sprintf("%q", [.int(Int64(c.value))])
    }

    /// Go's `%q` for a string.
    static func quote(_ s: String) -> String {
        GoFormat.sprintf("%q", [.string(s)])
    }
}
