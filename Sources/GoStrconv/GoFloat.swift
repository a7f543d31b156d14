/// Go's `strconv.FormatFloat` for float64 with precision -1 (the shortest digits that read back
/// exactly): the one float formatter behind the template engine's `%v`, go-yaml's floats, Go's
/// encoding/json numbers and the schema validator's messages.
public enum GoFloat {
    /// Format 'g': exponent form when the decimal exponent is below -4 or at least
    /// `exponentThreshold` (6 for fmt's `%v` and go-yaml; 21 for `%v` inside Go's JSON schema
    /// messages). `NaN`, `+Inf`, `-Inf` as Go spells them.
    public static func g(_ value: Double, exponentThreshold: Int = 6) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(value.magnitude)
        let exponent = point - 1
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= exponentThreshold { return sign + exponentForm(digits, exponent) }
        return sign + fixedForm(digits, point)
    }

    /// Format 'f': the shortest digits, never an exponent.
    public static func fixed(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(value.magnitude)
        return (value < 0 ? "-" : "") + fixedForm(digits, point)
    }

    /// Format 'e': the shortest digits as `d.ddde±XX`.
    public static func exponent(_ value: Double) -> String {
        if value == 0 { return (value.sign == .minus ? "-" : "") + "0e+00" }
        let (digits, point) = shortestDigits(value.magnitude)
        return (value < 0 ? "-" : "") + exponentForm(digits, point - 1)
    }

    /// The shortest round-trip decimal digits of a finite, non-negative `magnitude` (no leading
    /// or trailing zeros; "0" for zero) and the decimal point's position: value = 0.DIGITS × 10^point.
    /// Swift's `description` already prints the shortest digits that read back exactly, as Go does.
    public static func shortestDigits(_ magnitude: Double) -> (digits: String, point: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var point = -1
        var exponent = 0
        var text = magnitude.description  // e.g. "1.5e-07", "8000000000.0", "0.1"
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: ".") {
                    point = digits.count
                } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    exponent = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)) ?? 0
                    break
                } else {
                    digits.append(byte)
                }
                i += 1
            }
        }
        if point < 0 { point = digits.count }
        let leading = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leading)
        point -= leading
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return ("0", 1) }
        return (String(decoding: digits, as: UTF8.self), point + exponent)
    }

    private static func exponentForm(_ digits: String, _ exponent: Int) -> String {
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let e = exponent.magnitude
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }

    private static func fixedForm(_ digits: String, _ point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return digits + String(repeating: "0", count: point - digits.count) }
        return digits.prefix(point) + "." + digits.dropFirst(point)
    }
}
