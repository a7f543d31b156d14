/// A Kubernetes resource quantity (`250m`, `1.5Gi`, `1e3`), held exactly as significand × 10^d × 2^b.
///
/// Parsing follows resource.Quantity: an optional sign, digits with an optional fraction,
/// then a binary-SI suffix (Ki…Ei), a decimal-SI suffix (n, u, m, k, M, G, T, P, E) or a
/// decimal exponent (`e3`, `E-2`). Conversions round up, as Kubernetes does.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    /// The digits of the number without its decimal point, signed.
    public let significand: Int128
    /// The power of ten applied to `significand` (fraction digits and decimal suffixes).
    public let decimalExponent: Int
    /// The power of two applied (10 per binary-SI step: Ki = 10, Mi = 20, …).
    public let binaryExponent: Int
    /// The text the quantity was parsed from (or built for).
    public let text: String

    /// Parses a quantity string; throws `KubeError.invalidQuantity` when it is not one.
    public init(_ text: String) throws {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw KubeError.invalidQuantity(text: text, reason: "empty") }
        var chars = Array(trimmed.utf8)[...]
        var negative = false
        if let first = chars.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            chars = chars.dropFirst()
        }
        var digits: Int128 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var droppedPrecision = 0
        while let c = chars.first {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                sawDigit = true
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(c - UInt8(ascii: "0")))
                if o1 || o2 {
                    // Too many digits: keep the magnitude, lose trailing precision.
                    if !sawPoint { droppedPrecision += 1 }
                } else {
                    digits = a
                    if sawPoint { fractionDigits += 1 }
                }
            } else if c == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            chars = chars.dropFirst()
        }
        guard sawDigit else {
            throw KubeError.invalidQuantity(text: text, reason: "expected a number like 250m, 1.5Gi or 2")
        }
        let suffix = String(decoding: chars, as: UTF8.self)
        var dec = -fractionDigits + droppedPrecision
        var bin = 0
        switch suffix {
        case "": break
        case "Ki": bin = 10
        case "Mi": bin = 20
        case "Gi": bin = 30
        case "Ti": bin = 40
        case "Pi": bin = 50
        case "Ei": bin = 60
        case "n": dec -= 9
        case "u": dec -= 6
        case "m": dec -= 3
        case "k": dec += 3
        case "M": dec += 6
        case "G": dec += 9
        case "T": dec += 12
        case "P": dec += 15
        case "E": dec += 18
        default:
            guard let e = suffix.first, e == "e" || e == "E" else {
                throw KubeError.invalidQuantity(text: text, reason: "unknown suffix \"\(suffix)\" (use m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)")
            }
            let rest = suffix.dropFirst()
            let body = rest.hasPrefix("-") || rest.hasPrefix("+") ? rest.dropFirst() : rest[...]
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let exp = Int(rest), abs(exp) <= 60 else {
                throw KubeError.invalidQuantity(text: text, reason: "bad exponent \"\(suffix)\"")
            }
            dec += exp
        }
        self.significand = negative ? -digits : digits
        self.decimalExponent = dec
        self.binaryExponent = bin
        self.text = trimmed
    }

    /// A quantity of whole millicores (CPU) or milli-units.
    public init(milli: Int64) {
        significand = Int128(milli); decimalExponent = -3; binaryExponent = 0
        text = milli % 1000 == 0 ? "\(milli / 1000)" : "\(milli)m"
    }

    /// A quantity of bytes.
    public init(bytes: Int64) {
        significand = Int128(bytes); decimalExponent = 0; binaryExponent = 0
        text = "\(bytes)"
    }

    /// The value × 1000, rounded up (millicores for CPU); saturates at Int64 bounds.
    public var milliValue: Int64 { scaled(byPowerOfTen: 3) }

    /// The value rounded up to a whole number (bytes for memory and storage); saturates.
    public var value: Int64 { scaled(byPowerOfTen: 0) }

    /// The value as a Double, for display and ratios only.
    public var doubleValue: Double {
        var d = Double(significand)
        d *= pow10(decimalExponent)
        for _ in 0..<binaryExponent { d *= 2 }
        return d
    }

    /// The text as given.
    public var description: String { text }

    /// Whether two quantities denote the same amount (`1Gi` == `1073741824`).
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.scaled(byPowerOfTen: 9) == rhs.scaled(byPowerOfTen: 9) && lhs.value == rhs.value
    }

    /// Hashes the amount, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(scaled(byPowerOfTen: 9))
    }

    /// value × 10^p, rounded toward +infinity, saturating.
    private func scaled(byPowerOfTen p: Int) -> Int64 {
        var n = significand
        var overflow = false
        for _ in 0..<binaryExponent {
            let (m, o) = n.multipliedReportingOverflow(by: 2)
            if o { overflow = true; break }
            n = m
        }
        let e = decimalExponent + p
        if !overflow && e >= 0 {
            for _ in 0..<e {
                let (m, o) = n.multipliedReportingOverflow(by: 10)
                if o { overflow = true; break }
                n = m
            }
        } else if !overflow {
            var divisor: Int128 = 1
            for _ in 0..<(-e) {
                let (m, o) = divisor.multipliedReportingOverflow(by: 10)
                if o { return 0 < n ? 1 : 0 }
                divisor = m
            }
            let (q, r) = n.quotientAndRemainder(dividingBy: divisor)
            n = r > 0 ? q + 1 : q
        }
        if overflow { return significand < 0 ? Int64.min : Int64.max }
        if n > Int128(Int64.max) { return Int64.max }
        if n < Int128(Int64.min) { return Int64.min }
        return Int64(n)
    }
}

/// 10^e as a Double.
func pow10(_ e: Int) -> Double {
    var r = 1.0
    if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
    return r
}

extension Quantity: Decodable {
    /// Decodes from a JSON string (`"1.5Gi"`) or number (`2`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            do { try self.init(s) } catch let e as KubeError {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: e.description)
            }
        } else if let i = try? c.decode(Int64.self) {
            try self.init(String(i))
        } else if let d = try? c.decode(Double.self), d.isFinite {
            try self.init("\(d)")
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a quantity string like \"500m\" or \"1Gi\"")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
