/// Basic, literal and multi-line strings, and their escapes.
extension TOMLParser {
    private typealias S = TOMLScanner

    /// After the opening `"`.
    mutating func basicString() throws(DecodeError) -> String {
        scanner.start = scanner.pos
        var escaped = false
        while true {
            let c = try scanner.next()
            if c == S.eof { throw scanner.error("unexpected EOF; expected '\"'") }
            if S.isNewline(c) { throw scanner.errorPreviousLine("strings cannot contain newlines") }
            if c == "\\" {
                try checkEscape()
                escaped = true
            } else if c == "\"" {
                scanner.backup()
                let raw = scanner.current
                _ = try scanner.next()
                scanner.start = scanner.pos
                return escaped ? try replaceEscapes(raw) : raw
            }
        }
    }

    /// After the opening `'`.
    mutating func rawString() throws(DecodeError) -> String {
        scanner.start = scanner.pos
        while true {
            let c = try scanner.next()
            if c == S.eof { throw scanner.error("unexpected EOF; expected \"'\"") }
            if S.isNewline(c) { throw scanner.errorPreviousLine("strings cannot contain newlines") }
            if c == "'" {
                scanner.backup()
                let raw = scanner.current
                _ = try scanner.next()
                scanner.start = scanner.pos
                return raw
            }
        }
    }

    /// After the opening `"""`.
    mutating func multilineBasicString() throws(DecodeError) -> String {
        let raw = try multiline(quote: "\"")
        return try replaceEscapes(Self.stripEscapedNewlines(Self.stripFirstNewline(raw)))
    }

    /// After the opening `'''`.
    mutating func multilineRawString() throws(DecodeError) -> String {
        Self.stripFirstNewline(try multiline(quote: "'"))
    }

    /// The text up to three closing quotes; up to two more quotes before them belong to the text.
    private mutating func multiline(quote: Unicode.Scalar) throws(DecodeError) -> String {
        scanner.start = scanner.pos
        let q = String(Character(quote))
        while true {
            let c = try scanner.next()
            if c == S.eof {
                throw scanner.error(quote == "\"" ? "unexpected EOF; expected '\"\"\"'" : "unexpected EOF; expected \"'''\"")
            }
            if c == "\\" && quote == "\"" {
                if S.isNewline(try scanner.next()) { continue }
                scanner.backup()
                try checkEscape()
                continue
            }
            guard c == quote else { continue }
            if try scanner.accept(quote) {
                if try scanner.accept(quote) {
                    if try scanner.peek() == quote {
                        let sofar = scanner.current
                        let five = String(repeating: q, count: 5)
                        if sofar.hasSuffix(five) && (quote == "'" || !sofar.hasSuffix("\\" + five)) {
                            let six = String(repeating: q, count: 6)
                            throw scanner.error(quote == "\"" ? "unexpected '\(six)'" : "unexpected \"\(six)\"")
                        }
                        scanner.backup()
                        scanner.backup()
                        continue
                    }
                    scanner.backup()
                    scanner.backup()
                    scanner.backup()
                    let raw = scanner.current
                    for _ in 0..<3 { _ = try scanner.next() }
                    scanner.start = scanner.pos
                    return raw
                }
                scanner.backup()
            }
        }
    }

    /// Checks the escape after a backslash (its meaning is applied later).
    private mutating func checkEscape() throws(DecodeError) {
        let c = try scanner.next()
        let hexCount: Int
        switch c {
        case "e", "b", "t", "n", "f", "r", "\"", " ", "\t", "\\": return
        case "x": hexCount = 2
        case "u": hexCount = 4
        case "U": hexCount = 8
        default: throw scanner.errorAtCurrent("invalid escape in string '\\\(Character(c))'")
        }
        let words = [2: "two", 4: "four", 8: "eight"]
        for _ in 0..<hexCount {
            if S.isHex(try scanner.next()) { continue }
            throw scanner.error("expected \(words[hexCount] ?? String(hexCount)) hexadecimal digits after '\\\(Character(c))', but got \(S.quote(scanner.current)) instead")
        }
    }

    private static func stripFirstNewline(_ s: String) -> String {
        if s.unicodeScalars.first == "\n" { return String(s.unicodeScalars.dropFirst()) }
        if s.hasPrefix("\r\n") { return String(s.unicodeScalars.dropFirst(2)) }
        return s
    }

    /// Removes a backslash at the end of a line together with the blanks and breaks after it.
    private static func stripEscapedNewlines(_ s: String) -> String {
        let c = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < c.count {
            guard c[i] == "\\" else {
                out.append(c[i])
                i += 1
                continue
            }
            if i + 1 < c.count && c[i + 1] == "\\" {
                out.append(contentsOf: c[i...i + 1])
                i += 2
                continue
            }
            var j = i + 1
            while j < c.count && (c[j] == " " || c[j] == "\t" || c[j] == "\r" || c[j] == "\n") { j += 1 }
            if j == i + 1 || !c[i..<j].contains("\n") {
                out.append(c[i])
                i += 1
                continue
            }
            i = j
        }
        return String(out)
    }

    /// Applies the escapes of a basic string.
    private func replaceEscapes(_ s: String) throws(DecodeError) -> String {
        let c = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < c.count {
            guard c[i] == "\\", i + 1 < c.count else {
                out.append(c[i])
                i += 1
                continue
            }
            let kind = c[i + 1]
            i += 2
            switch kind {
            case " ", "\t": throw valueError("invalid escape: '\\\(Character(kind))'")
            case "b": out.append("\u{08}")
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "f": out.append("\u{0C}")
            case "r": out.append("\r")
            case "e": out.append("\u{1B}")
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "x", "u", "U":
                let count = kind == "x" ? 2 : kind == "u" ? 4 : 8
                let digits = String(String.UnicodeScalarView(c[i..<min(i + count, c.count)]))
                i += count
                guard let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw valueError("Escaped character '\\u\(digits)' is not valid UTF-8.")
                }
                out.append(scalar)
            default:
                out.append(kind)
            }
        }
        return String(out)
    }
}
