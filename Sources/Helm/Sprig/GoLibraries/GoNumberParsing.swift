/// Go's `strconv` number parsing, as Sprig's conversions (through spf13/cast) use it.
enum GoNumberParsing {
    /// `strconv.ParseInt(s, base, 64)`; nil where Go returns an error (syntax or range).
    /// Base 0 reads Go prefixes (`0x`, `0o`, `0b`, a leading `0` for octal) and allows
    /// underscores between digits.
    static func parseInt(_ s: String, base: Int) -> Int64? {
        var bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard let magnitude = parseUInt(bytes, base: base) else { return nil }
        if negative {
            guard magnitude <= UInt64(1) << 63 else { return nil }
            return magnitude == UInt64(1) << 63 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseUint` on unsigned text (no sign).
    private static func parseUInt(_ original: [UInt8], base requested: Int) -> UInt64? {
        guard !original.isEmpty else { return nil }
        var s = original[...]
        var base = requested
        let base0 = requested == 0
        if base0 {
            base = 10
            if s.first == UInt8(ascii: "0") {
                let second = s.count >= 3 ? s[s.startIndex + 1] | 0x20 : 0
                switch second {
                case UInt8(ascii: "b"): base = 2; s = s.dropFirst(2)
                case UInt8(ascii: "o"): base = 8; s = s.dropFirst(2)
                case UInt8(ascii: "x"): base = 16; s = s.dropFirst(2)
                default: base = 8; s = s.dropFirst(1)
                }
            }
        }
        var value: UInt64 = 0
        var underscores = false
        for c in s {
            let digit: Int
            switch c {
            case UInt8(ascii: "_") where base0: underscores = true; continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: UInt64(base))
            let (sum, o2) = m.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        if underscores && !underscoreOK(Array(original)) { return nil }
        return value
    }

    /// Go's rule for `_` in number literals: only between digits (or after a base prefix).
    static func underscoreOK(_ text: [UInt8]) -> Bool {
        var s = text[...]
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { s = s.dropFirst() }
        var saw: UInt8 = UInt8(ascii: "^")
        var hex = false
        if s.count >= 2, s.first == UInt8(ascii: "0") {
            let p = s[s.startIndex + 1] | 0x20
            if p == UInt8(ascii: "b") || p == UInt8(ascii: "o") || p == UInt8(ascii: "x") {
                s = s.dropFirst(2)
                saw = UInt8(ascii: "0")
                hex = p == UInt8(ascii: "x")
            }
        }
        for c in s {
            let lower = c | 0x20
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
                continue
            }
            if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }

    /// `strconv.Atoi` with its error ignored, as Sprig's `atoi` does: decimal only, optional
    /// sign; a syntax error gives 0 and an out-of-range number the clamped limit.
    static func atoi(_ s: String) -> Int64 {
        if let n = parseInt(s, base: 10) { return n }
        var digits = Substring(s)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return 0 }
        return negative ? Int64.min : Int64.max
    }

    /// `strconv.ParseFloat(s, 64)`; nil on a syntax error or when the value overflows.
    static func parseFloat(_ s: String) -> Double? {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        let rest = String(decoding: bytes[i...], as: UTF8.self).lowercased()
        if rest == "inf" || rest == "infinity" { return negative ? -.infinity : .infinity }
        if rest == "nan" { return .nan }
        guard isFloatSyntax(bytes, from: i) else { return nil }
        if bytes.contains(UInt8(ascii: "_")) && !underscoreOK(bytes) { return nil }
        let cleaned = String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(cleaned), !value.isInfinite else { return nil }
        return value
    }

    /// Go's `readFloat` grammar: digits with one optional point, an optional exponent
    /// (`e` for decimal, a required `p` for hex mantissas), the whole string consumed.
    private static func isFloatSyntax(_ s: [UInt8], from start: Int) -> Bool {
        var i = start
        var hex = false
        if i + 1 < s.count, s[i] == UInt8(ascii: "0"), s[i + 1] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 2
        }
        var sawDigits = false, sawDot = false
        while i < s.count {
            let c = s[i], lower = c | 0x20
            if c == UInt8(ascii: "_") { i += 1; continue }
            if c == UInt8(ascii: ".") {
                if sawDot { return false }
                sawDot = true
                i += 1
                continue
            }
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) {
                sawDigits = true
                i += 1
                continue
            }
            break
        }
        guard sawDigits else { return false }
        if i < s.count {
            let e = s[i] | 0x20
            guard (!hex && e == UInt8(ascii: "e")) || (hex && e == UInt8(ascii: "p")) else { return false }
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = false
            while i < s.count, (s[i] >= UInt8(ascii: "0") && s[i] <= UInt8(ascii: "9")) || s[i] == UInt8(ascii: "_") {
                if s[i] != UInt8(ascii: "_") { expDigits = true }
                i += 1
            }
            guard expDigits else { return false }
        } else if hex {
            return false // a hex mantissa needs a 'p' exponent
        }
        return i == s.count
    }
}
