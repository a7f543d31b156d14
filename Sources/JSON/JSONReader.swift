/// Reads JSON text (RFC 8259, as Go's encoding/json accepts it) into a `JSONValue`.
///
/// Objects keep their members in document order (a repeated key keeps its first place and its last
/// value), numbers keep their literal text. The reader is iterative, so nesting costs heap, not
/// stack; beyond `maximumDepth` levels (Go's limit, 10,000) it stops with `.tooDeep`.
public struct JSONReader {
    /// Go's encoding/json nesting limit.
    public static let defaultMaximumDepth = 10_000

    /// A container being filled.
    private enum Frame {
        case array([JSONValue])
        case object(JSONObject, key: String)
    }

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var position = 0

    /// Reads `text`, which must hold exactly one JSON value (white space around it is allowed).
    public static func read(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONReadError) -> JSONValue {
        try read(bytes: Array(text.utf8), maximumDepth: maximumDepth)
    }

    /// Reads UTF-8 `bytes`, which must hold exactly one JSON value.
    public static func read(bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONReadError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, maximumDepth: maximumDepth)
        reader.skipSpace()
        guard reader.position < bytes.count else { throw JSONReadError(.empty, at: reader.position, in: bytes) }
        let value = try reader.document()
        reader.skipSpace()
        if reader.position < bytes.count { throw reader.invalid(.afterTopLevelValue) }
        return value
    }

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private func invalid(_ context: JSONReadError.Context) -> JSONReadError {
        guard position < bytes.count else { return JSONReadError(.unexpectedEnd, at: position, in: bytes) }
        return JSONReadError(.invalidCharacter(context), at: position, in: bytes)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next byte after white space, or the end-of-input error.
    private mutating func next() throws(JSONReadError) -> UInt8 {
        skipSpace()
        guard position < bytes.count else { throw JSONReadError(.unexpectedEnd, at: position, in: bytes) }
        return bytes[position]
    }

    /// One value, with containers handled by an explicit stack.
    private mutating func document() throws(JSONReadError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            // Start a value: either a scalar (then fall through to closing containers) or a container.
            var value: JSONValue
            let c = try next()
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard stack.count < maximumDepth else {
                    throw JSONReadError(.tooDeep(limit: maximumDepth), at: position, in: bytes)
                }
                position += 1
                let close = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if try next() == close {
                    position += 1
                    value = c == UInt8(ascii: "[") ? .array([]) : .object(JSONObject())
                } else if c == UInt8(ascii: "[") {
                    stack.append(.array([]))
                    continue
                } else {
                    stack.append(.object(JSONObject(), key: try key()))
                    continue
                }
            default:
                value = try scalar()
            }
            // Put the value in its container; close every container that ends here.
            while true {
                guard let top = stack.popLast() else { return value }
                switch top {
                case .array(var items):
                    items.append(value)
                    switch try next() {
                    case UInt8(ascii: ","):
                        position += 1
                        stack.append(.array(items))
                    case UInt8(ascii: "]"):
                        position += 1
                        value = .array(items)
                        continue
                    default:
                        throw invalid(.afterArrayElement)
                    }
                case .object(var members, let key):
                    members[key] = value
                    switch try next() {
                    case UInt8(ascii: ","):
                        position += 1
                        stack.append(.object(members, key: try self.key()))
                    case UInt8(ascii: "}"):
                        position += 1
                        value = .object(members)
                        continue
                    default:
                        throw invalid(.afterObjectValue)
                    }
                }
                break
            }
        }
    }

    /// An object key and its colon.
    private mutating func key() throws(JSONReadError) -> String {
        guard try next() == UInt8(ascii: "\"") else { throw invalid(.beginningOfObjectKey) }
        let key = try string()
        guard try next() == UInt8(ascii: ":") else { throw invalid(.afterObjectKey) }
        position += 1
        return key
    }

    private mutating func scalar() throws(JSONReadError) -> JSONValue {
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw invalid(.beginningOfValue)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let text = word.description
        for expected in text.utf8 {
            guard position < bytes.count, bytes[position] == expected else {
                throw invalid(.inLiteral(word: text, expecting: expected))
            }
            position += 1
        }
    }

    private mutating func string() throws(JSONReadError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\"),
            bytes[position] >= 0x20
        {
            position += 1
        }
        var out = Array(bytes[start..<position])
        while true {
            guard position < bytes.count else { throw JSONReadError(.unexpectedEnd, at: position, in: bytes) }
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw invalid(.inString) }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < bytes.count else { throw JSONReadError(.unexpectedEnd, at: position, in: bytes) }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(escapeStart)
                if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
                    bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                {
                    let save = position
                    position += 2
                    let low = try hex4(save)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = save  // the second escape stands on its own
                    }
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default:
                position -= 1
                throw escapeError(from: escapeStart, length: 2)
            }
        }
    }

    /// A bad escape, named by its text; the end of input when the text is cut short.
    private func escapeError(from start: Int, length: Int) -> JSONReadError {
        guard start + length <= bytes.count else { return JSONReadError(.unexpectedEnd, at: bytes.count, in: bytes) }
        let sequence = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        return JSONReadError(.invalidCharacter(.inStringEscape(sequence: sequence)), at: position, in: bytes)
    }

    private mutating func hex4(_ escapeStart: Int) throws(JSONReadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw JSONReadError(.unexpectedEnd, at: position, in: bytes) }
            let c = bytes[position]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw escapeError(from: escapeStart, length: 6)
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func number() throws(JSONReadError) -> JSONNumber {
        let start = position
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.position
            while reader.position < reader.bytes.count, isDigit(reader.bytes[reader.position]) { reader.position += 1 }
            return reader.position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw invalid(.inNumber)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            if digits(&self) == 0 { throw invalid(.inNumber) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            if digits(&self) == 0 { throw invalid(.inNumber) }
        }
        return JSONNumber(literal: String(decoding: bytes[start..<position], as: UTF8.self))
    }
}
