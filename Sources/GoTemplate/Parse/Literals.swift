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

/// Go number constants (parse.newNumber): ints in any base with `_`, floats, hex floats,
/// character constants. Complex constants (`1i`) are not supported.
enum NumberLiteral {
    static func parse(_ text: String, isChar: Bool) -> NumberConstant? {
        if isChar { return character(text) }
        if text.hasSuffix("i") { return nil }
        guard var constant = number(text) else { return nil }
        let lower = text.lowercased()
        // As Go's isHexInt, which looks at unsigned text only (`-0x1e` counts as a float there).
        let isHexInt = lower.hasPrefix("0x")
        constant.isWrittenAsFloat = constant.float != nil && text.contains(where: { ".eEpP".contains($0) })
            && !(isHexInt && !lower.contains("p"))
        return constant
    }

    private static func number(_ text: String) -> NumberConstant? {
        let signed = Int64(goInteger: text)
        let unsigned = UInt64(goInteger: text)
        if let i = signed { return NumberConstant(text: text, int: i, float: Double(i), isChar: false) }
        if let u = unsigned { return NumberConstant(text: text, int: nil, float: Double(u), isChar: false, isUnsigned: true) }
        // A float whose text looks like an integer is an integer too large for 64 bits.
        guard text.contains(where: { ".eEpP".contains($0) }), validUnderscores(text),
              let d = Double(text.filter { $0 != "_" }), d.isFinite else { return nil }
        let asInt = d == d.rounded() && abs(d) < 9.2e18 ? Int64(d) : nil
        return NumberConstant(text: text, int: asInt, float: d, isChar: false)
    }

    /// A character constant's value: `'a'`, `'\n'`, `'\xFF'` (a byte value), `'\377'`, `'\u00e9'`.
    private static func character(_ text: String) -> NumberConstant? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "'"), bytes.last == UInt8(ascii: "'") else { return nil }
        let inner = bytes[1..<(bytes.count - 1)]
        var value: UInt32?
        if inner.first == UInt8(ascii: "\\"), inner.count >= 2 {
            let digits = String(decoding: inner.dropFirst(2), as: UTF8.self)
            switch inner[inner.startIndex + 1] {
            case UInt8(ascii: "x") where digits.count == 2: value = UInt32(digits, radix: 16)
            case UInt8(ascii: "0")...UInt8(ascii: "7") where inner.count == 4:
                value = UInt32(String(decoding: inner.dropFirst(), as: UTF8.self), radix: 8).flatMap { $0 <= 255 ? $0 : nil }
            default: break
            }
        }
        if value == nil {
            guard let unquoted = GoStringLiteral.unquote(text), unquoted.unicodeScalars.count == 1,
                  let scalar = unquoted.unicodeScalars.first else { return nil }
            value = scalar.value
        }
        guard let value else { return nil }
        return NumberConstant(text: text, int: Int64(value), float: Double(value), isChar: true)
    }

    /// Go allows `_` only between digits, or after a base prefix (`0x_1`).
    static func validUnderscores(_ text: String) -> Bool {
        guard text.contains("_") else { return true }
        let chars = Array(text.lowercased())
        for (i, c) in chars.enumerated() where c == "_" {
            let before: Character? = i > 0 ? chars[i - 1] : nil
            let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let isPrefix = i == 2 && chars[0] == "0" && "xob".contains(chars[1])
            guard let a = after, a.isHexDigit, let b = before, b.isHexDigit || isPrefix else { return false }
        }
        return true
    }
}

extension FixedWidthInteger {
    /// strconv.ParseInt/ParseUint(text, 0, 64): an optional sign, then decimal, `0x`, `0o`, `0b`
    /// or a leading-zero octal number, with `_` between digits.
    init?(goInteger text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard NumberLiteral.validUnderscores(String(body)) else { return nil }
        let lower = body.lowercased().filter { $0 != "_" }
        var digits = Substring(lower)
        var radix = 10
        if lower.hasPrefix("0x") { radix = 16; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; digits = digits.dropFirst(2) }
        else if lower.count > 1 && lower.hasPrefix("0") { radix = 8; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        guard let value = Self(negative ? "-" + digits : String(digits), radix: radix) else { return nil }
        self = value
    }
}
