import GoTemplate

/// spf13/cast conversions as Sprig calls them (`ToInt64`, `ToInt`, `ToFloat64`), in the
/// v1.9 form Helm v4 builds with: failures give zero instead of an error.
enum GoCast {
    /// `cast.ToInt64`: integers as they are, floats truncated, strings through
    /// `strconv.ParseInt(s, 0, 0)` after dropping a decimal fraction, bools as 0/1, anything else 0.
    static func toInt64(_ value: Value) -> Int64 {
        switch value {
        case .int(let n), .int64(let n): return n
        case .float(let d): return goFloatToInt64(d)
        case .string(let s): return GoNumberParsing.parseInt(trimDecimal(s), base: 0) ?? 0
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    /// `cast.ToFloat64`: numbers widened, strings through `strconv.ParseFloat`, bools as 0/1.
    static func toFloat64(_ value: Value) -> Double {
        switch value {
        case .int(let n), .int64(let n): return Double(n)
        case .float(let d): return d
        case .string(let s): return GoNumberParsing.parseFloat(s) ?? 0
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    /// Go's `int64(f)` on amd64: truncation, with NaN and out-of-range values giving the
    /// "integer indefinite" value (minimum int64).
    static func goFloatToInt64(_ d: Double) -> Int64 {
        guard d.isFinite, d > -9_223_372_036_854_775_809.0, d < 9_223_372_036_854_775_808.0 else { return Int64.min }
        return Int64(d.rounded(.towardZero))
    }

    /// cast's `trimDecimal`: text of the form `[+-]digits.digits` keeps only its integer part
    /// ("3.9" -> "3", "-.5" -> "-0", "." -> "0"); anything else is left for ParseInt to reject.
    static func trimDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return s }
        var intPart = bytes[..<dot]
        let sign = intPart.first.flatMap { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") ? $0 : nil }
        if sign != nil { intPart = intPart.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard intPart.allSatisfy(isDigit), bytes[(dot + 1)...].allSatisfy(isDigit) else { return s }
        let digits = intPart.isEmpty ? "0" : String(decoding: intPart, as: UTF8.self)
        return (sign.map { String(UnicodeScalar($0)) } ?? "") + digits
    }
}
