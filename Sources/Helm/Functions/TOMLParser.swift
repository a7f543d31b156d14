import GoTemplate

/// The TOML grammar as BurntSushi/toml accepts it (TOML 1.0 plus 1.1's newlines in inline
/// tables and `\e`/`\x` escapes), reading and assigning each piece as soon as it is read so
/// that the first error, its line and the "last key" match the Go library's.
struct TOMLParser {
    typealias DecodeError = TOMLDecoder.DecodeError
    private typealias S = TOMLScanner

    var scanner: TOMLScanner
    var document = TOMLDocument()

    init(scanner: TOMLScanner) { self.scanner = scanner }

    // MARK: Top level

    mutating func parseDocument() throws(DecodeError) {
        while true {
            let c = try scanner.next()
            if S.isWhitespace(c) || S.isNewline(c) {
                scanner.start = scanner.pos
                continue
            }
            switch c {
            case "#":
                try scanner.skipComment()
            case "[":
                try tableHeader()
                if try topLevelEnd() { return }
            case S.eof:
                return
            default:
                scanner.backup()
                try keyValue()
                if try topLevelEnd() { return }
            }
        }
    }

    /// After a header or assignment: only blanks, a comment, a line break or the end. True at the end.
    private mutating func topLevelEnd() throws(DecodeError) -> Bool {
        while true {
            let c = try scanner.next()
            if c == "#" {
                try scanner.skipComment()
                return false
            }
            if S.isWhitespace(c) { continue }
            if S.isNewline(c) {
                scanner.start = scanner.pos
                return false
            }
            if c == S.eof { return true }
            throw scanner.error("expected a top-level item to end with a newline, comment, or EOF, but got \(S.quoteRune(c)) instead")
        }
    }

    private mutating func tableHeader() throws(DecodeError) {
        let array = try scanner.accept("[")
        var key: [String] = []
        while true {
            try scanner.skipWhitespace()
            let c = try scanner.peek()
            if c == "]" || c == S.eof { throw scanner.error("unexpected end of table name (table names cannot be empty)") }
            if c == "." { throw scanner.error("unexpected table separator (table names cannot be empty)") }
            let part: String
            if c == "\"" || c == "'" {
                _ = try scanner.next()
                part = try quotedKeyPart(c)
            } else {
                part = try bareName()
            }
            if key.isEmpty { document.keyLine = scanner.line }
            key.append(part)
            try scanner.skipWhitespace()
            let end = try scanner.next()
            if end == "." { continue }
            if end == "]" { break }
            throw scanner.error("expected '.' or ']' to end table name, but got \(S.quoteRune(end)) instead")
        }
        if array {
            let end = try scanner.next()
            if end != "]" {
                throw scanner.error("expected end of table array name delimiter ']', but got \(S.quoteRune(end)) instead")
            }
        }
        try document.addContext(key, array: array)
        document.setType("", array ? .arrayHash : .hash)
    }

    /// `key = value` at the top level or in a `[table]`.
    private mutating func keyValue() throws(DecodeError) {
        let outer = document.context
        try assignment()
        document.context = outer
        document.currentKey = ""
    }

    /// Reads a key and its value and stores it; returns the key's parents and the value.
    @discardableResult
    private mutating func assignment() throws(DecodeError) -> ([String], TOMLNode) {
        let key = try readKey()
        document.currentKey = key[key.count - 1]
        for part in key.dropLast() {
            try document.addImplicitContext(document.context + [part])
        }
        let (node, type) = try value(inArray: false)
        try document.setValue(document.currentKey, node)
        document.setType(document.currentKey, type)
        return (Array(key.dropLast()), node)
    }

    /// A dotted key up to and including `=`.
    private mutating func readKey() throws(DecodeError) -> [String] {
        try scanner.skipWhitespace()
        let first = try scanner.peek()
        if first == "=" || first == S.eof { throw scanner.error("unexpected '=': key name appears blank") }
        if first == "." { throw scanner.error("unexpected '.': keys cannot start with a '.'") }
        var key: [String] = []
        while true {
            try scanner.skipWhitespace()
            let c = try scanner.peek()
            let part: String
            if c == "\"" || c == "'" {
                _ = try scanner.next()
                part = try quotedKeyPart(c)
            } else if c == "=" || c == S.eof {
                throw scanner.error("unexpected '='")
            } else if c == "." {
                throw scanner.error("unexpected '.'")
            } else {
                part = try bareName()
            }
            if key.isEmpty { document.keyLine = scanner.line }
            key.append(part)
            try scanner.skipWhitespace()
            let end = try scanner.next()
            if end == S.eof { throw scanner.error("unexpected EOF; expected key separator '='") }
            if end == "." { continue }
            if end == "=" { return key }
            if end == "\n" { throw scanner.errorPreviousLine("expected '.' or '=', but got \(S.quoteRune(end)) instead") }
            throw scanner.error("expected '.' or '=', but got \(S.quoteRune(end)) instead")
        }
    }

    private mutating func bareName() throws(DecodeError) -> String {
        scanner.start = scanner.pos
        while S.isBareKeyChar(try scanner.next()) {}
        scanner.backup()
        let name = scanner.current
        scanner.start = scanner.pos
        return name
    }

    private mutating func quotedKeyPart(_ quote: Unicode.Scalar) throws(DecodeError) -> String {
        quote == "\"" ? try basicString() : try rawString()
    }

    // MARK: Values

    /// Any value after `=` or in an array.
    mutating func value(inArray: Bool) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        var c: Unicode.Scalar
        repeat {
            scanner.start = scanner.pos
            c = try scanner.next()
        } while S.isWhitespace(c)
        if S.isDigit(c) {
            scanner.backup()
            return try numberOrDate()
        }
        switch c {
        case "[": return try array()
        case "{": return try inlineTable(inArray: inArray)
        case "\"":
            if try scanner.accept("\"") {
                if try scanner.accept("\"") { return (.scalar(.string(try multilineBasicString())), .value) }
                scanner.backup()
            }
            return (.scalar(.string(try basicString())), .value)
        case "'":
            if try scanner.accept("'") {
                if try scanner.accept("'") { return (.scalar(.string(try multilineRawString())), .value) }
                scanner.backup()
            }
            return (.scalar(.string(try rawString())), .value)
        case ".":
            throw scanner.error("floats must start with a digit, not '.'")
        case "i", "n":
            let word: [Unicode.Scalar] = c == "i" ? ["n", "f"] : ["a", "n"]
            if try scanner.accept(word[0]), try scanner.accept(word[1]) {
                return try float(scanner.current)
            }
        case "-", "+":
            return try signedNumber()
        case S.eof:
            throw scanner.error("unexpected EOF; expected value")
        case "\n":
            throw scanner.errorPreviousLine("expected value but found \(S.quoteRune(c)) instead")
        default:
            break
        }
        if Self.isLetter(c) {
            scanner.rewind(to: scanner.start)
            return try boolean()
        }
        throw scanner.error("expected value but found \(S.quoteRune(c)) instead")
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private mutating func boolean() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        var word = ""
        while true {
            let c = try scanner.next()
            if !Self.isLetter(c) {
                scanner.backup()
                break
            }
            word.unicodeScalars.append(c)
        }
        switch word {
        case "true": return (.scalar(.bool(true)), .value)
        case "false": return (.scalar(.bool(false)), .value)
        default: throw scanner.error("expected value but found \(S.quote(word)) instead")
        }
    }

    private mutating func array() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        document.setType(document.currentKey, .array)
        var items: [TOMLNode] = []
        while true {
            let c = try scanner.next()
            if S.isWhitespace(c) || S.isNewline(c) { continue }
            if c == "#" {
                try scanner.skipComment()
                continue
            }
            if c == "," { throw scanner.error("unexpected comma") }
            if c == "]" { return (.array(items), .array) }
            scanner.backup()
            items.append(try value(inArray: true).0)
            // After an element: a comma, the end, blanks or comments.
            elementEnd: while true {
                let e = try scanner.next()
                if S.isWhitespace(e) || S.isNewline(e) { continue }
                if e == "#" {
                    try scanner.skipComment()
                    continue
                }
                if e == "," { break elementEnd }
                if e == "]" { return (.array(items), .array) }
                throw scanner.error("expected a comma (',') or array terminator (']'), but got \(Self.runeOrEOF(e))")
            }
        }
    }

    private static func runeOrEOF(_ c: Unicode.Scalar) -> String {
        c == S.eof ? "end of file" : "'\(Character(c))'"
    }

    /// `{ k = v, ... }`: its keys are also assigned in the document (as the Go parser does),
    /// which is where redefinitions are caught.
    private mutating func inlineTable(inArray: Bool) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        let outerContext = document.context
        let outerKey = document.currentKey
        document.context.append(document.currentKey)
        let tableContext = document.context
        document.currentKey = ""
        document.addImplicit(tableContext)
        try document.addContext(tableContext, array: inArray)
        let table = TOMLMap()
        entries: while true {
            let c = try scanner.next()
            if S.isWhitespace(c) || S.isNewline(c) { continue }
            if c == "#" {
                try scanner.skipComment()
                continue
            }
            if c == "," { throw scanner.error("unexpected comma") }
            if c == "}" { break }
            scanner.backup()
            let (parents, node) = try assignment()
            var target = table
            for part in parents {
                if target.entries[part] == nil { target.entries[part] = .map(TOMLMap()) }
                guard case .map(let next)? = target.entries[part] else {
                    throw DecodeError(line: document.keyLine, message: "\(S.quote(TOMLEncoder.keyPath(document.context))) is not a table")
                }
                target = next
            }
            target.entries[document.currentKey] = node
            document.context = tableContext
            while true {
                let e = try scanner.next()
                if S.isWhitespace(e) || S.isNewline(e) { continue }
                if e == "#" {
                    try scanner.skipComment()
                    continue
                }
                if e == "," {
                    try scanner.skipWhitespace()
                    if try scanner.peek() == "}" { continue }
                    continue entries
                }
                if e == "}" { break entries }
                throw scanner.error("expected a comma or an inline table terminator '}', but got \(Self.runeOrEOF(e)) instead")
            }
        }
        document.context = outerContext
        document.currentKey = outerKey
        return (.map(table), .hash)
    }

    /// A value error reported on the line the value ended on.
    func valueError(_ message: String) -> DecodeError {
        DecodeError(line: scanner.line, message: message)
    }
}
