import GoStrconv
/// Exact decimal arithmetic as shopspring/decimal does it for Sprig's `addf`, `subf`,
/// `mulf` and `divf`: each float becomes its shortest decimal form, the operation is exact
/// (division keeps 16 fractional digits, rounding half away from zero), and the result is
/// the nearest float64.
struct GoDecimal {
    /// Sign of the value (false for zero).
    var negative: Bool
    /// Magnitude digits, least significant first, no trailing (high) zeros; empty means 0.
    var digits: [UInt8]
    /// Power of ten the digits are scaled by.
    var exponent: Int

    /// The error Sprig's decimal code panics with for NaN and infinities.
    struct NonFinite: Error { let value: Double }
    /// The panic for a division by zero.
    struct DivisionByZero: Error {}

    /// `decimal.NewFromFloat`: the shortest decimal that reads back as `value`.
    init(_ value: Double) throws {
        guard value.isFinite else { throw NonFinite(value: value) }
        if value == 0 { self.init(negative: false, bigEndian: [], exponent: 0); return }
        // The one shortest-digits routine (Go's 'g' with precision -1): value = 0.DIGITS × 10^point.
        let (digits, point) = GoFloat.shortestDigits(value.magnitude)
        let mantissa = digits.utf8.map { $0 - UInt8(ascii: "0") }
        self.init(negative: value < 0, bigEndian: mantissa, exponent: point - mantissa.count)
    }

    /// A value from most-significant-first digits.
    init(negative: Bool, bigEndian: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = Array(bigEndian.reversed())
        self.exponent = exponent
        normalize()
    }

    private init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
        normalize()
    }

    private mutating func normalize() {
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { negative = false }
    }

    var isZero: Bool { digits.isEmpty }

    /// The nearest float64 (Go's `big.Rat.Float64`).
    var double: Double {
        guard !digits.isEmpty else { return 0 }
        let text = (negative ? "-" : "") + String(decoding: digits.reversed().map { $0 + UInt8(ascii: "0") }, as: UTF8.self) + "e\(exponent)"
        return Double(text) ?? 0
    }

    static func + (a: GoDecimal, b: GoDecimal) -> GoDecimal {
        let e = min(a.exponent, b.exponent)
        let x = Magnitude.shifted(a.digits, by: a.exponent - e), y = Magnitude.shifted(b.digits, by: b.exponent - e)
        if a.negative == b.negative { return GoDecimal(negative: a.negative, digits: Magnitude.add(x, y), exponent: e) }
        if Magnitude.compare(x, y) >= 0 { return GoDecimal(negative: a.negative, digits: Magnitude.subtract(x, y), exponent: e) }
        return GoDecimal(negative: b.negative, digits: Magnitude.subtract(y, x), exponent: e)
    }

    static prefix func - (a: GoDecimal) -> GoDecimal { GoDecimal(negative: !a.negative, digits: a.digits, exponent: a.exponent) }

    static func - (a: GoDecimal, b: GoDecimal) -> GoDecimal { a + (-b) }

    static func * (a: GoDecimal, b: GoDecimal) -> GoDecimal {
        GoDecimal(negative: a.negative != b.negative, digits: Magnitude.multiply(a.digits, b.digits), exponent: a.exponent + b.exponent)
    }

    /// `Div`: `DivRound(b, 16)`.
    func divided(by b: GoDecimal) throws -> GoDecimal {
        guard !b.isZero else { throw DivisionByZero() }
        let precision = 16
        let e = exponent - b.exponent + precision
        let aa = e < 0 ? digits : Magnitude.shifted(digits, by: e)
        let bb = e < 0 ? Magnitude.shifted(b.digits, by: -e) : b.digits
        let (q, r) = Magnitude.divide(aa, bb)
        let remainderExponent = e < 0 ? exponent : b.exponent - precision
        var quotient = GoDecimal(negative: negative != b.negative, digits: q, exponent: -precision)
        // Round half away from zero: compare 2·|r|·10^precision with |b|.
        let twice = Magnitude.add(r, r)
        let lhsExp = remainderExponent + precision
        let base = min(lhsExp, b.exponent)
        if Magnitude.compare(Magnitude.shifted(twice, by: lhsExp - base), Magnitude.shifted(b.digits, by: b.exponent - base)) >= 0 {
            let unit = GoDecimal(negative: negative != b.negative, digits: [1], exponent: -precision)
            quotient = quotient + unit
        }
        return quotient
    }
}

/// Unsigned big integers as little-endian base-10 digit arrays.
enum Magnitude {
    static func shifted(_ x: [UInt8], by zeros: Int) -> [UInt8] {
        x.isEmpty || zeros <= 0 ? x : [UInt8](repeating: 0, count: zeros) + x
    }

    static func trimmed(_ x: [UInt8]) -> [UInt8] {
        var x = x
        while let last = x.last, last == 0 { x.removeLast() }
        return x
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let a = trimmed(a), b = trimmed(b)
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    static func add(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt8 = 0
        for i in 0..<max(a.count, b.count) {
            let s = (i < a.count ? a[i] : 0) + (i < b.count ? b[i] : 0) + carry
            out.append(s % 10)
            carry = s / 10
        }
        if carry > 0 { out.append(carry) }
        return trimmed(out)
    }

    /// `a - b` for `a >= b`.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var borrow = 0
        for i in 0..<a.count {
            var d = Int(a[i]) - borrow - (i < b.count ? Int(b[i]) : 0)
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 10 }
            out.append(UInt8(d))
        }
        return trimmed(out)
    }

    static func multiply(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var acc = [Int](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count where a[i] != 0 {
            for j in 0..<b.count { acc[i + j] += Int(a[i]) * Int(b[j]) }
        }
        var out: [UInt8] = []
        var carry = 0
        for v in acc {
            let s = v + carry
            out.append(UInt8(s % 10))
            carry = s / 10
        }
        while carry > 0 { out.append(UInt8(carry % 10)); carry /= 10 }
        return trimmed(out)
    }

    /// Truncating division: quotient and remainder.
    static func divide(_ a: [UInt8], _ b: [UInt8]) -> ([UInt8], [UInt8]) {
        var quotient = [UInt8](repeating: 0, count: a.count)
        var remainder: [UInt8] = []
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            remainder = trimmed([a[i]] + remainder)
            var d: UInt8 = 0
            while compare(remainder, b) >= 0 {
                remainder = subtract(remainder, b)
                d += 1
            }
            quotient[i] = d
        }
        return (trimmed(quotient), remainder)
    }
}
