/// Resolves plain scalars the way go-yaml v2 does (YAML 1.1), which is how Helm reads values.
public enum ScalarResolver {
    /// What a plain scalar means.
    public enum Resolved: Equatable, Sendable {
        /// null, `~`, empty.
        case null
        /// A YAML 1.1 boolean.
        case bool(Bool)
        /// An integer that fits in Int64.
        case int(Int64)
        /// An integer above Int64's range (kept as unsigned, as go-yaml does).
        case uint(UInt64)
        /// A float.
        case float(Double)
        /// A timestamp (go-yaml keeps it as a string when decoding into interface{}).
        case timestamp
        /// `<<`, the merge key.
        case merge
        /// Anything else.
        case string
    }

    private static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]
    private static let falseWords: Set<String> = ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// Resolves an untagged plain scalar.
    public static func resolve(_ text: String) -> Resolved {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            if trueWords.contains(text) { return .bool(true) }
            if falseWords.contains(text) { return .bool(false) }
            if nullWords.contains(text) { return .null }
            return .string
        case UInt8(ascii: "<"):
            return text == "<<" ? .merge : .string
        case UInt8(ascii: "."):
            switch text {
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            case ".inf", ".Inf", ".INF": return .float(.infinity)
            default: return numeric(text)
            }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            switch text {
            case "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            default: return numeric(text)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return numeric(text)
        default:
            return .string
        }
    }

    /// Whether a string written plain would read back as something other than that string
    /// (then go-yaml double-quotes it when encoding).
    public static func needsQuoting(_ text: String) -> Bool {
        let resolved = resolve(text)
        // `<<` is only special as a key; go-yaml writes it plain.
        if resolved != .string && resolved != .merge { return true }
        return isBase60Float(text)
    }

    private static func numeric(_ text: String) -> Resolved {
        quickDecimal(text) ?? numericLongWay(text)
    }

    /// Every numeric shape go-yaml knows: timestamps, `_` separators, Go's integer prefixes, floats.
    static func numericLongWay(_ text: String) -> Resolved {
        if isTimestamp(text) { return .timestamp }
        let plain = text.filter { $0 != "_" }
        if let value = GoInt.parse(plain) { return .int(value) }
        if let value = GoInt.parseUnsigned(plain) { return .uint(value) }
        if isYAMLStyleFloat(plain), let value = Double(plain) { return .float(value) }
        if plain.hasPrefix("0b"), let value = Int64(plain.dropFirst(2), radix: 2) { return .int(value) }
        if plain.hasPrefix("-0b"), let value = Int64(plain.dropFirst(3), radix: 2) { return .int(-value) }
        return .string
    }

    /// The common numbers read straight from their bytes: `[-+]?[1-9][0-9]{0,17}` or `[-+]?0`
    /// (an int), `[-+]?[0-9]{1,15}\.[0-9]{1,15}` (a float), and a string for a text with a
    /// character no number or timestamp has (`100m`, `2Gi`). nil for anything else, which
    /// `numeric` resolves the long way (the same answers, checked by `ScalarResolverTests`).
    static func quickDecimal(_ text: String) -> Resolved? {
        var text = text
        return text.withUTF8 { bytes -> Resolved? in
            for c in bytes where !isNumericByte(c) { return .string }
            var i = 0
            var negative = false
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                i = 1
            }
            let start = i
            var whole: Int64 = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                whole = whole &* 10 &+ Int64(bytes[i] &- 48)
                i += 1
            }
            let digits = i - start
            guard digits > 0 else { return nil }
            if i == bytes.count {
                // A leading zero means octal to Go; 18 digits always fit in Int64.
                guard digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
                return .int(negative ? -whole : whole)
            }
            guard bytes[i] == UInt8(ascii: "."), digits <= 15 else { return nil }
            i += 1
            let fractionStart = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            guard i == bytes.count, i - fractionStart > 0, i - fractionStart <= 15 else { return nil }
            guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
            return .float(value)
        }
    }

    /// Every byte any numeric shape can contain: digits, hex digits, signs, `.`, `_`, Go's
    /// `0x`/`0o`/`0b` prefixes in either case, and a timestamp's `T`, `Z`, `:` and space.
    static func isNumericByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "x"), UInt8(ascii: "X"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "z"), UInt8(ascii: "Z"),
            UInt8(ascii: ":"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let f = bytes.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let c = bytes.first, c >= 48, c <= 57 {
                bytes = bytes.dropFirst()
                n += 1
            }
            return n
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                _ = digits()
            }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$` (YAML 1.1 sexagesimal floats).
    static func isBase60Float(_ text: String) -> Bool {
        // It starts with a digit or a sign: most strings are ruled out without copying them.
        guard let f = text.utf8.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") || (f >= 48 && f <= 57) else { return false }
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        var b = Array(text.utf8)[...]
        if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { b = b.dropFirst() }
        guard let d = b.first, d >= 48, d <= 57 else { return false }
        b = b.dropFirst()
        while let c = b.first, (c >= 48 && c <= 57) || c == UInt8(ascii: "_") { b = b.dropFirst() }
        var groups = 0
        while b.first == UInt8(ascii: ":") {
            b = b.dropFirst()
            var n = 0
            var digitsSeen: [UInt8] = []
            while let c = b.first, c >= 48, c <= 57, n < 2 {
                digitsSeen.append(c)
                b = b.dropFirst()
                n += 1
            }
            guard n > 0 else { return false }
            if n == 2, digitsSeen[0] > UInt8(ascii: "5") { return false }
            groups += 1
        }
        guard groups > 0 else { return false }
        if b.first == UInt8(ascii: ".") {
            b = b.dropFirst()
            while let c = b.first, (c >= 48 && c <= 57) || c == UInt8(ascii: "_") { b = b.dropFirst() }
        }
        return b.isEmpty
    }

    /// go-yaml's timestamp shapes: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999`.
    static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        // A quick pre-check as go-yaml does: four digits and a dash.
        guard b.count >= 8, b[0...3].allSatisfy({ $0 >= 48 && $0 <= 57 }), b[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        func number(maxDigits: Int) -> Bool {
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57, i - start < maxDigits { i += 1 }
            return i > start
        }
        guard number(maxDigits: 2), i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard number(maxDigits: 2) else { return false }
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return false }
        let spaceForm = b[i] == UInt8(ascii: " ")
        i += 1
        guard number(maxDigits: 2), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard number(maxDigits: 2), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard number(maxDigits: 2) else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard number(maxDigits: 9) else { return false }
        }
        if i == b.count { return spaceForm }
        if spaceForm { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard number(maxDigits: 2), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard number(maxDigits: 2) else { return false }
        return i == b.count
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint(s, 0, 64)` prefixes: `0x`, `0o`, `0b`, leading-zero octal.
enum GoInt {
    static func parse(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.first == "+" || s.first == "-" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        guard let magnitude = parseUnsigned(String(s)) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func parseUnsigned(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.first != "+", text.first != "-" else { return nil }
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { return lower.count > 2 ? UInt64(lower.dropFirst(2), radix: 16) : nil }
        if lower.hasPrefix("0o") { return lower.count > 2 ? UInt64(lower.dropFirst(2), radix: 8) : nil }
        if lower.hasPrefix("0b") { return lower.count > 2 ? UInt64(lower.dropFirst(2), radix: 2) : nil }
        if text.count > 1 && text.hasPrefix("0") { return UInt64(text.dropFirst(), radix: 8) }
        return UInt64(text, radix: 10)
    }
}
