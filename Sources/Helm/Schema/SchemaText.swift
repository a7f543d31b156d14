import GoStrconv
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
        let (digits, pointExponent) = GoFloat.shortestDigits(value.magnitude)
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

    /// Go's `%v` of a float64 inside the validator's messages: exponent form from 1e21 up.
    static func goFloat(_ value: Double) -> String { GoFloat.g(value, exponentThreshold: 21) }

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
