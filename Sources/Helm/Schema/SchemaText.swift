import GoTemplate

/// Go's `strconv.Quote` and the schema library's single-quoted variant.
enum SchemaQuote {
    /// `strconv.Quote(s)`, as GoTemplate's `%q` already writes it.
    static func doubleQuoted(_ s: String) -> String { GoFormat.sprintf("%q", [.string(s)]) }

    /// The library's `quote`: Go-quoted, then `"` unescaped and `'` escaped, in single quotes.
    static func single(_ s: String) -> String {
        let q = doubleQuoted(s).dropFirst().dropLast()
        var out = "'"
        var iterator = q.makeIterator()
        while let c = iterator.next() {
            if c == "\\" {
                let next = iterator.next()
                if next == "\"" { out += "\"" } else { out.append("\\"); if let next { out.append(next) } }
            } else if c == "'" {
                out += "\\'"
            } else {
                out.append(c)
            }
        }
        return out + "'"
    }
}

/// Numbers as golang.org/x/text's English message printer writes them (the library formats
/// its messages through it): grouped thousands, and `1.5×10⁰⁶` instead of `1.5e+06`.
enum PrinterNumber {
    /// `%d` of an int.
    static func int(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// `%v` of a float64: the shortest digits, scientific when the exponent is < -4 or >= 6.
    static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        let sign = value < 0 ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, pointExponent) = shortestDigits(value.magnitude)
        let exp = pointExponent - 1
        if exp < -4 || exp >= 6 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            return sign + mantissa + "×10" + superscript(exp)
        }
        let integer: String
        let fraction: String
        if pointExponent <= 0 {
            integer = "0"
            fraction = String(repeating: "0", count: -pointExponent) + digits
        } else if pointExponent >= digits.count {
            integer = digits + String(repeating: "0", count: pointExponent - digits.count)
            fraction = ""
        } else {
            integer = String(digits.prefix(pointExponent))
            fraction = String(digits.dropFirst(pointExponent))
        }
        return sign + grouped(integer) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Go's `%v` of a float64 (no grouping), as `fmt.Sprint` writes it.
    static func goFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let sign = value < 0 ? "-" : ""
        let (digits, pointExponent) = shortestDigits(value.magnitude)
        let exp = pointExponent - 1
        if exp < -4 || exp >= 21 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = exp < 0 ? "-" : "+"
            let ed = String(exp.magnitude)
            return sign + mantissa + "e" + e + (ed.count < 2 ? "0" + ed : ed)
        }
        if pointExponent <= 0 { return sign + "0." + String(repeating: "0", count: -pointExponent) + digits }
        if pointExponent >= digits.count { return sign + digits + String(repeating: "0", count: pointExponent - digits.count) }
        return sign + digits.prefix(pointExponent) + "." + digits.dropFirst(pointExponent)
    }

    /// The shortest round-trip digits (no leading/trailing zeros) and the decimal point position:
    /// value = 0.DIGITS × 10^pointExponent.
    static func shortestDigits(_ magnitude: Double) -> (String, Int) {
        let text = "\(magnitude)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var point = -1
        for c in mantissa {
            if c == "." { point = digits.count } else { digits.append(c) }
        }
        if point < 0 { point = digits.count }
        let leading = digits.prefix { $0 == "0" }.count
        digits.removeFirst(leading)
        point -= leading
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return ("0", 1) }
        return (digits, point + exponent)
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    private static func superscript(_ exp: Int) -> String {
        let map: [Character: String] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                        "7": "⁷", "8": "⁸", "9": "⁹"]
        var digits = String(exp.magnitude)
        if digits.count < 2 { digits = "0" + digits }
        return (exp < 0 ? "⁻" : "") + digits.map { map[$0] ?? String($0) }.joined()
    }
}
