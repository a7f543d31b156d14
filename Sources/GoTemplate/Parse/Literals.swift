/// Go string literals: interpreted `"..."` with escapes, and raw `` `...` ``.
enum GoStringLiteral {
    static func unquote(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 else { return nil }
        if bytes.first == UInt8(ascii: "`") && bytes.last == UInt8(ascii: "`") {
            // Raw strings drop carriage returns, as Go does.
            return String(decoding: bytes[1..<(bytes.count - 1)].filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        }
        let quote = bytes.first
        guard quote == bytes.last, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        var out: [UInt8] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            let c = bytes[i]
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            i += 1
            guard i < end else { return nil }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
            case UInt8(ascii: "x"):
                guard i + 2 <= end, let v = UInt8(String(decoding: bytes[i..<(i + 2)], as: UTF8.self), radix: 16) else { return nil }
                out.append(v); i += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "u") ? 4 : 8
                guard i + n <= end, let v = UInt32(String(decoding: bytes[i..<(i + n)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(v) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8)); i += n
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard i + 2 <= end, let v = UInt8(String(decoding: bytes[(i - 1)..<(i + 2)], as: UTF8.self), radix: 8) else { return nil }
                out.append(v); i += 2
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Go number constants: ints in any base with `_`, floats, hex floats, character constants.
enum NumberLiteral {
    static func parse(_ text: String, isChar: Bool) -> NumberConstant? {
        if isChar {
            guard let value = GoStringLiteral.unquote(text), let scalar = value.unicodeScalars.first, value.unicodeScalars.count == 1 else { return nil }
            return NumberConstant(text: text, int: Int64(scalar.value), float: Double(scalar.value), isChar: true)
        }
        if text.hasSuffix("i") { return nil }  // complex constants are not supported by templates' functions
        var body = Substring(text)
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        let digits = body.filter { $0 != "_" }
        let lower = digits.lowercased()
        var intValue: Int64?
        if lower.hasPrefix("0x"), !lower.contains("p"), !lower.contains(".") {
            intValue = Int64(lower.dropFirst(2), radix: 16)
        } else if lower.hasPrefix("0o") {
            intValue = Int64(lower.dropFirst(2), radix: 8)
        } else if lower.hasPrefix("0b") {
            intValue = Int64(lower.dropFirst(2), radix: 2)
        } else if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy({ $0.isNumber }) {
            intValue = Int64(lower.dropFirst(), radix: 8)
        } else if lower.allSatisfy({ $0.isNumber }) {
            intValue = Int64(lower, radix: 10)
        }
        if let v = intValue {
            let signed = negative ? -v : v
            return NumberConstant(text: text, int: signed, float: Double(signed), isChar: false)
        }
        guard let d = Double(lower.hasPrefix("0x") ? lower : lower) else { return nil }
        let value = negative ? -d : d
        // A float constant with an integral value is also usable as an int, as in Go.
        let asInt = value == value.rounded() && abs(value) < 9.2e18 ? Int64(value) : nil
        return NumberConstant(text: text, int: asInt, float: value, isChar: false)
    }
}
