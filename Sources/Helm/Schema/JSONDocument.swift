/// A JSON number: the text as written (Go's `json.Number`, which error messages print
/// verbatim) and its float64 value.
struct JSONNumber: Equatable, Sendable {
    /// The literal as it appears in the document.
    let text: String
    /// The value as a float64.
    let value: Double
}

/// A JSON object keeping its keys in document order (the last of repeated keys wins, as Go's decoder does).
struct JSONObject: Equatable, Sendable {
    /// The members in order.
    private(set) var entries: [(key: String, value: JSONValue)] = []
    private var index: [String: Int] = [:]

    /// The value for `key`.
    subscript(key: String) -> JSONValue? {
        index[key].map { entries[$0].value }
    }

    /// Adds a member; a repeated key replaces the earlier value in place.
    mutating func set(_ key: String, _ value: JSONValue) {
        if let position = index[key] {
            entries[position].value = value
        } else {
            index[key] = entries.count
            entries.append((key, value))
        }
    }

    /// The number of members.
    var count: Int { entries.count }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A JSON value as read from values.schema.json.
indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` when this is an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string when this is a string.
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// A JSON syntax error, worded as Go's encoding/json words it.
struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
    /// The message.
    let description: String
}

/// Reads JSON text as the schema library does (encoding/json's Decoder with UseNumber,
/// then a check that nothing but whitespace follows the value).
struct JSONDocumentParser {
    private let bytes: [UInt8]
    private var position = 0

    /// Parses `text` into a value.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONDocumentParser(bytes: Array(text.utf8))
        parser.skipSpace()
        if parser.position >= parser.bytes.count { throw JSONSyntaxError(description: "EOF") }
        let value = try parser.parseValue()
        parser.skipSpace()
        if parser.position < parser.bytes.count {
            throw JSONSyntaxError(description: "invalid character after top-level value")
        }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func peek() throws(JSONSyntaxError) -> UInt8 {
        guard position < bytes.count else { throw JSONSyntaxError(description: "unexpected EOF") }
        return bytes[position]
    }

    /// Go's quoteChar: the offending character as `'x'`.
    private func invalid(_ context: String) -> JSONSyntaxError {
        JSONSyntaxError(description: "invalid character \(Self.quoteChar(at: position, in: bytes)) \(context)")
    }

    static func quoteChar(at position: Int, in bytes: [UInt8]) -> String {
        let c = bytes[position]
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        // Decode one UTF-8 character for the message.
        var iterator = bytes[position...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let quoted = SchemaQuote.doubleQuoted(String(Character(scalar)))
            return "'" + quoted.dropFirst().dropLast() + "'"
        }
        return "'\\ufffd'"
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw invalid("looking for beginning of value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for (offset, expected) in word.utf8.enumerated() {
            if offset > 0 {
                guard try peek() == expected else {
                    throw invalid("in literal \(word) (expecting '\(Character(Unicode.Scalar(expected)))')")
                }
            }
            position += 1
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var object = JSONObject()
        skipSpace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipSpace()
            guard try peek() == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
            let key = try parseString()
            skipSpace()
            guard try peek() == UInt8(ascii: ":") else { throw invalid("after object key") }
            position += 1
            skipSpace()
            object.set(key, try parseValue())
            skipSpace()
            switch try peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(object)
            default: throw invalid("after object key:value pair")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            switch try peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw invalid("after array element")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1
        var out: [UInt8] = []
        while true {
            let c = try peek()
            switch c {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                let e = try peek()
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                              0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let replacement = simple[e] {
                    out.append(replacement)
                    position += 1
                } else if e == UInt8(ascii: "u") {
                    position += 1
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
                       bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        let save = position
                        position += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            position = save
                            scalar = 0xFFFD
                        }
                    }
                    let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                } else {
                    throw badEscape(from: position - 1, length: 2)
                }
            case 0..<0x20:
                throw invalid("in string")
            default:
                out.append(c)
                position += 1
            }
        }
    }

    /// Go's report of a bad escape: the escape's text, cut at the end of the input.
    private func badEscape(from start: Int, length: Int) -> JSONSyntaxError {
        guard start + length <= bytes.count else { return JSONSyntaxError(description: "unexpected EOF") }
        let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        return JSONSyntaxError(description: "invalid escape sequence `\(text)` in string")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        let start = position
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = try peek()
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw badEscape(from: start - 2, length: 6)
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            guard isDigit(try peek()) else { throw invalid("in numeric literal") }
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(try peek()) else { throw invalid("in numeric literal") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if try peek() == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(try peek()) else { throw invalid("in numeric literal") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return JSONNumber(text: text, value: Double(text) ?? .infinity)
    }
}
