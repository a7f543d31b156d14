#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits template source into tokens the way Go's text/template lexer does: text and
/// actions, `{{-`/`-}}` trimming, comments, strings, numbers, variables and fields.
public struct Lexer: Sendable {
    private let source: [UInt8]
    private let leftDelim: [UInt8]
    private let rightDelim: [UInt8]
    private let name: String
    private var position = 0
    private var tokens: [Token] = []
    private var parenDepth = 0
    private static let commentOpen = Array("/*".utf8)
    private static let commentClose = Array("*/".utf8)

    /// Creates a lexer for `source` named `name`, with optional custom delimiters.
    public init(name: String, source: String, leftDelim: String = "{{", rightDelim: String = "}}") {
        self.name = name
        self.source = Array(source.utf8)
        self.leftDelim = Array((leftDelim.isEmpty ? "{{" : leftDelim).utf8)
        self.rightDelim = Array((rightDelim.isEmpty ? "}}" : rightDelim).utf8)
    }

    /// All tokens, ending with `.eof` or an `.error` token.
    public mutating func tokenize() -> [Token] {
        tokens = []
        position = 0
        while true {
            guard lexText() else { break }
            if tokens.last?.kind == .error { break }
        }
        return tokens
    }

    // MARK: - Text

    /// Lexes text up to the next action; returns false at the end of input.
    private mutating func lexText() -> Bool {
        guard let delimAt = find(leftDelim, from: position) else {
            if position < source.count { emit(.text, from: position, to: source.count) }
            tokens.append(Token(kind: .eof, text: "", offset: source.count))
            return false
        }
        var textEnd = delimAt
        let trimLeft = hasLeftTrimMarker(at: delimAt + leftDelim.count)
        if trimLeft {
            while textEnd > position, isSpace(source[textEnd - 1]) { textEnd -= 1 }
        }
        if textEnd > position { emit(.text, from: position, to: textEnd) }
        position = delimAt
        return lexAction(trimLeft: trimLeft)
    }

    private func hasLeftTrimMarker(at i: Int) -> Bool {
        i + 1 < source.count && source[i] == UInt8(ascii: "-") && isSpace(source[i + 1])
    }

    /// Whether a right trim marker (" -") followed by the right delimiter starts at `i`.
    private func hasRightTrimMarker(at i: Int) -> Bool {
        i + 2 <= source.count && isSpace(source[i]) && source[i + 1] == UInt8(ascii: "-") && matches(rightDelim, at: i + 2)
    }

    // MARK: - Actions

    private mutating func lexAction(trimLeft: Bool) -> Bool {
        let start = position
        position += leftDelim.count
        if trimLeft { position += 2 }
        // Comments: {{/* ... */}} with optional trim markers.
        if matches(Self.commentOpen, at: position) {
            return lexComment(start: start)
        }
        tokens.append(Token(kind: .leftDelim, text: String(decoding: leftDelim, as: UTF8.self), offset: start))
        parenDepth = 0
        while true {
            if hasRightTrimMarker(at: position) {
                guard parenDepth == 0 else { return fail("unclosed left paren", at: position) }
                tokens.append(Token(kind: .rightDelim, text: String(decoding: rightDelim, as: UTF8.self), offset: position + 2))
                position += 2 + rightDelim.count
                while position < source.count, isSpace(source[position]) { position += 1 }
                return true
            }
            if matches(rightDelim, at: position) {
                guard parenDepth == 0 else { return fail("unclosed left paren", at: position) }
                tokens.append(Token(kind: .rightDelim, text: String(decoding: rightDelim, as: UTF8.self), offset: position))
                position += rightDelim.count
                return true
            }
            guard position < source.count else { return fail("unclosed action", at: start) }
            let c = source[position]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                lexSpace()
            case UInt8(ascii: "="):
                emitOne(.assign)
            case UInt8(ascii: ":"):
                guard position + 1 < source.count, source[position + 1] == UInt8(ascii: "=") else {
                    return fail("expected :=", at: position)
                }
                emit(.declare, from: position, to: position + 2)
                position += 2
            case UInt8(ascii: "|"):
                emitOne(.pipe)
            case UInt8(ascii: ","):
                emitOne(.comma)
            case UInt8(ascii: "("):
                parenDepth += 1
                emitOne(.leftParen)
            case UInt8(ascii: ")"):
                parenDepth -= 1
                guard parenDepth >= 0 else { return fail("unexpected right paren", at: position) }
                emitOne(.rightParen)
            case UInt8(ascii: "\""):
                guard lexQuote() else { return false }
            case UInt8(ascii: "`"):
                guard lexRawQuote() else { return false }
            case UInt8(ascii: "'"):
                guard lexChar() else { return false }
            case UInt8(ascii: "$"):
                lexVariable()
            case UInt8(ascii: "."):
                if position + 1 < source.count, isDigit(source[position + 1]) {
                    guard lexNumber() else { return false }
                } else {
                    lexField()
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard lexNumber() else { return false }
            default:
                if isAlphaNumeric(c) || c >= 0x80 {
                    lexIdentifier()
                } else {
                    let scalar = String(decoding: [c], as: UTF8.self)
                    return fail("bad character U+\(hex4(c)) '\(scalar)'", at: position)
                }
            }
        }
    }

    private mutating func lexComment(start: Int) -> Bool {
        let bodyStart = position + 2
        guard let close = find(Self.commentClose, from: bodyStart) else {
            return fail("unclosed comment", at: start)
        }
        var after = close + 2
        var trimRight = false
        if hasRightTrimMarker(at: after) {
            trimRight = true
            after += 2
        }
        guard matches(rightDelim, at: after) else {
            return fail("comment ends before closing delimiter", at: start)
        }
        emit(.comment, from: start, to: after + rightDelim.count)
        position = after + rightDelim.count
        if trimRight {
            while position < source.count, isSpace(source[position]) { position += 1 }
        }
        return true
    }

    private mutating func lexSpace() {
        let start = position
        while position < source.count, isSpace(source[position]), !hasRightTrimMarker(at: position) { position += 1 }
        if position > start { emit(.space, from: start, to: position) }
        // " -}}": the space belongs to the trim marker, handled by the caller.
    }

    private mutating func lexQuote() -> Bool {
        lexEscaped(closing: UInt8(ascii: "\""), kind: .string, unterminated: "unterminated quoted string")
    }

    /// A `"` string or `'` character constant: backslash escapes, no newline before the close.
    private mutating func lexEscaped(closing: UInt8, kind: Token.Kind, unterminated: String) -> Bool {
        let start = position
        position += 1
        while position < source.count {
            let c = source[position]
            if c == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if c == UInt8(ascii: "\n") { return fail(unterminated, at: start) }
            if c == closing {
                position += 1
                emit(kind, from: start, to: position)
                return true
            }
            position += 1
        }
        return fail(unterminated, at: start)
    }

    private mutating func lexRawQuote() -> Bool {
        let start = position
        guard let close = find([UInt8(ascii: "`")], from: position + 1) else {
            return fail("unterminated raw quoted string", at: start)
        }
        position = close + 1
        emit(.rawString, from: start, to: position)
        return true
    }

    private mutating func lexChar() -> Bool {
        lexEscaped(closing: UInt8(ascii: "'"), kind: .charConstant, unterminated: "unterminated character constant")
    }

    private mutating func lexVariable() {
        let start = position
        position += 1
        while position < source.count, isAlphaNumeric(source[position]) || source[position] >= 0x80 { position += 1 }
        emit(.variable, from: start, to: position)
        lexFieldChain()
    }

    private mutating func lexField() {
        let start = position
        position += 1
        while position < source.count, isAlphaNumeric(source[position]) || source[position] >= 0x80 { position += 1 }
        if position == start + 1 {
            emit(.dot, from: start, to: position)
            return
        }
        emit(.field, from: start, to: position)
        lexFieldChain()
    }

    /// `.a.b` after a variable, field or identifier: each link is its own field token.
    private mutating func lexFieldChain() {
        while position + 1 < source.count, source[position] == UInt8(ascii: "."),
            isAlphaNumeric(source[position + 1]) || source[position + 1] >= 0x80
        {
            let start = position
            position += 1
            while position < source.count, isAlphaNumeric(source[position]) || source[position] >= 0x80 { position += 1 }
            emit(.field, from: start, to: position)
        }
    }

    private mutating func lexIdentifier() {
        let start = position
        while position < source.count, isAlphaNumeric(source[position]) || source[position] >= 0x80 { position += 1 }
        let word = String(decoding: source[start..<position], as: UTF8.self)
        if let keyword = Token.Keyword(rawValue: word) {
            tokens.append(Token(kind: .keyword(keyword), text: word, offset: start))
        } else if word == "true" || word == "false" {
            tokens.append(Token(kind: .bool, text: word, offset: start))
        } else {
            tokens.append(Token(kind: .identifier, text: word, offset: start))
        }
        lexFieldChain()
    }

    /// Numbers as Go scans them: sign, base prefixes, digits with `_`, fraction, exponent, `i`.
    private mutating func lexNumber() -> Bool {
        let start = position
        if source[position] == UInt8(ascii: "+") || source[position] == UInt8(ascii: "-") { position += 1 }
        // Static predicates: a closure over `self` would copy the lexer and make every
        // later token append copy the whole token array.
        var digits: (UInt8) -> Bool = Lexer.isDigitByte
        var exponentChars: Set<UInt8> = [UInt8(ascii: "e"), UInt8(ascii: "E")]
        if position + 1 < source.count, source[position] == UInt8(ascii: "0") {
            switch source[position + 1] | 0x20 {
            case UInt8(ascii: "x"):
                position += 2
                digits = Lexer.isHexDigitByte
                exponentChars = [UInt8(ascii: "p"), UInt8(ascii: "P")]
            case UInt8(ascii: "o"):
                position += 2
                digits = { $0 >= 48 && $0 <= 55 }
            case UInt8(ascii: "b"):
                position += 2
                digits = { $0 == 48 || $0 == 49 }
            default: break
            }
        }
        while position < source.count, digits(source[position]) || source[position] == UInt8(ascii: "_") { position += 1 }
        if position < source.count, source[position] == UInt8(ascii: ".") {
            position += 1
            while position < source.count, digits(source[position]) || source[position] == UInt8(ascii: "_") { position += 1 }
        }
        if position < source.count, exponentChars.contains(source[position]) {
            position += 1
            if position < source.count, source[position] == UInt8(ascii: "+") || source[position] == UInt8(ascii: "-") { position += 1 }
            while position < source.count, isDigit(source[position]) || source[position] == UInt8(ascii: "_") { position += 1 }
        }
        if position < source.count, source[position] == UInt8(ascii: "i") { position += 1 }
        // Go: the number must not run into an alphanumeric character.
        if position < source.count, isAlphaNumeric(source[position]) {
            position += 1
            return fail("bad number syntax: \"\(String(decoding: source[start..<position], as: UTF8.self))\"", at: start)
        }
        if position == start || (position == start + 1 && !isDigit(source[start])) {
            return fail("bad number syntax: \"\(String(decoding: source[start..<max(position, start + 1)], as: UTF8.self))\"", at: start)
        }
        emit(.number, from: start, to: position)
        return true
    }

    // MARK: - Helpers

    private mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int) {
        tokens.append(Token(kind: kind, text: String(decoding: source[start..<end], as: UTF8.self), offset: start))
    }

    private mutating func emitOne(_ kind: Token.Kind) {
        emit(kind, from: position, to: position + 1)
        position += 1
    }

    private mutating func fail(_ message: String, at offset: Int) -> Bool {
        tokens.append(Token(kind: .error, text: message, offset: offset))
        return false
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= source.count - needle.count else { return nil }
        let first = needle[0]
        let last = source.count - needle.count
        // memchr jumps between candidate first bytes: templates are mostly text.
        return source.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var i = start
            while i <= last {
                guard let found = memchr(base + i, Int32(first), last + 1 - i) else { return nil }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if matches(needle, at: i) { return i }
                i += 1
            }
            return nil
        }
    }

    private func matches(_ needle: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= source.count else { return false }
        for k in 0..<needle.count where source[i + k] != needle[k] { return false }
        return true
    }

    private func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
    }

    private func isDigit(_ c: UInt8) -> Bool { Lexer.isDigitByte(c) }

    private static func isDigitByte(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func isHexDigitByte(_ c: UInt8) -> Bool {
        isDigitByte(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    private func isAlphaNumeric(_ c: UInt8) -> Bool {
        isDigit(c) || c == UInt8(ascii: "_") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
    }

    private func hex4(_ c: UInt8) -> String {
        let h = String(c, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - h.count) + h
    }
}
