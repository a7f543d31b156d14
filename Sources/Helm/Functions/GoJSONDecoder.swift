import GoTemplate

/// Go's encoding/json Unmarshal into `interface{}`: objects become maps, numbers float64,
/// and syntax errors carry Go's wording (`invalid character 'x' looking for beginning of value`).
struct GoJSONDecoder {
    /// A syntax error, worded as Go's.
    struct SyntaxError: Error, CustomStringConvertible {
        let description: String
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// Decodes one JSON document.
    static func decode(_ text: String) throws -> Value {
        var decoder = GoJSONDecoder(text)
        decoder.skipSpace()
        if decoder.index >= decoder.bytes.count { throw SyntaxError(description: "unexpected end of JSON input") }
        let value = try decoder.value()
        decoder.skipSpace()
        if decoder.index < decoder.bytes.count {
            throw decoder.invalid("after top-level value")
        }
        return value
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func invalid(_ context: String) -> SyntaxError {
        guard index < bytes.count else { return SyntaxError(description: "unexpected end of JSON input") }
        return SyntaxError(description: "invalid character \(Self.quoteChar(bytes[index])) \(context)")
    }

    private static func quoteChar(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        let quoted = GoFormat.sprintf("%q", [.string(String(decoding: [byte], as: UTF8.self))])
        return "'" + quoted.dropFirst().dropLast() + "'"
    }

    private mutating func value() throws -> Value {
        guard index < bytes.count else { throw invalid("looking for beginning of value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .float(try number())
        default: throw invalid("looking for beginning of value")
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            guard bytes[index] == expected else {
                throw invalid("in literal \(word) (expecting \(Self.quoteChar(expected)))")
            }
            index += 1
        }
    }

    private mutating func object() throws -> Value {
        index += 1
        let map = ValueMap()
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .map(map) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw invalid("after object key") }
            index += 1
            skipSpace()
            map[key] = try value()
            skipSpace()
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .map(map) }
            throw invalid("after object key:value pair")
        }
    }

    private mutating func array() throws -> Value {
        index += 1
        var items: [Value] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .list(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .list(items) }
            throw invalid("after array element")
        }
    }

    private mutating func string() throws -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 { throw invalid("in string literal") }
            if byte != UInt8(ascii: "\\") { out.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = save
                    }
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(character).utf8))
            default:
                index -= 1
                throw invalid("in string escape code")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
            guard let digit = Self.hexValue(bytes[index]) else { throw invalid("in \\u hexadecimal character escape") }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func number() throws -> Double {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw SyntaxError(description: "unexpected end of JSON input") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw invalid("in numeric literal")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw invalid("after decimal point in numeric literal") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw invalid("in exponent of numeric literal") }
        }
        return Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? 0
    }
}
