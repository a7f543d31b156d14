/// Why a text is not a JSON document, where, and Go's encoding/json wording for it.
///
/// The reader reports what it found as data; callers that must match a Go program's messages
/// word it from these fields (`goMessage` is json.Unmarshal's wording).
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
        /// A backslash followed by something other than an escape letter; `start` is the backslash.
        case inStringEscape(start: Int)
        /// A `\u` escape whose four hexadecimal digits are not; `start` is the backslash.
        case inUnicodeEscape(start: Int)
        case inNumber
        case afterDecimalPoint
        case inExponent

        /// Go's scanner's wording.
        public var goText: String {
            switch self {
            case .beginningOfValue: return "looking for beginning of value"
            case .beginningOfObjectKey: return "looking for beginning of object key string"
            case .afterObjectKey: return "after object key"
            case .afterObjectValue: return "after object key:value pair"
            case .afterArrayElement: return "after array element"
            case .afterTopLevelValue: return "after top-level value"
            case .inLiteral(let word, let expecting): return "in literal \(word) (expecting \(JSONReadError.quoteByte(expecting)))"
            case .inString: return "in string literal"
            case .inStringEscape: return "in string escape code"
            case .inUnicodeEscape: return "in \\u hexadecimal character escape"
            case .inNumber: return "in numeric literal"
            case .afterDecimalPoint: return "after decimal point in numeric literal"
            case .inExponent: return "in exponent of numeric literal"
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

    /// json.Unmarshal's message: `unexpected end of JSON input`, `invalid character 'x' after array element`.
    public var goMessage: String {
        switch problem {
        case .empty, .unexpectedEnd: return "unexpected end of JSON input"
        case .invalidCharacter(let context): return "invalid character \(Self.quoteByte(byte ?? 0)) \(context.goText)"
        case .tooDeep: return "invalid character \(Self.quoteByte(byte ?? 0)) exceeded max depth"
        }
    }

    /// The message with the place: `… at line 3, column 7`.
    public var description: String {
        if case .tooDeep(let limit) = problem {
            return "JSON nested deeper than \(limit) levels at line \(line), column \(column)"
        }
        return "\(goMessage) at line \(line), column \(column)"
    }

    /// Go's quoteChar: a byte as `'x'`, read as the code point of the same number (Go's `string(c)`)
    /// and quoted as strconv.Quote quotes it.
    public static func quoteByte(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case 0..<0x20, 0x7F: return "'\\x" + hex(byte, 2) + "'"
        // C1 controls, the no-break space and the soft hyphen are not printable in Go.
        case 0x80...0xA0, 0xAD: return "'\\u" + hex(byte, 4) + "'"
        default: return "'" + String(Character(Unicode.Scalar(byte))) + "'"
        }
    }

    private static func hex(_ v: UInt8, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
