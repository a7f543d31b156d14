/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`: the shortest digits that read back exactly,
/// in exponent form when the exponent is below -4 or at least 6 (go-yaml's float style).
public enum GoFloatFormat {
    static func shortestG(_ value: Double, exponentThreshold: Int = 6) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, pointPosition) = shortestDigits(abs(value))
        let exponent = pointPosition - 1
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= exponentThreshold {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let index = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<index] + "." + digits[index...]
    }

    /// Decimal digits (no leading/trailing zeros) and the position of the decimal point,
    /// taken from Swift's shortest round-trip description.
    static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = value.description // e.g. "1.5e-07", "8000000000.0", "0.1"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + String(fraction)
        var point = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); point -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }

    /// Go's `strconv.FormatFloat(f, 'f', -1, 64)`: shortest digits, never an exponent.
    public static func shortestFixed(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let index = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<index] + "." + digits[index...]
    }

    /// Go's `strconv.FormatFloat(f, 'e', -1, 64)`: shortest digits as `d.ddde±XX`.
    public static func shortestExponent(_ value: Double) -> String {
        if value == 0 { return (value.sign == .minus ? "-" : "") + "0e+00" }
        let (digits, point) = shortestDigits(abs(value))
        let exponent = point - 1
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let e = abs(exponent)
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }
}
