import GoTemplate

/// Numbers, date-times and strings.
extension TOMLParser {
    private typealias S = TOMLScanner

    // MARK: Numbers and dates

    /// A token starting with a digit: an integer in any base, a float or a date-time.
    mutating func numberOrDate() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        scanner.start = scanner.pos
        let first = try scanner.next()
        if first == "0" {
            let c = try scanner.next()
            switch c {
            case _ where S.isDigit(c): break
            case "_": return try decimalRest()
            case ".", "e", "E": return try floatRest()
            case "b": return try baseInteger("binary") { $0 == "0" || $0 == "1" }
            case "o": return try baseInteger("octal") { $0 >= "0" && $0 <= "7" }
            case "x": return try baseInteger("hexadecimal", S.isHex)
            default:
                scanner.backup()
                return try integer(scanner.current)
            }
        }
        while true {
            let c = try scanner.next()
            if S.isDigit(c) { continue }
            switch c {
            case "-", ":": return try datetimeRest()
            case "_": return try decimalRest()
            case ".", "e", "E": return try floatRest()
            default:
                scanner.backup()
                return try integer(scanner.current)
            }
        }
    }

    /// After `+` or `-`.
    mutating func signedNumber() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        let c = try scanner.next()
        switch c {
        case "i", "n":
            let word: [Unicode.Scalar] = c == "i" ? ["n", "f"] : ["a", "n"]
            guard try scanner.accept(word[0]), try scanner.accept(word[1]) else {
                throw scanner.error("invalid float: '\(scanner.current)'")
            }
            return try float(scanner.current)
        case "0":
            let p = try scanner.peek()
            if p == "b" || p == "o" || p == "x" {
                throw scanner.error("cannot use sign with non-decimal numbers: '\(scanner.current)\(Character(p))'")
            }
        case ".":
            throw scanner.error("floats must start with a digit, not '.'")
        default:
            break
        }
        if S.isDigit(c) { return try decimalRest() }
        throw scanner.error("expected a digit but got \(S.quoteRune(c))")
    }

    /// After `0b`, `0o` or `0x`: the next character must be a digit of that base.
    private mutating func baseInteger(_ name: String, _ isDigit: (Unicode.Scalar) -> Bool) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        let next = try scanner.peek()
        if !isDigit(next) {
            let article = name == "octal" ? "an" : "a"
            throw scanner.error("not \(article) \(name) number: '\(scanner.current)\(Character(next))'")
        }
        return try integerRest(isDigit)
    }

    private mutating func integerRest(_ isDigit: (Unicode.Scalar) -> Bool) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        while true {
            let c = try scanner.next()
            if isDigit(c) || c == "_" { continue }
            scanner.backup()
            return try integer(scanner.current)
        }
    }

    private mutating func decimalRest() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        while true {
            let c = try scanner.next()
            if S.isDigit(c) || c == "_" { continue }
            if c == "." || c == "e" || c == "E" { return try floatRest() }
            scanner.backup()
            return try integer(scanner.current)
        }
    }

    private mutating func floatRest() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        while true {
            let c = try scanner.next()
            if S.isDigit(c) || c == "_" || c == "." || c == "-" || c == "+" || c == "e" || c == "E" { continue }
            scanner.backup()
            return try float(scanner.current)
        }
    }

    private mutating func datetimeRest() throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        while true {
            let c = try scanner.next()
            if S.isDigit(c) { continue }
            switch c {
            case "-", ":", "T", "t", " ", ".", "Z", "z", "+": continue
            default:
                scanner.backup()
                let token = scanner.current.trimmingSpaces()
                return try datetime(token)
            }
        }
    }

    /// Digits separated by single underscores, ending in a (hex) digit.
    private static func underscoresOK(_ s: String) -> Bool {
        if ["nan", "+nan", "-nan", "inf", "-inf", "+inf"].contains(s) { return true }
        var accept = false
        for c in s.unicodeScalars {
            if c == "_" && !accept { return false }
            accept = S.isHex(c)
        }
        return accept
    }

    private static func hasLeadingZero(_ s: String) -> Bool {
        let b = Array(s.utf8)
        if b.count > 1 && b[0] == UInt8(ascii: "0") && !(b[1] == UInt8(ascii: "b") || b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
            return true
        }
        return b.count > 2 && (b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")) && b[1] == UInt8(ascii: "0")
    }

    private func integer(_ token: String) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        if !Self.underscoresOK(token) {
            throw valueError("Invalid integer \(S.quote(token)): underscores must be surrounded by digits")
        }
        if Self.hasLeadingZero(token) { throw valueError("Invalid integer \(S.quote(token)): cannot have leading zeroes") }
        var digits = Substring(token.replacingAll("_", with: ""))
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        // Parse the magnitude wide enough to tell "too large" from "malformed".
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else {
            if !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }) {
                throw valueError("\(token) is out of range for int64")
            }
            throw valueError("Expected integer value, but got '\(token)'.")
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw valueError("\(token) is out of range for int64") }
            return (.scalar(.int64(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))), .value)
        }
        guard magnitude <= UInt64(Int64.max) else { throw valueError("\(token) is out of range for int64") }
        return (.scalar(.int64(Int64(magnitude))), .value)
    }

    func float(_ token: String) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        let parts = token.split(whereSeparator: { $0 == "." || $0 == "e" || $0 == "E" })
        for part in parts where !Self.underscoresOK(String(part)) {
            throw valueError("Invalid float \(S.quote(token)): underscores must be surrounded by digits")
        }
        if let first = parts.first, Self.hasLeadingZero(String(first)) {
            throw valueError("Invalid float \(S.quote(token)): cannot have leading zeroes")
        }
        // A '.' must be followed by a digit.
        var afterPeriod = false
        for c in token.unicodeScalars {
            if afterPeriod && !S.isDigit(c) {
                throw valueError("Invalid float \(S.quote(token)): '.' must be followed by one or more digits")
            }
            afterPeriod = c == "."
        }
        if afterPeriod { throw valueError("Invalid float \(S.quote(token)): '.' must be followed by one or more digits") }
        var text = token.replacingAll("_", with: "")
        var negativeNaN = false
        if text == "+nan" || text == "-nan" {
            negativeNaN = text == "-nan"
            text = "nan"
        }
        switch text {
        case "nan": return (.scalar(.float(negativeNaN ? -Double.nan : Double.nan)), .value)
        case "inf", "+inf": return (.scalar(.float(.infinity)), .value)
        case "-inf": return (.scalar(.float(-.infinity)), .value)
        default: break
        }
        guard Self.isDecimalFloat(text), let number = Double(text) else {
            throw valueError("Invalid float value: \(S.quote(token))")
        }
        if number.isInfinite { throw valueError("\(token) is out of range for float64") }
        return (.scalar(.float(number)), .value)
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, what strconv accepts from the lexer's tokens.
    private static func isDecimalFloat(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let c = b.first, c >= 48, c <= 57 { b = b.dropFirst(); n += 1 }
            return n
        }
        if let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { b = b.dropFirst() }
        var mantissa = digits()
        if b.first == UInt8(ascii: ".") {
            b = b.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = b.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            b = b.dropFirst()
            if let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { b = b.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return b.isEmpty
    }

    /// The layouts tried in order, with the zone a value without an offset gets.
    private static let dateLayouts: [(String, @Sendable () -> GoLocation)] = [
        ("2006-01-02T15:04:05.999999999Z07:00", { GoLocation.local }),
        ("2006-01-02T15:04:05.999999999", { TOMLDates.localDatetime }),
        ("2006-01-02", { TOMLDates.localDate }),
        ("15:04:05.999999999", { TOMLDates.localTime }),
        ("2006-01-02T15:04Z07:00", { GoLocation.local }),
        ("2006-01-02T15:04", { TOMLDates.localDatetime }),
        ("15:04", { TOMLDates.localTime }),
    ]

    private func datetime(_ token: String) throws(DecodeError) -> (TOMLNode, TOMLDocument.KeyType) {
        var text = ""
        for c in token.unicodeScalars {
            switch c {
            case "z": text += "Z"
            case "t", " ": text += "T"
            default: text.unicodeScalars.append(c)
            }
        }
        for (layout, zone) in Self.dateLayouts {
            guard let time = try? GoTimeParse.parse(layout: layout, value: text, in: zone()) else { continue }
            if Self.missingLeadingZero(Array(text.utf8), Array(layout.utf8)) { break }
            return (.scalar(.object(GoTimeObject(time, local: GoLocation.local))), .value)
        }
        throw valueError("invalid datetime: \(S.quote(text))")
    }

    /// Go's time parsing accepts single-digit fields; TOML does not. Separators must line up.
    private static func missingLeadingZero(_ value: [UInt8], _ layout: [UInt8]) -> Bool {
        for (i, c) in layout.enumerated() {
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "Z") { return false }
            let isDigit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
            if !isDigit && (i >= value.count || value[i] != c) { return true }
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces (Go's TrimSpace for the lexer's tokens).
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f == " " || f == "\t" || f == "\n" || f == "\r" { scalars = scalars.dropFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\n" || l == "\r" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
