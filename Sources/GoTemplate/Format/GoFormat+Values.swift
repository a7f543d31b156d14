#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GoFormat {
    static func formatInteger(_ n: Int64, value: Value, verb: Unicode.Scalar, spec: FormatSpec) -> String {
        var digits: String
        var prefix = ""
        let magnitude = n.magnitude
        switch verb {
        case "d", "v": digits = String(magnitude)
        case "b": digits = String(magnitude, radix: 2); if spec.sharp { prefix = "0b" }
        case "o": digits = String(magnitude, radix: 8); if spec.sharp { prefix = "0" }
        case "O": digits = String(magnitude, radix: 8); prefix = "0o"
        case "x": digits = String(magnitude, radix: 16); if spec.sharp { prefix = "0x" }
        case "X": digits = String(magnitude, radix: 16, uppercase: true); if spec.sharp { prefix = "0X" }
        case "c":
            let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(0, n))) ?? "\u{FFFD}"
            return spec.pad(String(scalar), numeric: false)
        case "q":
            return spec.pad(GoQuote.quoteRune(n, asciiOnly: spec.plus), numeric: false)
        case "U":
            var hex = String(magnitude, radix: 16, uppercase: true)
            if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
            var text = "U+" + hex
            if spec.sharp, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: n)), GoQuote.isPrintable(scalar) {
                text += " '" + String(scalar) + "'"
            }
            return spec.pad(text, numeric: false)
        case "e", "E", "f", "F", "g", "G":
            return badVerb(verb, value)
        default:
            return badVerb(verb, value)
        }
        if let precision = spec.precision {
            if precision == 0 && n == 0 { digits = "" }
            if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        }
        if prefix == "0" && digits.hasPrefix("0") { prefix = "" }
        let sign = n < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        var specCopy = spec
        if spec.precision != nil { specCopy.zero = false }
        if specCopy.zero, let width = spec.width, !spec.minus {
            let body = prefix + digits
            let fill = width - sign.count - body.count
            if fill > 0 { return sign + prefix + String(repeating: "0", count: fill) + digits }
            return sign + body
        }
        return specCopy.pad(sign + prefix + digits)
    }

    static func formatFloat(_ d: Double, value: Value, verb: Unicode.Scalar, spec: FormatSpec) -> String {
        var text: String
        switch verb {
        case "v", "g", "G":
            if let precision = spec.precision {
                text = cFormat(d, "g", precision: max(precision, 1))
            } else {
                text = ValueFormatting.formatFloat(d)
            }
            if verb == "G" { text = text.uppercased() }
        case "e", "E":
            text = cFormat(d, verb == "e" ? "e" : "E", precision: spec.precision ?? 6)
        case "f", "F":
            text = cFormat(d, "f", precision: spec.precision ?? 6)
        case "x", "X":
            text = hexFloat(d, precision: spec.precision, upper: verb == "X")
        default:
            return badVerb(verb, value)
        }
        if d.isNaN { text = "NaN" } else if d.isInfinite { text = d < 0 ? "-Inf" : "+Inf" }
        if !text.hasPrefix("-") && !text.hasPrefix("+") {
            if spec.plus { text = "+" + text } else if spec.space { text = " " + text }
        } else if text.hasPrefix("+") && !spec.plus {
            text.removeFirst()
        }
        var padSpec = spec
        if !d.isFinite { padSpec.zero = false }
        return padSpec.pad(text)
    }

    static func formatString(_ s: String, value: Value, verb: Unicode.Scalar, spec: FormatSpec) -> String {
        var text = s
        if let precision = spec.precision, verb == "s" || verb == "v" || verb == "q" {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }
        switch verb {
        case "s", "v":
            return spec.pad(text, numeric: false)
        case "q":
            if spec.sharp && GoQuote.canBackquote(text) { return spec.pad("`" + text + "`", numeric: false) }
            return spec.pad(GoQuote.quote(text, asciiOnly: spec.plus), numeric: false)
        case "x", "X":
            let bytes = Array(s.utf8)
            let parts = bytes.map { b -> String in
                let h = String(b, radix: 16, uppercase: verb == "X")
                return (h.count < 2 ? "0" : "") + h
            }
            var joined = parts.joined(separator: spec.space ? " " : "")
            if spec.sharp && !bytes.isEmpty {
                let marker = verb == "X" ? "0X" : "0x"
                joined = spec.space ? parts.map { marker + $0 }.joined(separator: " ") : marker + joined
            }
            return spec.pad(joined, numeric: false)
        default:
            return badVerb(verb, value)
        }
    }

    /// C's printf gives correctly rounded %e/%f/%g with at least two exponent digits, as Go does.
    private static func cFormat(_ d: Double, _ conversion: String, precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let format = "%." + String(min(precision, 300)) + conversion
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([d]) { vsnprintf(pointer.baseAddress, pointer.count, format, $0) }
        }
        guard count >= 0 else { return ValueFormatting.formatFloat(d) }
        return String(cString: buffer)
    }

    /// `%x` on a float: C's `%a` with Go's two-digit exponent (`0x1.cp+01`).
    private static func hexFloat(_ d: Double, precision: Int?, upper: Bool) -> String {
        var text = precision.map { cFormat(d, "a", precision: $0) } ?? {
            var buffer = [CChar](repeating: 0, count: 128)
            _ = buffer.withUnsafeMutableBufferPointer { pointer in withVaList([d]) { vsnprintf(pointer.baseAddress, pointer.count, "%a", $0) } }
            return String(cString: buffer)
        }()
        if let p = text.firstIndex(of: "p") {
            let mantissa = text[..<p]
            var exponent = String(text[text.index(after: p)...])
            let sign = exponent.first == "-" ? "-" : "+"
            exponent = String(exponent.drop { $0 == "+" || $0 == "-" })
            if exponent.count < 2 { exponent = "0" + exponent }
            text = mantissa + "p" + sign + exponent
        }
        return upper ? text.uppercased() : text
    }
}
