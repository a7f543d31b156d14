/// Why a text is not a JSON document, where, and Go's encoding/json wording for it.
///
/// The reader reports what it found as data; callers that must match a Go program's messages
/// word it from these fields. `goMessage` is json.Unmarshal's wording in the Go that Helm v4.3
/// is built with (checked against Helm's `fromJson`: `in string`, `invalid escape sequence`,
/// `exceeded max depth`).
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Hashable {
        /// The text is empty or only white space.
        case empty
        /// The text ends inside a value.
        case unexpectedEnd
        /// The byte at `offset` cannot appear there.
        case invalidCharacter(Context)
        /// Nesting goes deeper than the reader's limit (at the bracket at `offset`).
        case tooDeep(limit: Int)
    }

    /// Where in the grammar the reader was, in Go's scanner's words.
    public enum Context: Sendable, Hashable {
        case beginningOfValue
        case beginningOfObjectKey
        case afterObjectKey
        case afterObjectValue
        case afterArrayElement
        case afterTopLevelValue
        /// In literal `word`, where `expecting` should have been.
        case inLiteral(word: String, expecting: UInt8)
        /// A control character inside a string.
        case inString
        /// A backslash not followed by an escape letter, or `\u` not by four hexadecimal digits:
        /// the escape's text (two bytes, or six for `\u`).
        case inStringEscape(sequence: String)
        /// Anything wrong in a number (after `-`, after the decimal point, in the exponent).
        case inNumber

        /// Go's scanner's wording.
        public var goText: String {
            switch self {
            case .beginningOfValue: return "looking for beginning of value"
            case .beginningOfObjectKey: return "looking for beginning of object key string"
            case .afterObjectKey: return "after object key"
            case .afterObjectValue: return "after object key:value pair"
            case .afterArrayElement: return "after array element"
            case .afterTopLevelValue: return "after top-level value"
            case .inLiteral(let word, let expecting):
                return "in literal \(word) (expecting \(JSONReadError.quote(Unicode.Scalar(expecting))))"
            case .inString: return "in string"
            case .inStringEscape(let sequence): return "invalid escape sequence `\(sequence)` in string"
            case .inNumber: return "in numeric literal"
            }
        }
    }

    /// What is wrong.
    public let problem: Problem
    /// The byte offset of the offending character (the text's length when it ended too soon).
    public let offset: Int
    /// The line of `offset`, from 1.
    public let line: Int
    /// The column of `offset` in characters, from 1.
    public let column: Int
    /// The offending byte, if any.
    public let byte: UInt8?
    /// The whole UTF-8 character starting at `offset`, if it is one.
    public let character: Unicode.Scalar?

    init(_ problem: Problem, at offset: Int, in bytes: [UInt8]) {
        self.problem = problem
        self.offset = offset
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        self.line = line
        column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        byte = offset < bytes.count ? bytes[offset] : nil
        if offset < bytes.count {
            var iterator = bytes[offset...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { character = scalar } else { character = nil }
        } else {
            character = nil
        }
    }

    /// json.Unmarshal's message: `unexpected end of JSON input`, `invalid character 'x' after array element`,
    /// `invalid escape sequence `\q` in string`.
    public var goMessage: String { message(quoting: Self.quote) }

    /// Go's wording, with the offending character (nil: not valid UTF-8) quoted by `quote`; callers
    /// with Go's own `strconv.Quote` at hand pass it.
    public func message(quoting quote: (Unicode.Scalar?) -> String) -> String {
        switch problem {
        case .empty, .unexpectedEnd: return "unexpected end of JSON input"
        case .invalidCharacter(.inStringEscape(let sequence)): return "invalid escape sequence `\(sequence)` in string"
        case .invalidCharacter(let context): return "invalid character \(quote(character)) \(context.goText)"
        case .tooDeep: return "exceeded max depth"
        }
    }

    /// The message with the place: `… at line 3, column 7`.
    public var description: String {
        if case .tooDeep(let limit) = problem {
            return "JSON nested deeper than \(limit) levels at line \(line), column \(column)"
        }
        return "\(goMessage) at line \(line), column \(column)"
    }

    /// Go's quoteChar: the character as `'x'`, quoted as strconv.Quote quotes it (`'\\x01'`, `'\\''`);
    /// exact for ASCII, by Unicode category for the rest; `'\\ufffd'` for bytes that are not UTF-8.
    public static func quote(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "'\\ufffd'" }
        switch scalar {
        case "'": return "'\\''"
        case "\"": return "'\"'"
        case "\\": return "'\\\\'"
        case "\u{07}": return "'\\a'"
        case "\u{08}": return "'\\b'"
        case "\u{0C}": return "'\\f'"
        case "\n": return "'\\n'"
        case "\r": return "'\\r'"
        case "\t": return "'\\t'"
        case "\u{0B}": return "'\\v'"
        default: break
        }
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return "'\\x" + hex(v, 2) + "'" }
        if v < 0x7F || isPrintable(scalar) { return "'" + String(scalar) + "'" }
        return v <= 0xFFFF ? "'\\u" + hex(v, 4) + "'" : "'\\U" + hex(v, 8) + "'"
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Go's unicode.IsPrint: letters, marks, numbers, punctuation and symbols (not spaces other than U+0020).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
