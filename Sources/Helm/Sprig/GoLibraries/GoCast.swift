import GoTemplate

/// spf13/cast v1.7 conversions as Sprig calls them (`ToInt64`, `ToInt`, `ToFloat64`):
/// failures give zero instead of an error.
enum GoCast {
    /// `cast.ToInt64`: integers as they are, floats truncated, strings through
    /// `strconv.ParseInt(s, 0, 0)` after dropping a `.0…` tail, bools as 0/1, anything else 0.
    static func toInt64(_ value: Value) -> Int64 {
        switch value {
        case .int(let n), .int64(let n): return n
        case .float(let d): return goFloatToInt64(d)
        case .string(let s): return GoNumberParsing.parseInt(trimZeroDecimal(s), base: 0) ?? 0
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

    /// cast's `trimZeroDecimal`: "12.00" becomes "12"; any other text is left alone.
    static func trimZeroDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var foundZero = false
        var i = bytes.count
        while i > 0 {
            switch bytes[i - 1] {
            case UInt8(ascii: "."):
                if foundZero { return String(decoding: bytes[..<(i - 1)], as: UTF8.self) }
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return s
            }
            i -= 1
        }
        return s
    }
}
